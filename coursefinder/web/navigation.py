"""Links on the results page: removable filter chips and pagination."""

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from . import labels
from .params import to_args

FILTER_NAMES = {
    "county": _l("County"),
    "municipality": _l("Municipality"),
    "age": _l("Age"),
    "norwegian": _l("Norwegian training"),
    "level": _l("Your Norwegian level"),
    "course_type": _l("Course type"),
    "sector": _l("Sector"),
    "delivery": _l("How it is taught"),
    "start_from": _l("Starts on or after"),
    "start_to": _l("Starts on or before"),
    "include_ended": _l("Also courses that have ended"),
}


@dataclass
class Chip:
    name: str       # what the filter is
    value: str      # what is selected
    url: str        # the same search without it


def search_url(request, **changes):
    changes = {name: tuple(value) if isinstance(value, list) else value for name, value in changes.items()}
    changes.setdefault("page", 1)
    return url_for("pages.search", lang=request.lang) + query_string(to_args(request, **changes))


def query_string(pairs):
    """``?a=1&b=2`` for parameter pairs, or nothing when there are none."""
    return "?" + urlencode(pairs) if pairs else ""


def chips(request):
    found = []
    for group in ("county", "course_type", "sector", "delivery"):
        selected = getattr(request, group)
        for value in selected:
            rest = tuple(v for v in selected if v != value)
            found.append(Chip(FILTER_NAMES[group], labels.label(group, value), search_url(request, **{group: rest})))
    for value in request.municipality:
        rest = tuple(v for v in request.municipality if v != value)
        found.append(Chip(FILTER_NAMES["municipality"], value, search_url(request, municipality=rest)))
    if request.age is not None:
        found.append(Chip(FILTER_NAMES["age"], str(request.age), search_url(request, age=None)))
    if request.norwegian:
        found.append(Chip(FILTER_NAMES["norwegian"], labels.NORWEGIAN[request.norwegian],
                          search_url(request, norwegian=None)))
    if request.level:
        found.append(Chip(FILTER_NAMES["level"], labels.LEVELS[request.level], search_url(request, level=None)))
    for name in ("start_from", "start_to"):
        value = getattr(request, name)
        if value:
            found.append(Chip(FILTER_NAMES[name], format_date(value, "long"), search_url(request, **{name: None})))
    if request.include_ended:
        found.append(Chip(FILTER_NAMES["include_ended"], "", search_url(request, include_ended=False)))
    return found


def page_numbers(current, last, around=2):
    """Pages to link, with None for a gap: 1 … 4 5 [6] 7 8 … 20."""
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    numbers, previous = [], 0
    for number in shown:
        if number - previous > 1:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers

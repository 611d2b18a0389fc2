"""Links on the results page: removable filter chips and pagination."""

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import g, url_for

from ..search import FILTERS
from .params import URL_VERSION, to_args


@dataclass
class Chip:
    name: str       # what the filter is
    value: str      # what is selected
    url: str        # the same search without it


def search_url(search_request, **changes):
    changes = {name: tuple(value) if isinstance(value, list) else value for name, value in changes.items()}
    changes.setdefault("page", 1)
    return url_for("search.search", lang=search_request.lang) + query_string(to_args(search_request, **changes))


def comparison_url(search_request, compare):
    """``search_url(search_request, page=search_request.page, compare=compare)``: the same page with
    another comparison (a page of results links one for each course); what comes before the
    comparison in the address is made once a request."""
    kept = g.get("_comparison_prefix")
    if kept is None or kept[0] is not search_request:
        pairs = to_args(search_request, compare=())
        if pairs[-1] != ("v", URL_VERSION):
            raise RuntimeError("a search's address no longer ends with its version")
        before = urlencode(pairs[:-1])
        kept = g._comparison_prefix = (search_request, url_for("search.search", lang=search_request.lang) + "?"
                                       + (before + "&" if before else ""))
    return kept[1] + urlencode(([("compare", ",".join(compare))] if compare else []) + [("v", URL_VERSION)])


def compare_url(search_request):
    """The comparison of the search's chosen courses, carrying the search so that "add more" returns to it."""
    pairs = [("ids", ",".join(search_request.compare))]
    pairs += [pair for pair in to_args(search_request, compare=(), page=1) if pair[0] != "v"]
    return url_for("compare.compare", lang=search_request.lang) + query_string(pairs)


def api_params(search_request):
    """The API's parameters for a search (the page's query string, as a mapping)."""
    repeatable = {f.name for f in FILTERS if f.off == ()}
    found = {}
    for name, value in to_args(search_request):
        if name in repeatable:
            found.setdefault(name, []).append(value)
        elif name != "v":
            found[name] = value
    return found


def query_string(pairs):
    """``?a=1&b=2`` for parameter pairs, or nothing when there are none."""
    return "?" + urlencode(pairs) if pairs else ""


def unfiltered(search_request):
    """The same search with every filter off."""
    return search_request.but(**{f.name: f.off for f in FILTERS})


def chips(search_request):
    """A removable chip for each selected value of each filter, in registry order."""
    found = []
    for f in FILTERS:
        for text, rest in f.chips(getattr(search_request, f.name)):
            found.append(Chip(f.label, text, search_url(search_request, **{f.name: rest})))
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

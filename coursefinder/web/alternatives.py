"""Ways out of a search that found little: a spelling correction, a filter less, next door.

A search is never a dead end: with no results the page offers the same search without
its most restrictive filter and in the neighbouring counties, each with its count, and
any search whose words the catalogue does not know offers the corrected words when
they find more.
"""

from dataclasses import dataclass

from ..catalogue import vocabulary as v
from ..catalogue.geography import neighbours_of
from . import labels
from .navigation import FILTER_NAMES, search_url

# Filters a search can do without, and the value that switches each off.
_REMOVABLE = {
    "county": (), "municipality": (), "course_type": (), "sector": (), "delivery": (), "age": None,
    "norwegian": None, "level": None, "start_from": None, "start_to": None,
}


@dataclass
class Alternative:
    label: str          # what the alternative is, in words
    total: int
    url: str


def _count(generation, request):
    return generation.search(request.but(page=1, per_page=1)).total


def did_you_mean(generation, request, total):
    if not request.q:
        return None
    corrected = generation.correction(request.q)
    if not corrected or corrected.casefold() == request.q.casefold():
        return None
    found = _count(generation, request.but(q=corrected))
    return Alternative(corrected, found, search_url(request, q=corrected)) if found > total else None


def without_one_filter(generation, request):
    """The same search without the filter whose removal finds most, or None."""
    best = None
    for name, off in _REMOVABLE.items():
        value = getattr(request, name)
        if value in ((), None):
            continue
        found = _count(generation, request.but(**{name: off}))
        if found and (best is None or found > best.total):
            best = Alternative(str(FILTER_NAMES[name]), found, search_url(request, **{name: off}))
    return best


def without_filters(generation, request):
    """The same words with no filter at all, when taking one filter away is not enough."""
    unfiltered = request.but(**_REMOVABLE)
    if unfiltered == request:
        return None
    found = _count(generation, unfiltered)
    return Alternative("", found, search_url(request, **_REMOVABLE)) if found else None


def online_elsewhere(generation, request):
    """Online courses for the same search from other counties: open to people anywhere."""
    if not request.county or request.delivery and "online" not in request.delivery:
        return None
    others = tuple(county for county in v.COUNTIES if county not in request.county)
    found = _count(generation, request.but(county=others, delivery=("online",)))
    return Alternative("", found, search_url(request, county=(), delivery=("online",))) if found else None


def in_neighbouring_counties(generation, request):
    if not request.county:
        return None
    others = neighbours_of(request.county)
    found = _count(generation, request.but(county=others))
    names = ", ".join(labels.label("county", county) for county in others)
    return Alternative(names, found, search_url(request, county=others)) if found else None

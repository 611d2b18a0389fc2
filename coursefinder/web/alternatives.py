"""Ways out of a search that found little: a spelling correction, a filter less, next door.

A search is never a dead end: with no results the page offers the same search without
its most restrictive filter and in the neighbouring counties, each with its count, and
any search whose words the catalogue does not know offers the corrected words when
they find more.
"""

from dataclasses import dataclass

from ..catalogue import vocabulary
from ..places import neighbours_of
from ..search import FILTERS
from .navigation import api_params, search_url


def _narrowing():
    """``{name: off value}`` of the filters a search can do without."""
    return {f.name: f.off for f in FILTERS if f.narrows}


@dataclass
class Alternative:
    label: str          # what the alternative is, in words
    total: int
    shown: object       # the search it leads to

    @property
    def url(self):
        """The page that shows it (made when asked for: the API gives only the parameters)."""
        return search_url(self.shown)

    @property
    def params(self):
        """The API parameters that give it."""
        return api_params(self.shown)


def alternative(label, total, shown):
    """An alternative that leads to the search ``shown``: its page, and its API parameters."""
    return Alternative(label, total, shown)


def _count(generation, search_request):
    return generation.count(search_request)


class _OneRequest:
    """A generation whose counts, for one request's ways out, share the masks of the filters they have in
    common (each alternative is the search with a filter or two changed)."""

    def __init__(self, generation):
        self._generation, self._shared = generation, {}

    def count(self, search_request):
        return self._generation.count(search_request, shared=self._shared)

    def __getattr__(self, name):
        return getattr(self._generation, name)


def _for_one_request(generation):
    return generation if isinstance(generation, _OneRequest) else _OneRequest(generation)


def did_you_mean(generation, search_request, total):
    if not search_request.q:
        return None
    corrected = generation.correction(search_request.q)
    if not corrected or corrected.casefold() == search_request.q.casefold():
        return None
    found = _count(generation, search_request.but(q=corrected))
    return alternative(corrected, found, search_request.but(q=corrected, page=1)) if found > total else None


def without_one_filter(generation, search_request):
    """The same search without the filter whose removal finds most, or None."""
    best = None
    for name, off in _narrowing().items():
        if getattr(search_request, name) == off:
            continue
        found = _count(generation, search_request.but(**{name: off}))
        if found and (best is None or found > best.total):
            best = alternative(str(FILTERS[name].label), found, search_request.but(page=1, **{name: off}))
    return best


def without_filters(generation, search_request):
    """The same words with no filter at all, when taking one filter away is not enough."""
    unfiltered = search_request.but(**_narrowing())
    if unfiltered == search_request:
        return None
    found = _count(generation, unfiltered)
    return alternative("", found, unfiltered.but(page=1)) if found else None


def online_elsewhere(generation, search_request):
    """Online courses for the same search from other counties: open to people anywhere."""
    if not search_request.county or search_request.delivery and "online" not in search_request.delivery:
        return None
    others = tuple(county for county in vocabulary.COUNTIES if county not in search_request.county)
    found = _count(generation, search_request.but(county=others, delivery=("online",)))
    return alternative("", found, search_request.but(county=(), delivery=("online",), page=1)) if found else None


def in_neighbouring_counties(generation, search_request):
    if not search_request.county:
        return None
    others = neighbours_of(search_request.county)
    found = _count(generation, search_request.but(county=others))
    names = ", ".join(FILTERS["county"].display(county) for county in others)
    return alternative(names, found, search_request.but(county=others, page=1)) if found else None


def ways_out(generation, search_request, result):
    """The ways out of a search: a spelling correction and, when it found nothing, fewer filters and farther away.

    ``{name: Alternative or list}``; all the API gives (``listed``), and where the page's follow-ups begin.
    """
    from .nearby import has_place, ways_on

    generation = _for_one_request(generation)
    found = {"did_you_mean": did_you_mean(generation, search_request, result.total)}
    if result.total == 0:
        found["without_filter"] = without_one_filter(generation, search_request)
        if found["without_filter"] is None:
            found["without_filters"] = without_filters(generation, search_request)
        if has_place(search_request):
            found["ways_on"] = ways_on(generation, search_request)
    return found


def follow_ups(generation, search_request, result):
    """Where a search can lead on, for the page: the ways out, the nearest courses, next door, online."""
    from .nearby import has_place, nearest

    generation = _for_one_request(generation)
    found = ways_out(generation, search_request, result)
    if result.total == 0 and has_place(search_request):
        found["nearest"] = nearest(generation, search_request)
    if search_request.county:
        # Next door: the offer differs between counties, so show what is near.
        found["neighbours"] = in_neighbouring_counties(generation, search_request)
        found["online"] = online_elsewhere(generation, search_request)
    return found


def listed(follow):
    """The ways out of a search that found nothing, as one list (the API's ``alternatives``)."""
    ways = [follow.get(name) for name in ("did_you_mean", "without_filter", "without_filters")]
    return [way for way in ways + list(follow.get("ways_on") or []) if way is not None]

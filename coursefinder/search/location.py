"""Where a search is made from, and how far each course is from there.

A person gives a postcode (their home, or their Nav office), or names a place in the
search (``truck bergen``), or chooses a municipality or county.  Distances are straight
lines between municipality points (Kartverket's point inside each municipality; see
``coursefinder.places``), so they are approximate, and the site says so.  Online courses
can be followed from anywhere.
"""

from collections import namedtuple
from functools import lru_cache

import numpy as np

from .. import places
from ..text import words

Origin = namedtuple("Origin", "municipality label")
# Words that introduce a place ("kurs i Bergen", "near Oslo"): they go with the place.
_BEFORE_PLACE = frozenset({"i", "in", "pa", "på", "ved", "naer", "nær", "near", "at", "rundt", "around"})


def resolve_place(name):
    """The place ``name`` names as a whole (a municipality, a postcode's place, a county), or None."""
    typed = words(name)
    found = places.find_places(typed) if typed else []
    return found[0] if found and found[0].start == 0 and found[0].end == len(typed) else None


def split_place(text):
    """``(text without the place, the place's name)`` for a search text that names a place, else ``(text, None)``.

    The last place named is taken (``helsefagarbeider trondheim``), with a word before it
    that introduces it (``kurs i Bergen``); the rest stays the search text.
    """
    typed = words(text)
    found = places.find_places(typed)
    if not found:
        return text, None
    match = max(found, key=lambda m: m.start)
    start = match.start - 1 if match.start > 0 and typed[match.start - 1].lower() in _BEFORE_PLACE else match.start
    rest = typed[:start] + typed[match.end:]
    return " ".join(rest), match.name


@lru_cache(maxsize=64)
def _largest(county):
    members = [m for m in places.municipalities() if m.county == county]
    return max(members, key=lambda m: m.population) if members else None


def origin_of(search_request):
    """Where distances are measured from for this search, or None: a postcode, a named place, a chosen place."""
    code = getattr(search_request, "postcode", None)
    if code:
        found = places.postcode(code)
        return Origin(found.municipality, f"{found.code} {found.place}") if found else None
    place = getattr(search_request, "place", None)
    match = resolve_place(place) if place else None
    if match is not None and match.kind != "county":
        return Origin(match.numbers[0], match.name)
    chosen = search_request.municipality
    if chosen:
        found = places.municipality(chosen[0])
        return Origin(found.number, found.name) if found else None
    counties = (match.numbers if match is not None else ()) or search_request.county
    if len(counties) == 1:
        # A whole county: measured from where most of its people live.
        biggest = _largest(counties[0])
        return Origin(biggest.number, biggest.name) if biggest else None
    return None


@lru_cache(maxsize=4096)
def _distances_from(origin, numbers):
    return np.array([places.distance_km(origin, number) if places.municipality(number) else np.nan
                     for number in numbers], dtype=np.float64)


def distances(table, origin):
    """Kilometres from ``origin`` (a municipality number) to each course's municipality; NaN when it has none."""
    vocabulary = tuple(table.vocabularies["municipality"])
    by_code = _distances_from(origin, vocabulary)
    codes = table.codes["municipality"]
    found = np.full(table.size, np.nan)
    known = codes >= 0
    found[known] = by_code[codes[known]]
    return found

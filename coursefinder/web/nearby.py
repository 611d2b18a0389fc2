"""Ways on from a search with a place: farther away, in the counties next door, online, and the nearest courses.

A jobseeker thinks in travel, not in county borders.  When a search limited to a place
(named in the text, a municipality or county chosen, or a postcode with a distance)
finds nothing there, the page and the API lead on with counts: the same search within
50 and 150 km, in the neighbouring counties and online, and the nearest matching
courses with their distance.
"""

from flask_babel import gettext as _

from .. import places
from ..catalogue import vocabulary
from ..search import origin_of
from .alternatives import alternative

RADII = (50, 150)
NEAREST = 3
ANYWHERE = 5_000    # km


def _way(generation, label, search_request):
    total = generation.count(search_request)
    return alternative(label, total, search_request.but(page=1)) if total else None


def has_place(search_request):
    return bool(search_request.place or search_request.postcode or search_request.municipality
                or search_request.county)


def measured_from(search_request, origin):
    """The same search with no place of its own, measured from ``origin`` (the postcode, or the place by name)."""
    unplaced = search_request.but(municipality=(), county=(), distance=None)
    return unplaced if search_request.postcode else unplaced.but(place=origin.label)


def ways_on(generation, search_request):
    """The ways on from a search with a place that found nothing: ``[Alternative]`` with courses, in order."""
    origin = origin_of(search_request)
    if origin is None or not has_place(search_request):
        return []
    here = measured_from(search_request, origin)
    ways = [_way(generation, _("The same search within %(km)s km of %(place)s", km=km, place=origin.label),
                 here.but(distance=km)) for km in RADII if (search_request.distance or 0) < km]
    county = places.municipality(origin.municipality).county
    next_door = places.neighbours_of((county,))
    if next_door:
        names = ", ".join(vocabulary.COUNTIES[c] for c in next_door)
        ways.append(_way(generation, _("The same search in the neighbouring counties: %(counties)s", counties=names),
                         search_request.but(place=None, municipality=(), county=next_door, postcode=None,
                                            distance=None)))
    if not search_request.delivery or "online" in search_request.delivery:
        ways.append(_way(generation, _("Online courses for the same search, open to you from anywhere"),
                         search_request.but(place=None, municipality=(), county=(), postcode=None, distance=None,
                                            delivery=("online",))))
    return [way for way in ways if way is not None]


def nearest(generation, search_request, limit=NEAREST):
    """``(courses, distances, origin)``: the matching courses nearest to the search's place, wherever they are."""
    origin = origin_of(search_request)
    if origin is None or not has_place(search_request):
        return [], [], None
    # Anywhere in the country (a distance beyond any in Norway), nearest first, held somewhere.
    anywhere = measured_from(search_request, origin).but(distance=ANYWHERE, sort="distance", page=1, per_page=limit,
                                                         delivery=search_request.delivery or ("in-person", "hybrid"))
    result = generation.search(anywhere)
    return result.courses, result.distances, origin

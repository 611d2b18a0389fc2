"""The rules of the format about places, from the table of Norway's municipalities (coursefinder.places).

A municipality number must exist (a mistyped one is answered with the nearest valid one,
by name); messages name municipalities and counties by name next to their numbers; in
CSV a municipality may be written by its name where that name is unique in the county;
and a ``place`` that names another municipality than the course's is a warning (a place
with no municipality given is answered with the municipality it names).
"""

from .. import places
from ..text import words
from . import vocabulary
from .problems import N_


def named(number):
    """``4601 (Bergen)``: a municipality number with its name, for messages."""
    found = places.municipality(number)
    return f"{number} ({found.name})" if found else number


def municipality_by_name(text, county):
    """The number of the municipality called ``text`` in ``county``, or None (unknown, or not unique)."""
    key = tuple(places.name_key(word) for word in words(text))
    found = {municipality.number for municipality in places.municipalities() if municipality.county == county
             for name in municipality.names if tuple(places.name_key(word) for word in words(name)) == key}
    return found.pop() if len(found) == 1 else None


def check_places(values, problem, warn):
    """Report the place problems of one course's checked ``values`` through ``problem`` and ``warn``."""
    county, number, place = values.get("county"), values.get("municipality"), values.get("place")
    if number and places.municipality(number) is None:
        nearest = places.closest_numbers(number)
        if nearest:
            problem("municipality", N_("%(municipality)s is not a municipality number; did you mean %(closest)s?"),
                    municipality=number, closest=named(nearest[0]))
        return
    if county and number and not number.startswith(county):
        problem("municipality", N_("%(municipality)s is not in county %(county)s (%(name)s): its first two digits "
                                   "must be %(county)s"),
                municipality=named(number), county=county, name=vocabulary.COUNTIES[county])
        return
    if not place:
        return
    found = [match for match in places.find_places(words(place)) if match.kind == "municipality"
             and match.end - match.start == len(words(place))]
    if not found:
        return
    numbers = found[0].numbers
    if number and number not in numbers:
        warn("place", N_("'%(place)s' is the name of municipality %(other)s, but the course is in %(municipality)s"),
             place=place, other=", ".join(named(n) for n in numbers), municipality=named(number))
    elif not number:
        in_county = [n for n in numbers if county and n.startswith(county)]
        if len(in_county) == 1:
            warn("municipality", N_("not given; '%(place)s' is municipality %(number)s: add \"municipality\": "
                                    "\"%(code)s\" to let people find the course by distance"),
                 place=place, number=named(in_county[0]), code=in_county[0])

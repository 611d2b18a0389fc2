"""Places in Norway: counties and municipalities, postcodes, distances, place names in a query.

The data is in ``data/``: ``county-neighbours.json`` and ``county-populations.json``, each
naming its source, and ``municipalities.json`` and ``postcodes.json``, built from the raw
sources by ``python -m coursefinder.places.build_tables`` (``data/SOURCES.md`` credits them).
Municipality numbers are the four-digit ones in force from 1 January 2024, as strings.
"""

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from ..text import fold, words as split_words

EARTH_RADIUS_KM = 6371.0


def _read(name):
    return json.loads((resources.files("coursefinder.places") / "data" / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def neighbours():
    """County number -> the county numbers it shares a land border with."""
    return {county: tuple(others) for county, others in _read("county-neighbours.json")["neighbours"].items()}


def neighbours_of(counties):
    """The counties bordering any of ``counties``, leaving out ``counties`` themselves."""
    table = neighbours()
    found = {other for county in counties for other in table.get(county, ())}
    return tuple(sorted(found - set(counties)))


@lru_cache(maxsize=1)
def populations():
    """``(county -> inhabitants, source by language, year)`` from ``data/county-populations.json``."""
    data = _read("county-populations.json")
    return data["population"], data["source"], data["year"]


@dataclass(frozen=True)
class Municipality:
    number: str
    name: str  # as Norwegian users know it: Kautokeino, not Guovdageaidnu
    names: tuple  # every valid name, the Norwegian one first, Sami and Kven forms each on its own
    county: str
    population: int
    language: str  # its official written standard: "bokmål", "nynorsk" or "neutral"
    lat: float  # a point inside the municipality (Kartverket), not its centre
    lon: float


@dataclass(frozen=True)
class County:
    number: str
    name: str
    population: int  # the sum of its municipalities' populations


class Postcode(NamedTuple):
    code: str
    place: str  # the poststed, as the postal service writes it
    municipality: str


@dataclass(frozen=True)
class PlaceMatch:
    start: int  # the place's words are words[start:end]
    end: int
    kind: str  # "municipality", "postcode-place" or "county"
    name: str  # the name as written in the tables: "Tromsø" for "tromso"
    numbers: tuple  # municipality numbers, or the county number for a county


@lru_cache(maxsize=1)
def _municipality_table():
    data = _read("municipalities.json")
    municipalities_ = {
        row["number"]: Municipality(row["number"], row["name"], tuple(row["names"]), row["county"],
                                    row["population"], row["language"], *row["point"])
        for row in data["municipalities"]}
    counties_ = {row["number"]: County(row["number"], row["name"], row["population"]) for row in data["counties"]}
    return municipalities_, counties_


@lru_cache(maxsize=1)
def _postcode_table():
    return {row[0]: Postcode(*row) for row in _read("postcodes.json")["postcodes"]}


def _four_digits(number):
    """``"0301"``, ``301`` or ``" 301"`` -> ``"0301"``; anything but one to four digits -> None."""
    text = str(number).strip()
    return text.zfill(4) if text.isascii() and text.isdigit() and len(text) <= 4 else None


def municipality(number):
    """The municipality with this number, or None."""
    return _municipality_table()[0].get(_four_digits(number))


@lru_cache(maxsize=1)
def successors():
    """Municipality numbers that a reform changed (in 2024: the counties that were split), old -> new.

    From the tables: each municipality's point comes from the record it had before 2024
    (``point_2023``), so a number that differs is the one the municipality had then.
    """
    rows = _read("municipalities.json")["municipalities"]
    return {row["point_2023"]: row["number"] for row in rows if row.get("point_2023") not in (None, row["number"])}


def municipalities():
    """All municipalities, sorted by number."""
    return tuple(sorted(_municipality_table()[0].values(), key=lambda found: found.number))


def counties():
    """County number -> County, with the population summed from its municipalities."""
    return dict(_municipality_table()[1])


def postcode(code):
    """``Postcode(code, place, municipality)`` for a postcode (``"5003"``, or ``150`` for 0150), or None."""
    return _postcode_table().get(_four_digits(code))


def distance_km(number_a, number_b):
    """Great-circle distance between two municipalities' points (haversine, R = 6371 km).

    The points are points inside each municipality, not where people live: present the
    figure as a straight-line approximation.  Raises KeyError for an unknown number.
    """
    points = []
    for number in (number_a, number_b):
        found = municipality(number)
        if found is None:
            raise KeyError(f"{number} is not a municipality")
        points.append((math.radians(found.lat), math.radians(found.lon)))
    (lat_a, lon_a), (lat_b, lon_b) = points
    half_chord = (math.sin((lat_b - lat_a) / 2) ** 2
                  + math.cos(lat_a) * math.cos(lat_b) * math.sin((lon_b - lon_a) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(half_chord)))


def closest_numbers(number, limit=1):
    """The existing municipality numbers nearest to a mistyped one, nearest first.

    Numbers in the county the first two digits name come first, then the others; within
    each, the smallest difference as numbers, and the lower number on a tie.  For
    ``"4699"``: 4651, 4650, 4649, … (Vestland); an existing number comes first itself.
    Returns an empty tuple for anything that is not one to four digits.
    """
    typed = _four_digits(number)
    if typed is None:
        return ()
    ranked = sorted(_municipality_table()[0], key=lambda known: (known[:2] != typed[:2], abs(int(known) - int(typed)), known))
    return tuple(ranked[:limit])


# --- Place names in what a person typed -------------------------------------------------

# Words after which an ambiguous name is read as a place: "kurs i Time", "på Ski", "near Hol".
PLACE_PREPOSITIONS = frozenset({"i", "in", "pa", "ved", "naer", "near", "at"})
# A name this short is as often a word ("Bø", "Ås", "Ski", "Vik", "Nes", "Bud"): see _is_place.
SHORT_NAME = 3
_SAMI_LETTERS = str.maketrans({"đ": "d", "ŋ": "n", "ŧ": "t"})


def name_key(word):
    """How a word is compared: lower case, folded (``Tromsø`` = ``tromso``), Sami accents off (``Gáivuotna`` = ``gaivuotna``)."""
    folded = fold(word.lower()).translate(_SAMI_LETTERS)
    return "".join(letter for letter in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(letter))


@lru_cache(maxsize=1 << 16)
def _keys(name):
    # Kept: an import asks this of every course's place, and the same few hundred names come again and again.
    return tuple(name_key(part) for part in split_words(name))


@lru_cache(maxsize=1)
def ambiguous_names():
    """Folded names of four letters or more that are also everyday words (``data/ambiguous-names.json``)."""
    return frozenset(name_key(word) for word in _read("ambiguous-names.json")["words"])


@lru_cache(maxsize=1)
def _name_index():
    """Folded words of a name -> (kind, name, numbers); a name several places share stands for all of them.

    A municipality's name wins over a postcode place's (its kind is "municipality"), and
    takes in the municipalities with a postcode place of that name too: "Kvam" is Kvam in
    Vestland and the village Kvam in Nord-Fron.  Oslo is a municipality before a county.
    """
    found = {}

    def add(name, kind, number):
        keys_list = [_keys(name)]
        if "-" in name:  # "Nord-Fron" also typed "nordfron"
            keys_list.append(("".join(keys_list[0]),))
        for keys in keys_list:
            entry = found.setdefault(keys, {"kind": kind, "names": set(), "numbers": set()})
            entry["names"].add(name)
            entry["numbers"].add(number)

    for place in municipalities():
        for name in place.names:
            add(name, "municipality", place.number)
    for code in _postcode_table().values():
        add(code.place, "postcode-place", code.municipality)
    for county in counties().values():
        if _keys(county.name) not in found:
            add(county.name, "county", county.number)
    return {keys: (entry["kind"], min(entry["names"]), tuple(sorted(entry["numbers"])))
            for keys, entry in found.items()}


@lru_cache(maxsize=1)
def _longest_name():
    """How many words the longest place name has."""
    return max(len(keys) for keys in _name_index())


def _is_place(keys, typed, start):
    """Whether a name found at ``typed[start]`` is read as a place.

    A name of more than one word ("Mo i Rana", "Nord-Fron") always is.  A one-word name
    of three letters or fewer ("Bø", "Ås", "Ski", "Nes") or on the list of ambiguous names
    ("Time", "Sand", "Lund") is a word as often as a place: it is read as a place only when
    it is the only word typed, or follows a word that introduces a place (``i``, ``in``,
    ``på``, ``ved``, ``nær``, ``near``, ``at``), so "ski kurs" and "part time" find no
    place but "kurs på Ski", "kurs i Time" and "Bø" do.
    """
    if len(keys) > 1 or (len(keys[0]) > SHORT_NAME and keys[0] not in ambiguous_names()):
        return True
    return len(typed) == 1 or (start > 0 and typed[start - 1] in PLACE_PREPOSITIONS)


def find_places(words):
    """The places named in ``words`` (what a person typed, one word an item), longest match first.

    ``["kurs", "i", "mo", "i", "rana"]`` -> ``[PlaceMatch(2, 5, "postcode-place", "Mo i Rana", ("1833",))]``.
    Names match whole words, case and æ/ø/å aside (``tromso``, ``aalesund``, ``nord fron``),
    each Sami or Kven name on its own; matches do not overlap, and on equal length the
    earlier wins.  A word with a hyphen counts as its parts, as ``coursefinder.text.words``
    splits it.  See ``_is_place`` for names that are also everyday words.
    """
    typed = [" ".join(_keys(word)) for word in words]  # each typed word folded, for the prepositions
    parts = [(key, position) for position, word in enumerate(words) for key in _keys(word)]
    index = _name_index()
    longest = _longest_name()
    candidates = []
    for first in range(len(parts)):
        if first and parts[first - 1][1] == parts[first][1]:
            continue  # a name starts where a typed word starts
        for last in range(min(len(parts), first + longest), first, -1):
            if last < len(parts) and parts[last][1] == parts[last - 1][1]:
                continue  # and ends where a typed word ends
            keys = tuple(key for key, _ in parts[first:last])
            if keys in index:
                start, end = parts[first][1], parts[last - 1][1] + 1
                if _is_place(keys, typed, start):
                    candidates.append(PlaceMatch(start, end, *index[keys]))
                break
    chosen, taken = [], set()
    for match in sorted(candidates, key=lambda match: (match.start - match.end, match.start)):
        span = set(range(match.start, match.end))
        if not span & taken:
            chosen.append(match)
            taken |= span
    return chosen

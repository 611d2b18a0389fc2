"""Municipalities, postcodes, distances and place names: the tables and the API over them."""

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from coursefinder import places
from coursefinder.catalogue.vocabulary import COUNTIES
from coursefinder.places import build_tables

# The raw files beside the checkout (as CI lays them), else where the project keeps them.
GEODATA = next((folder for folder in (build_tables.DEFAULT_SOURCES, Path("/work/shared/geodata")) if folder.is_dir()),
               build_tables.DEFAULT_SOURCES)
DATA = resources.files("coursefinder.places") / "data"
needs_sources = pytest.mark.skipif(not GEODATA.is_dir(), reason=f"the raw geodata is not here ({GEODATA})")


def found(text):
    return [(match.start, match.end, match.kind, match.numbers) for match in places.find_places(text.split())]


# --- the tables --------------------------------------------------------------------------

def test_357_municipalities_in_the_15_counties():
    everyone = places.municipalities()
    assert len(everyone) == 357
    assert [found.number for found in everyone] == sorted(found.number for found in everyone)
    assert {found.county for found in everyone} == set(COUNTIES)
    assert {number: county.name for number, county in places.counties().items()} == COUNTIES
    assert all(found.number.startswith(found.county) and len(found.number) == 4 for found in everyone)


def test_every_point_is_inside_norway():
    # The box reaches 4.4°E: Fedje's point (4.4788°E) is at sea, which is part of the municipality.
    for found in places.municipalities():
        assert 57.9 <= found.lat <= 71.2 and 4.4 <= found.lon <= 31.2, found


def test_names_languages_and_populations():
    kautokeino = places.municipality("5612")
    assert kautokeino.name == "Kautokeino" and "Guovdageaidnu" in kautokeino.names
    assert set(places.municipality("5538").names) == {"Storfjord", "Omasvuotna", "Omasvuono"}
    assert all(" - " not in name for found in places.municipalities() for name in found.names)
    assert {found.language for found in places.municipalities()} == {"bokmål", "nynorsk", "neutral"}
    assert places.municipality(301) == places.municipality("0301")
    assert places.municipality("9999") is None and places.municipality("Oslo") is None


def test_county_populations_are_the_sums_and_close_to_statistics_norway():
    counted, _, _ = places.populations()
    for number, county in places.counties().items():
        assert county.population == sum(found.population for found in places.municipalities() if found.county == number)
        assert abs(county.population - counted[number]) <= 0.02 * counted[number], number


def test_haram_has_an_approximate_point_of_its_own():
    haram, alesund = places.municipality("1580"), places.municipality("1508")
    assert haram.name == "Haram" and alesund.name == "Ålesund"
    assert (haram.lat, haram.lon) != (alesund.lat, alesund.lon)
    assert 5 < places.distance_km("1580", "1508") < 60
    rows = json.loads((DATA / "municipalities.json").read_text(encoding="utf-8"))["municipalities"]
    (row,) = [row for row in rows if row["number"] == "1580"]
    assert row["point_2023"] is None and row["point_note"].startswith("approximate")


def test_postcodes():
    assert places.postcode("5003") == ("5003", "Bergen", "4601")
    assert places.postcode("0150") == ("0150", "Oslo", "0301") == places.postcode(150)
    assert places.postcode("9008").municipality == places.municipality("5501").number
    assert places.municipality("5501").name == "Tromsø"
    assert places.postcode("9170") is None  # Longyearbyen: Svalbard is no municipality
    assert places.postcode("abcd") is None


def test_every_postcode_names_a_municipality():
    rows = json.loads((DATA / "postcodes.json").read_text(encoding="utf-8"))["postcodes"]
    assert len(rows) > 5000
    assert all(len(code) == 4 and code.isdigit() and places.municipality(number) for code, _, number in rows)


# --- distances and numbers ---------------------------------------------------------------

def test_distances():
    assert 290 < places.distance_km("0301", "4601") < 320
    assert places.distance_km("5501", "0301") > 1000
    assert places.distance_km("4601", "0301") == pytest.approx(places.distance_km("0301", "4601"))
    assert places.distance_km("4601", "4601") == 0
    with pytest.raises(KeyError):
        places.distance_km("0301", "9999")


def test_closest_numbers_prefer_the_county_then_the_smallest_difference():
    assert places.closest_numbers("4699") == ("4651",)
    assert places.closest_numbers("4699", limit=3) == ("4651", "4650", "4649")
    vestland = places.closest_numbers("4699", limit=43)
    assert "4601" in vestland and all(number.startswith("46") for number in vestland)
    assert places.closest_numbers("4600") == ("4601",)
    assert places.closest_numbers("0302") == ("0301",)  # Oslo is the only one in its county
    assert places.closest_numbers("4601") == ("4601",)
    assert places.closest_numbers("9999") == ("5636",)  # no county 99: the nearest number of all
    assert places.closest_numbers("Bergen") == ()


# --- place names in a query --------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("forklift bergen", [(1, 2, "municipality", ("4601",))]),
    ("tromso", [(0, 1, "municipality", ("5501",))]),
    ("Mo i Rana", [(0, 3, "postcode-place", ("1833",))]),
    ("kurs i mo i rana", [(2, 5, "postcode-place", ("1833",))]),
    ("Vestland", [(0, 1, "county", ("46",))]),
    ("kurs i Bergen", [(2, 3, "municipality", ("4601",))]),
    ("helsefagarbeider trondheim", [(1, 2, "municipality", ("5001",))]),
    ("sveis aalesund", [(1, 2, "municipality", ("1508",))]),
    ("Kautokeino", [(0, 1, "municipality", ("5612",))]),
    ("Guovdageaidnu", [(0, 1, "municipality", ("5612",))]),
    ("gaivuotna", [(0, 1, "municipality", ("5540",))]),  # Gáivuotna, Kåfjord, typed without accents
    ("nord fron", [(0, 2, "municipality", ("3436",))]),
    ("nord-fron", [(0, 1, "municipality", ("3436",))]),
    ("nordfron kurs", [(0, 1, "municipality", ("3436",))]),
    ("Trondelag", [(0, 1, "county", ("50",))]),
    ("More og Romsdal", [(0, 3, "county", ("15",))]),
    ("Ostfold", [(0, 1, "county", ("31",))]),
    ("Oslo", [(0, 1, "municipality", ("0301",))]),
    ("Våler", [(0, 1, "municipality", ("3114", "3419"))]),
    ("herøy", [(0, 1, "municipality", ("1515", "1818"))]),
    ("truck bryne", [(1, 2, "postcode-place", ("1120", "1121"))]),
])
def test_find_places(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "lagerkurs", "truck", "kurs", "helse", "norsk for arbeidslivet", "sveisekurs", "online kurs", "data",
    "service", "", "Akerselva Opplæring AS",
])
def test_course_words_are_no_places(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("ski kurs", []),
    ("kurs på ski", [(2, 3, "postcode-place", ("3207",))]),
    ("Ski", [(0, 1, "postcode-place", ("3207",))]),
    ("part time course", []),
    ("kurs i Time", [(2, 3, "municipality", ("1121",))]),
    ("bo og arbeid", []),
    ("Bø", [(0, 1, "municipality", ("1867",))]),
    ("courses near Hol", [(2, 3, "municipality", ("3330",))]),
    ("sand og grus", []),
    ("truck ved Sand", [(2, 3, "postcode-place", ("1134",))]),
    ("truckkurs moss", [(1, 2, "municipality", ("3103",))]),  # Moss is left off the list on purpose
])
def test_names_that_are_also_words_need_a_preposition_or_to_stand_alone(text, expected):
    assert found(text) == expected


def test_find_places_gives_longest_first_without_overlap():
    matches = places.find_places(["oslo", "eller", "mo", "i", "rana"])
    assert [(match.start, match.end, match.name) for match in matches] == [(2, 5, "Mo i Rana"), (0, 1, "Oslo")]


def test_every_ambiguous_name_is_a_place():
    keys = {keys[0] for keys in places._name_index() if len(keys) == 1}
    assert places.ambiguous_names() <= keys


# --- the build ---------------------------------------------------------------------------

@needs_sources
def test_the_tables_are_what_the_script_writes(tmp_path):
    assert build_tables.main([str(GEODATA), "--out", str(tmp_path)]) == 0
    for name in ("municipalities.json", "postcodes.json"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(encoding="utf-8"), name


def _broken_copy(tmp_path, name, change):
    sources = tmp_path / "sources"
    shutil.copytree(GEODATA, sources)
    path = sources / name
    path.chmod(0o644)
    path.write_text(json.dumps(change(json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8")
    return sources


@needs_sources
@pytest.mark.parametrize("name, change, message", [
    ("municipalities-2025.json", lambda rows: rows[:-1], "356 records"),
    ("kartverket-municipalities-2023.json", lambda rows: [row for row in rows if row["kommunenummer"] != "4601"],
     "4601 Bergen: 0 2023 points"),
    ("postal-codes-2026.json", lambda rows: rows + [{"code": "9998", "place": "Nowhere", "id": "9998"}],
     "municipality 9998, which does not exist"),
])
def test_the_script_fails_loudly_on_surprising_sources(tmp_path, capsys, name, change, message):
    sources = _broken_copy(tmp_path, name, change)
    assert build_tables.main([str(sources), "--out", str(tmp_path / "out")]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()

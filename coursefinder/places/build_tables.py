"""Derives the package's place tables from the raw geographic sources.

    .venv/bin/python -m coursefinder.places.build_tables [GEODATA] [--out FOLDER]

GEODATA is the folder of raw files described in its own SOURCES.md (by default
``../shared/geodata`` beside the repository); FOLDER is where the tables are written (by
default this package's ``data/``).  It writes ``municipalities.json`` (the 15 counties and
the 357 municipalities, 2024 numbering) and ``postcodes.json``, sorted and one record a line,
so a rebuild from the same sources gives the same bytes and a changed source gives a
readable diff.  ``data/SOURCES.md`` credits the sources and explains the choices below.

Any surprise in the sources stops the build with a message and exit status 1: the wrong
number of municipalities or counties, a municipality without a point, a postcode in a
municipality that does not exist.  Tables are written only when every check has passed.
"""

import argparse
import json
import sys
from pathlib import Path

from ..catalogue.vocabulary import COUNTIES

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = ROOT.parent / "shared" / "geodata"
DEFAULT_OUT = Path(__file__).resolve().parent / "data"

MUNICIPALITIES = 357
# Kartverket's 2023 points carry the numbers from before 1 January 2024; a 2023 county that
# was split can only have become the counties listed (any other keeps its number).
COUNTIES_FROM_2023 = {"30": ("31", "32", "33"), "38": ("39", "40"), "54": ("55", "56")}
LANGUAGES = {"Bokmål": "bokmål", "Nynorsk": "nynorsk", "Nøytral": "neutral"}
# Postcodes outside the municipalities: Svalbard and Jan Mayen have region numbers of
# their own, are governed outside the municipal system and are not among the 357.
OUTSIDE_MUNICIPALITIES = {"2100": "Svalbard", "2211": "Jan Mayen"}
# Haram (1580) was split off from Ålesund on 1 January 2024, so the 2023 points have none
# for it.  Its administrative centre Brattvåg stands in: 62°36′N 6°27′E, to the nearest
# minute of arc (about 1 km), as given by Wikipedia's article on Brattvåg from Kartverket's
# Norgeskart.  Approximate: a village in the municipality, not a point from the register.
APPROXIMATE_POINTS = {"1580": ((62.6, 6.45), "approximate: Brattvåg, Haram's administrative centre (62°36′N 6°27′E)")}
# A point outside Norway's bounding box means swapped coordinates or a wrong match.  The
# box reaches 4.4°E, not the westernmost land at 4.5°E: a municipality's area takes in the
# sea out to the baseline, and Fedje's point (4.4788°E) lies at sea west of its islands.
LATITUDES, LONGITUDES = (57.9, 71.2), (4.4, 31.2)


class SourceError(Exception):
    """The sources are not what the tables are built on; the message says what and where."""


def names_of(*texts):
    """``"Guovdageaidnu - Kautokeino"`` -> both names: a Sami or Kven form may be joined to the Norwegian one."""
    return [part.strip() for text in texts if text for part in text.split(" - ") if part.strip()]


def read(folder, name):
    path = Path(folder) / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SourceError(f"cannot read {path}: {error}") from error


def counties(folder):
    rows = read(folder, "counties-2025.json")
    found = {row["id"]: row["name"] for row in rows}
    if len(rows) != len(COUNTIES) or found != COUNTIES:
        raise SourceError(f"counties-2025.json has {len(rows)} counties, not the 15 of "
                          f"coursefinder.catalogue.vocabulary.COUNTIES: {sorted(found.items())}")
    return found


def municipalities(folder, county_names):
    rows = read(folder, "municipalities-2025.json")
    numbers = [row["id"] for row in rows]
    if len(rows) != MUNICIPALITIES or len(set(numbers)) != MUNICIPALITIES:
        raise SourceError(f"municipalities-2025.json has {len(rows)} records and {len(set(numbers))} "
                          f"distinct numbers, not {MUNICIPALITIES}")
    in_counties = {number[:2] for number in numbers}
    if in_counties != set(county_names):
        raise SourceError(f"the municipalities lie in {len(in_counties)} counties, not the 15: {sorted(in_counties)}")
    table = {}
    for row in rows:
        if row["language"] not in LANGUAGES:
            raise SourceError(f"{row['id']} {row['name_no']}: unknown written standard {row['language']!r}")
        if not isinstance(row["population"], int) or row["population"] <= 0:
            raise SourceError(f"{row['id']} {row['name_no']}: population {row['population']!r}")
        table[row["id"]] = {
            "number": row["id"],
            "name": row["name_no"],
            "names": names_of(row["name_no"], row["name"]),
            "county": row["id"][:2],
            "population": row["population"],
            "language": LANGUAGES[row["language"]],
        }
    return table


def points_2023(folder):
    """2023 county -> its records, each with every valid name and the point as (latitude, longitude)."""
    by_county = {}
    for row in read(folder, "kartverket-municipalities-2023.json"):
        longitude, latitude = row["punktIOmrade"]
        names = names_of(row["kommunenavnNorsk"], row["kommunenavn"], *row["gyldigeNavn"])
        by_county.setdefault(row["fylkesnummer"], []).append(
            {"number": row["kommunenummer"], "names": names, "point": (latitude, longitude)})
    return by_county


def place_points(table, by_county):
    """Gives each municipality its 2023 point, matched by name within the counties its 2023 county became."""
    candidates = {}
    for county_2023, records in by_county.items():
        for county in COUNTIES_FROM_2023.get(county_2023, (county_2023,)):
            candidates.setdefault(county, []).extend(records)
    used = {}
    for number, municipality in sorted(table.items()):
        wanted = {name.casefold() for name in municipality["names"]}
        matches = [record for record in candidates.get(municipality["county"], ())
                   if wanted & {name.casefold() for name in record["names"]}]
        if number in APPROXIMATE_POINTS:
            if matches:
                raise SourceError(f"{number} {municipality['name']} now has a 2023 point ({matches[0]['number']}): "
                                  "drop its approximation from APPROXIMATE_POINTS")
            point, note = APPROXIMATE_POINTS[number]
            municipality.update(point=list(point), point_2023=None, point_note=note)
            continue
        if len(matches) != 1:
            found = ", ".join(record["number"] for record in matches) or "none"
            raise SourceError(f"{number} {municipality['name']}: {len(matches)} 2023 points match by name ({found}); "
                              "a municipality needs exactly one")
        record = matches[0]
        if record["number"] in used:
            raise SourceError(f"the 2023 point of {record['number']} matches both {used[record['number']]} and {number}")
        used[record["number"]] = number
        # Names the 2023 register knows and the 2025 list leaves out (Fuossko, Tråante, Omasvuono).
        municipality["names"] += record["names"]
        municipality.update(point=[round(value, 4) for value in record["point"]], point_2023=record["number"])
    left = sorted(record["number"] for records in by_county.values() for record in records
                  if record["number"] not in used)
    if left:
        raise SourceError(f"2023 points that match no municipality: {', '.join(left)}")


def check_points(table):
    for number, municipality in sorted(table.items()):
        latitude, longitude = municipality["point"]
        if not (LATITUDES[0] <= latitude <= LATITUDES[1] and LONGITUDES[0] <= longitude <= LONGITUDES[1]):
            raise SourceError(f"{number} {municipality['name']}: point {latitude}, {longitude} is outside Norway")


def postcodes(folder, table):
    """Sorted ``[code, place, municipality]`` rows, and how many were left out as outside the municipalities."""
    rows, outside, seen = [], {}, set()
    for row in read(folder, "postal-codes-2026.json"):
        code, place, number = row["code"], row["place"].strip(), row["id"]
        if not (len(code) == 4 and code.isdigit()) or code in seen:
            raise SourceError(f"postcode {code!r} ({place}) is not four digits or comes twice")
        seen.add(code)
        if number in OUTSIDE_MUNICIPALITIES:
            outside[number] = outside.get(number, 0) + 1
        elif number not in table:
            raise SourceError(f"postcode {code} {place} names municipality {number}, which does not exist")
        else:
            rows.append([code, place, number])
    return sorted(rows), outside


def tidy(municipality):
    """The record as written: the Norwegian name first, then every other valid name once, sorted."""
    others = sorted(set(municipality["names"]) - {municipality["name"]})
    return {**municipality, "names": [municipality["name"], *others]}


def document(about, **lists):
    """JSON with each list one item a line: small, stable, and a readable diff when a source changes."""
    parts = [f'"about": {json.dumps(about, ensure_ascii=False)}']
    for key, items in lists.items():
        lines = ",\n".join(json.dumps(item, ensure_ascii=False, separators=(", ", ": ")) for item in items)
        parts.append(f'"{key}": [\n{lines}\n]')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def build(folder):
    """File name -> text of each table, and a one-line summary; raises SourceError."""
    county_names = counties(folder)
    table = municipalities(folder, county_names)
    place_points(table, points_2023(folder))
    check_points(table)
    codes, outside = postcodes(folder, table)
    population = {county: 0 for county in county_names}
    for municipality in table.values():
        population[municipality["county"]] += municipality["population"]
    county_rows = [{"number": county, "name": name, "population": population[county]}
                   for county, name in sorted(county_names.items())]
    tables = {
        "municipalities.json": document(
            "Municipalities and counties of Norway, 2024 numbering, built by coursefinder.places.build_tables; "
            "sources and licences in SOURCES.md. A point is [latitude, longitude], a point inside the "
            "municipality (not its centre); a county's population is the sum of its municipalities'.",
            counties=county_rows, municipalities=[tidy(table[number]) for number in sorted(table)]),
        "postcodes.json": document(
            "Norwegian postcodes as [code, place (poststed), municipality number], built by "
            "coursefinder.places.build_tables; sources and licences in SOURCES.md.",
            postcodes=codes),
    }
    left_out = ", ".join(f"{count} in {OUTSIDE_MUNICIPALITIES[number]} ({number})" for number, count in sorted(outside.items()))
    approximate = ", ".join(f"{number} {table[number]['name']}" for number in sorted(APPROXIMATE_POINTS))
    summary = (f"{len(table)} municipalities in {len(county_rows)} counties (approximate point: {approximate}); "
               f"{len(codes)} postcodes (left out: {left_out or 'none'})")
    return tables, summary


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m coursefinder.places.build_tables", description=__doc__.split("\n")[0])
    parser.add_argument("sources", nargs="?", type=Path, default=DEFAULT_SOURCES, help="folder of the raw geodata")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder the tables are written to")
    arguments = parser.parse_args(argv)
    try:
        tables, summary = build(arguments.sources)
    except SourceError as error:
        print(f"build_tables: {error}", file=sys.stderr)
        return 1
    except (KeyError, TypeError, ValueError) as error:
        print(f"build_tables: a source record is not shaped as expected ({error!r})", file=sys.stderr)
        return 1
    arguments.out.mkdir(parents=True, exist_ok=True)
    for name, text in tables.items():
        (arguments.out / name).write_text(text, encoding="utf-8")
    print(f"wrote {', '.join(sorted(tables))} to {arguments.out}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The offer across counties: figures computed here independently must equal the page, CSV and report."""

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from coursefinder import create_app
from coursefinder.catalogue import vocabulary as v
from coursefinder.places import populations
from coursefinder.cli import main
from coursefinder.catalogue.importing import import_files
from conftest import TODAY, course, write_catalogue

SMALL = [
    course(id="O1", county="03", sector="health-care", places=10, norwegian_training=True, start_date="2027-02-01"),
    course(id="O2", county="03", sector="industry", places=8, age_min=16, age_max=24, start_date="2027-03-10"),
    course(id="O3", county="46", sector="health-care", places=12, start_date="2027-02-20"),
    course(id="O4", county="46", sector="retail", status="cancelled", places=99, start_date="2027-02-20"),
    course(id="O5", county="56", course_type="norwegian", sector=None, norwegian_training=True, places=6,
           start_type="rolling", start_date=None),
    course(id="O6", county="56", sector="health-care", start_date="2026-10-01", end_date="2027-01-10"),  # ended
    course(id="O7", county="11", sector="office", age_min=50, places=5, start_date="2027-12-01"),
]


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offer")
    assert import_files([write_catalogue(folder / "c.json", SMALL)], folder / "index").ok
    app = create_app({"INDEX_DIR": str(folder / "index"), "AUTO_SAMPLE": False, "TODAY": TODAY})
    return folder / "index", app.test_client()


def expected(records, **filters):
    """The overview's per-county figures, straight from the records."""
    people, _source, _year = populations()
    rows = {}
    offer = [r for r in records if r.get("status") != "cancelled"
             and not (r.get("end_date") and dt.date.fromisoformat(r["end_date"]) < TODAY)
             and all(r.get(k) == value for k, value in filters.items())]
    for county in v.COUNTIES:
        mine = [r for r in offer if r["county"] == county]
        rows[county] = {
            "courses": len(mine), "places": sum(r.get("places", 0) for r in mine),
            "per_10k": len(mine) / people[county] * 10_000,
            "norwegian": sum(1 for r in mine if r.get("norwegian_training")),
            "under_25": sum(1 for r in mine if r.get("age_min", 19) <= 24),
            "youth": sum(1 for r in mine if r.get("age_max", 67) <= 29),
            "sectors": len({r["sector"] for r in mine if r.get("sector")}),
        }
    return rows


def test_the_csv_has_the_figures_computed_from_the_records(setup):
    _index, client = setup
    rows = {row["county"]: row for row in csv.DictReader(io.StringIO(client.get("/nb/offer.csv").get_data(as_text=True)))}
    for county, figures in expected(SMALL).items():
        row = rows[county]
        assert int(row["courses"]) == figures["courses"] and int(row["places"]) == figures["places"], county
        assert float(row["courses_per_10000"]) == pytest.approx(figures["per_10k"], abs=0.005)
        assert int(row["open_under_25"]) == figures["under_25"] and int(row["made_for_young"]) == figures["youth"]
        assert int(row["sectors_covered"]) == figures["sectors"]
        share = figures["norwegian"] / figures["courses"] if figures["courses"] else 0
        assert float(row["norwegian_training_share"]) == pytest.approx(share, abs=0.0005)
    assert rows["all"]["courses"] == "5"


def test_the_page_shows_the_same_figures(setup):
    _index, client = setup
    html = client.get("/en/offer").get_data(as_text=True)
    for county, figures in expected(SMALL).items():
        name = v.COUNTIES[county]
        row = re.search(rf'<th scope="row"><a href="[^"]+">{name}</a></th>\s*<td>(\d+)</td><td>(\d+)</td>', html)
        assert row and (int(row.group(1)), int(row.group(2))) == (figures["courses"], figures["places"]), county


def test_filters_narrow_the_offer_and_are_links(setup):
    _index, client = setup
    html = client.get("/en/offer?sector=health-care&v=1").get_data(as_text=True)
    assert 'href="/en/offer?sector=health-care&amp;norwegian=combined&amp;v=1"' in html
    rows = {row["county"]: row for row in csv.DictReader(io.StringIO(
        client.get("/en/offer.csv?sector=health-care").get_data(as_text=True)))}
    for county, figures in expected(SMALL, sector="health-care").items():
        assert int(rows[county]["courses"]) == figures["courses"]


def test_the_county_by_sector_table_marks_empty_cells(setup):
    _index, client = setup
    sectors = list(csv.reader(io.StringIO(client.get("/nb/offer-sectors.csv").get_data(as_text=True))))
    assert sectors[0][2:] == list(v.SECTORS)
    oslo = next(row for row in sectors if row[0] == "03")
    assert oslo[2 + v.SECTORS.index("health-care")] == "1" and oslo[2 + v.SECTORS.index("office")] == "0"
    html = client.get("/nb/offer").get_data(as_text=True)
    assert html.count('class="empty-cell"') == sum(row[2:].count("0") for row in sectors[1:-1])


def test_starts_per_month_count_fixed_starts_and_rolling_apart(setup):
    _index, client = setup
    html = client.get("/en/offer").get_data(as_text=True)
    assert re.search(r"<th scope=\"row\">February 2027</th><td>2</td>", html)
    assert re.search(r"<th scope=\"row\">March 2027</th><td>1</td>", html)
    assert re.search(r"<th scope=\"row\">Rolling start</th><td>1</td>", html)


def test_the_charts_are_valid_svg_with_title_and_description(setup):
    _index, client = setup
    html = client.get("/nb/offer").get_data(as_text=True)
    charts = re.findall(r"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\".*?</svg>", html, re.S)
    assert len(charts) == 3
    for chart in charts:
        root = ET.fromstring(chart)
        title = root.find("{http://www.w3.org/2000/svg}title")
        desc = root.find("{http://www.w3.org/2000/svg}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert root.get("role") == "img" and title.get("id") in root.get("aria-labelledby")


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_the_report_command_prints_the_same_figures(setup, fmt):
    index, client = setup
    result = CliRunner().invoke(main, ["report", "--index", str(index), "--format", fmt, "--today", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    csv_text = client.get("/nb/offer.csv").get_data(as_text=True)
    if fmt == "csv":
        assert result.output.replace("\r\n", "\n").startswith(csv_text.replace("\r\n", "\n"))
    else:
        for row in list(csv.reader(io.StringIO(csv_text)))[1:]:
            assert "| " + " | ".join(row) + " |" in result.output


def test_a_county_search_shows_what_is_next_door(client):
    html = client.get("/en/?county=42").get_data(as_text=True)
    assert 'id="next-door-heading"' in html and "Also in the neighbouring counties: Rogaland, Telemark" in html

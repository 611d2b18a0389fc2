"""The offer across counties: figures computed here independently must equal the page, CSV and report."""

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from coursefinder import create_app
from coursefinder.catalogue import vocabulary as v
from coursefinder.places import neighbours_of, populations
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
    course(id="O8", county="11", sector="office", age_max=29, places=4, norwegian_training=True,
           start_date="2027-04-01"),
    course(id="O9", county="40", sector="retail", age_max=30, places=7, start_date="2027-04-01"),
]


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offer")
    assert import_files([write_catalogue(folder / "c.json", SMALL)], folder / "index").ok
    app = create_app({"INDEX_DIR": str(folder / "index"), "AUTO_SAMPLE": False, "TODAY": TODAY})
    return folder / "index", app.test_client()


def live(records, **filters):
    """The records that pass ``filters`` (a value, or a test of the record) and have not ended (cancelled ones
    too: the search lists them)."""
    return [r for r in records if not (r.get("end_date") and dt.date.fromisoformat(r["end_date"]) < TODAY)
            and all(value(r) if callable(value) else r.get(k) == value for k, value in filters.items())]


def offered(records, **filters):
    return [r for r in live(records, **filters) if r.get("status") != "cancelled"]


def figures_of(mine, population):
    youth = [r for r in mine if r.get("age_max", 67) <= 29]
    return {"courses": len(mine), "places": sum(r.get("places", 0) for r in mine), "population": population,
            "per_100k": len(mine) / population * 100_000,
            "norwegian": sum(1 for r in mine if r.get("norwegian_training")),
            "youth": len(youth), "youth_places": sum(r.get("places", 0) for r in youth),
            "sectors": len({r["sector"] for r in mine if r.get("sector")})}


def expected(records, **filters):
    """The overview's figures per county, and for the whole country as "all", straight from the records."""
    people, _source, _year = populations()
    offer = offered(records, **filters)
    rows = {county: figures_of([r for r in offer if r["county"] == county], people[county]) for county in v.COUNTIES}
    rows["all"] = figures_of(offer, sum(people.values()))
    return rows


def table(html, caption):
    """The body rows of the table with this caption's id: ``[(row header, [(cell text, link or None)])]``."""
    body = re.search(rf'<caption id="{caption}">.*?</thead>(.*?)</table>', html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = [(unescape(" ".join(re.sub(r"<[^>]+>", " ", cell).split())),
                  unescape((re.findall(r'href="([^"]+)"', cell) or [""])[0]) or None)
                 for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows.append((cells[0][0], cells[1:]))
    return rows


def text(client, path):
    return client.get(path).get_data(as_text=True)


def csv_rows(client, path):
    return list(csv.DictReader(io.StringIO(text(client, path))))


def assert_csv_row(row, figures):
    assert int(row["courses"]) == figures["courses"] and int(row["places"]) == figures["places"]
    assert int(row["population"]) == figures["population"]
    assert row["courses_per_100000_inhabitants"] == f"{figures['per_100k']:.1f}"
    share = figures["norwegian"] / figures["courses"] if figures["courses"] else 0
    assert float(row["norwegian_training_share"]) == pytest.approx(share, abs=0.0005)
    assert int(row["courses_for_young_age_max_29"]) == figures["youth"]
    assert int(row["places_for_young_age_max_29"]) == figures["youth_places"]
    assert int(row["sectors_with_courses"]) == figures["sectors"]


def page_cells(figures):
    """The cells of a county's row on the English page."""
    share = round(100 * figures["norwegian"] / figures["courses"]) if figures["courses"] else 0
    return [str(figures["courses"]), f"{figures['places']:,}", f"{figures['per_100k']:.1f}", f"{share}%",
            str(figures["youth"]), str(figures["youth_places"]), f"{figures['sectors']} / {len(v.SECTORS)}"]


def test_the_csv_has_the_figures_computed_from_the_records(setup):
    _index, client = setup
    rows = {row["county"]: row for row in csv_rows(client, "/nb/offer.csv")}
    assert list(rows) == [*v.COUNTIES, "all"]
    for county, figures in expected(SMALL).items():
        assert_csv_row(rows[county], figures)
    assert rows["all"]["courses"] == "7" and rows["03"]["courses_for_young_age_max_29"] == "1"
    # An upper age limit of 29 is made for young people, 30 is not; the default (67) never.
    assert rows["11"]["courses_for_young_age_max_29"] == "1" and rows["40"]["courses_for_young_age_max_29"] == "0"


def test_the_page_shows_the_same_figures_per_100000_inhabitants(setup):
    _index, client = setup
    html = text(client, "/en/offer")
    rows, figures = table(html, "county-table-caption"), expected(SMALL)
    assert [name for name, _cells in rows] == [*v.COUNTIES.values(), "All counties"]
    for (name, cells), county in zip(rows, [*v.COUNTIES, "all"]):
        assert [cell for cell, _link in cells] == page_cells(figures[county]), name
    assert f"7 courses with 52 places, {figures['all']['per_100k']:.1f} courses per 100,000 inhabitants" in html
    assert "Courses per 100,000 inhabitants, by county" in html and "10,000" not in html
    nb = table(text(client, "/nb/offer"), "county-table-caption")
    assert nb[0][1][2][0] == f"{figures['03']['per_100k']:.1f}".replace(".", ",")


def test_the_page_and_the_report_say_what_each_column_counts(setup):
    index, client = setup
    notes = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", text(client, "/en/offer")))
    assert set(notes) == {"Courses", "Places", "Per 100,000 inhabitants", "With Norwegian training",
                          "Made for young people", "Places for young people", "Sectors with courses"}
    assert notes["Made for young people"] == "Courses with an upper age limit of 29 or lower."
    result = CliRunner().invoke(main, ["report", "--index", str(index), "--today", TODAY.isoformat()])
    assert "- `courses_for_young_age_max_29`: courses made for young people: an upper age limit of 29" in result.output


def test_filters_narrow_the_offer_and_are_links(setup):
    _index, client = setup
    html = text(client, "/en/offer?sector=health-care&v=1")
    assert 'href="/en/offer?sector=health-care&amp;norwegian=combined&amp;v=1"' in html
    rows = {row["county"]: row for row in csv_rows(client, "/en/offer.csv?sector=health-care")}
    for county, figures in expected(SMALL, sector="health-care").items():
        assert_csv_row(rows[county], figures)
    # A sector filter leaves the other sectors' columns out: they could only hold zeros.
    rows = table(text(client, "/en/offer?sector=health-care,retail&v=1"), "sector-table-caption")
    assert all(len(cells) == 2 for _name, cells in rows)


def test_the_county_by_sector_table_marks_empty_cells(setup):
    _index, client = setup
    sectors = list(csv.reader(io.StringIO(text(client, "/nb/offer-sectors.csv"))))
    assert sectors[0][2:] == list(v.SECTORS)
    oslo = next(row for row in sectors if row[0] == "03")
    assert oslo[2 + v.SECTORS.index("health-care")] == "1" and oslo[2 + v.SECTORS.index("office")] == "0"
    assert text(client, "/nb/offer").count('class="empty-cell"') == sum(row[2:].count("0") for row in sectors[1:])


def search_total(client, link):
    """How many courses the search page at ``link`` finds."""
    found = re.search(r'id="results-heading"[^>]*>(\d+) courses? found', text(client, link))
    return int(found.group(1))


OF_AGE_30 = {"age": lambda r: r.get("age_min", 19) <= 30 <= r.get("age_max", 67)}


@pytest.mark.parametrize("filters, of_records", [({}, {}), ({"norwegian": "combined"}, {"norwegian_training": True}),
                                                 ({"course_type": "industry"}, {"course_type": "industry"}),
                                                 ({"age": "30"}, OF_AGE_30)])
def test_every_cell_of_the_sector_table_links_to_its_courses(setup, filters, of_records):
    _index, client = setup
    query = "".join(f"&{name}={value}" for name, value in filters.items())
    rows = table(text(client, f"/en/offer?v=1{query}"), "sector-table-caption")
    assert len(rows) == len(v.COUNTIES) + 1
    for (name, cells), county in zip(rows, [*v.COUNTIES, ""]):
        assert len(cells) == len(v.SECTORS)
        for (cell, link), sector in zip(cells, v.SECTORS):
            place = {"county": county} if county else {}
            wanted = {**place, "sector": sector, **of_records}
            assert int(cell.split()[0]) == len(offered(SMALL, **wanted)), (name, sector)
            args = parse_qs(urlsplit(link).query)
            assert args.pop("sector") == [sector] and args.pop("v") == ["1"]
            assert args == {key: [value] for key, value in {**place, **filters}.items()}
            # The search lists cancelled courses as well, marked as cancelled: it finds the cell's courses and those.
            found = live(SMALL, **wanted)
            total = search_total(client, link) if found else client.get("/api/v1/courses" + link[4:]).json["total"]
            assert total == len(found), (name, sector)
    if filters.get("norwegian"):
        assert 'href="/en/?county=03&amp;sector=health-care&amp;norwegian=combined&amp;v=1"' in text(
            client, f"/en/offer?v=1{query}")


def test_a_chosen_county_is_shown_beside_its_neighbours_and_the_country(setup):
    _index, client = setup
    html = text(client, "/en/offer?county=46&v=1")
    compared, figures = ["46", *neighbours_of(["46"])], expected(SMALL)
    rows = table(html, "compare-table-caption")
    assert [name for name, _cells in rows] == [v.COUNTIES[c] for c in compared] + ["Whole country"]
    for (name, cells), county in zip(rows, [*compared, "all"]):
        assert [cell for cell, _link in cells] == page_cells(figures[county]), name
    assert "Vestland beside its neighbouring counties and the whole country" in html
    assert "Neighbouring counties: Rogaland, Møre og Romsdal, Buskerud, Innlandet, Telemark." in html
    sector_rows = table(html, "compare-sector-table-caption")
    assert [name for name, _cells in sector_rows] == [v.COUNTIES[c] for c in compared] + ["Whole country"]
    vestland = dict(zip(v.SECTORS, sector_rows[0][1]))
    assert vestland["health-care"][0] == "1" and vestland["retail"][0].startswith("0")
    assert len(table(html, "county-table-caption")) == len(v.COUNTIES) + 1  # the national tables stay national


def test_the_comparison_downloads_have_the_same_figures(setup):
    _index, client = setup
    links = re.findall(r'href="(/en/offer[^"]*\.csv[^"]*)"', text(client, "/en/offer?county=11&norwegian=combined&v=1"))
    assert len(links) == 4 and all("county=11" in link for link in links)
    compared, figures = ["11", *neighbours_of(["11"])], expected(SMALL, norwegian_training=True)
    rows = csv_rows(client, "/en/offer-comparison.csv?county=11&norwegian=combined&v=1")
    assert [row["county"] for row in rows] == [*compared, "all"]
    for row in rows:
        assert_csv_row(row, figures[row["county"]])
    sectors = csv_rows(client, "/en/offer-comparison-sectors.csv?county=11&norwegian=combined&v=1")
    assert [row["county"] for row in sectors] == [*compared, "all"] and sectors[0]["office"] == "1"


def test_the_county_chooser_is_a_form_that_keeps_the_filters(setup):
    _index, client = setup
    html = text(client, "/en/offer?county=03&sector=health-care&v=1")
    form = re.search(r'<form class="county-choice" method="get" action="/en/offer">(.*?)</form>', html, re.S).group(1)
    hidden = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]+)">', form)
    assert hidden == [("sector", "health-care"), ("v", "1")]
    assert '<option value="03" selected>Oslo</option>' in form and form.count("<option") == len(v.COUNTIES) + 1
    # The filter links keep the chosen county.
    assert 'href="/en/offer?county=03&amp;sector=health-care&amp;norwegian=combined&amp;v=1"' in html
    assert 'href="/en/offer?sector=health-care&amp;v=1">Show no county</a>' in html
    assert "Choose a county to see it" in text(client, "/en/offer")
    assert client.get("/en/offer?county=99").status_code == 400


def test_starts_per_month_count_fixed_starts_and_rolling_apart(setup):
    _index, client = setup
    html = text(client, "/en/offer")
    for month, count in (("February 2027", 2), ("March 2027", 1), ("April 2027", 2), ("Rolling start", 1)):
        assert f'<th scope="row">{month}</th><td>{count}</td>' in html
    assert "Most courses start in February 2027 (2). 1 course has rolling start" in html


def test_the_summaries_say_so_when_there_is_nothing(setup):
    _index, client = setup
    html = text(client, "/en/offer?course_type=norwegian")
    assert "No course starts in the next 12 months. 1 course has rolling start" in html and "(0)" not in html
    html = text(client, "/en/offer?sector=service")
    assert "No county has courses that match these filters." in html and "Most courses per" not in html


def test_the_charts_are_valid_svg_with_title_and_description(setup):
    _index, client = setup
    html = text(client, "/nb/offer")
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
    csv_text = text(client, "/nb/offer.csv")
    if fmt == "csv":
        assert result.output.replace("\r\n", "\n").startswith(csv_text.replace("\r\n", "\n"))
    else:
        for row in list(csv.reader(io.StringIO(csv_text)))[1:]:
            assert "| " + " | ".join(row) + " |" in result.output


def test_a_county_search_shows_what_is_next_door(client):
    html = text(client, "/en/?county=42")
    assert 'id="next-door-heading"' in html and "Also in the neighbouring counties: Rogaland, Telemark" in html

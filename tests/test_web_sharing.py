"""Feeds, structured data, calendar files, the share box and comparisons, as a client reads them."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_atom_feed_of_a_search_is_atom_1_0(client, lang):
    response = client.get(f"/{lang}/feed.atom?q=helsefagarbeider&county=32&county=03&v=1")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}") is not None and feed.find(f"{ATOM}{name}").text.strip(), name
    assert RFC3339.match(feed.find(f"{ATOM}updated").text)
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert "/feed.atom?" in links["self"] and links["alternate"].startswith("http")
    entries = feed.findall(f"{ATOM}entry")
    api = client.get(f"/api/v1/courses?q=helsefagarbeider&county=32&county=03&lang={lang}&per_page=50").json
    assert len(entries) == api["total"] > 0
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("http")
        assert entry.find(f"{ATOM}title").text and RFC3339.match(entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}link").get("href") == entry.find(f"{ATOM}id").text


def test_the_search_page_links_to_its_feed(client):
    html = client.get("/nb/?county=56").get_data(as_text=True)
    assert '<link rel="alternate" type="application/atom+xml" href="/nb/feed.atom?county=56&amp;v=1"' in html


def test_a_feed_with_a_bad_parameter_says_so(client):
    response = client.get("/en/feed.atom?age=old")
    assert response.status_code == 400 and "age" in response.get_data(as_text=True)


def json_ld(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_course_page_describes_the_course_as_schema_org_json_ld(client, lang):
    html = client.get(f"/{lang}/courses/EDGE-hybrid", follow_redirects=True).get_data(as_text=True)
    data = json_ld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Course"
    assert data["courseCode"] == "EDGE-hybrid" and data["provider"]["name"] == "Testkurs AS"
    instance = data["hasCourseInstance"][0]
    assert instance["@type"] == "CourseInstance" and instance["startDate"] == "2027-06-01"
    assert instance["courseMode"] == "blended" and instance["location"]["address"]["addressRegion"] == "Akershus"


def test_json_ld_cannot_be_broken_out_of_by_course_text(client, tmp_path):
    from coursefinder import create_app
    from coursefinder.catalogue.importing import import_files
    from conftest import course, write_catalogue

    evil = course(id="EVIL", title_nb="</script><script>alert(1)</script>", summary_nb="a & b < c")
    assert import_files([write_catalogue(tmp_path / "c.json", [evil])], tmp_path / "index").ok
    app = create_app({"INDEX_DIR": str(tmp_path / "index"), "AUTO_SAMPLE": False})
    html = app.test_client().get("/nb/courses/EVIL", follow_redirects=True).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


def test_the_calendar_file_has_the_start_and_the_deadline(client):
    response = client.get("/en/courses/EDGE-hybrid/calendar.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    text = response.get_data(as_text=True)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20270601" in text and "DTSTART;VALUE=DATE:20270501" in text
    assert "SUMMARY:Course starts: Health worker with Norwegian" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert client.get("/nb/courses/EDGE-rolling/calendar.ics").status_code == 404


@pytest.mark.parametrize("path", ["/nb/courses/EDGE-hybrid", "/en/compare?ids=EDGE-hybrid,EDGE-youth",
                                  "/nb/?q=sveis"])
def test_shareable_pages_show_their_full_address_and_a_qr_code(client, path):
    html = client.get(path, follow_redirects=True).get_data(as_text=True)
    shown = re.search(r'<input type="text" id="share-url" value="([^"]+)" readonly', html).group(1)
    assert shown.startswith("http://localhost/")
    assert '<svg role="img" focusable="false"' in html and "<title>" in html


def test_the_shared_address_is_the_public_one_behind_a_proxy(app):
    app.config["PUBLIC_URL"] = "https://kurs.example.no"
    try:
        html = app.test_client().get("/nb/courses/EDGE-hybrid", follow_redirects=True).get_data(as_text=True)
    finally:
        app.config["PUBLIC_URL"] = None
    assert 'value="https://kurs.example.no/nb/courses/EDGE-hybrid/helsefagarbeider-med-norsk"' in html


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("ids", [["EDGE-hybrid", "EDGE-youth"], ["EDGE-hybrid", "EDGE-youth", "EDGE-c1"],
                                 ["EDGE-hybrid", "EDGE-youth", "EDGE-c1", "EDGE-rolling"]])
def test_compare_shows_one_column_per_course_and_marks_differences(client, lang, ids):
    html = client.get(f"/{lang}/compare?ids={','.join(ids)}").get_data(as_text=True)
    assert html.count('<th scope="col">') == len(ids)
    assert html.count('<section class="compare-card"') == len(ids)
    assert html.count('<tr class="differs">') >= 3   # where, when and provider-level facts differ here
    for name in ("Where", "Apply by", "Norwegian you need", "Places") if lang == "en" else ("Hvor", "Søknadsfrist"):
        assert f'<th scope="row">{name}' in html
    # Removing one course keeps the others.
    remove = re.findall(r'class="remove-link" href="([^"]+)"', html)[0]
    assert remove.startswith(f"/{lang}/compare?ids=") and ids[0] not in remove


def test_results_add_and_remove_courses_from_the_comparison_in_the_url(client):
    html = client.get("/en/?county=11&v=1").get_data(as_text=True)
    add = re.search(r'<a class="button button-small" href="([^"]+)">Add to comparison', html).group(1)
    assert "compare=" in add and "county=11" in add
    with_one = client.get(add.replace("&amp;", "&").split("#")[0]).get_data(as_text=True)
    assert 'aria-label="Your comparison"' in with_one and "Add one more course to compare." in with_one
    assert "Remove from comparison" in with_one


def test_a_full_comparison_offers_no_more_adding(client):
    html = client.get("/en/?compare=EDGE-hybrid,EDGE-youth,EDGE-c1,EDGE-rolling&v=1").get_data(as_text=True)
    assert "Add to comparison" not in html and "Compare these courses" in html
    assert client.get("/en/?compare=A,B,C,D,E&v=1").status_code == 400

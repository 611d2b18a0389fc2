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
        summary = entry.find(f"{ATOM}summary")
        assert summary is not None and summary.get("type") == "text" and summary.text.strip()
        assert summary.get("{http://www.w3.org/XML/1998/namespace}lang") is None  # in the feed's language


def feed_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return ET.fromstring(response.data)


@pytest.mark.parametrize("query, title", [
    ("q=sveis&county=46&norwegian=combined", "Courses for “sveis” in Vestland, with Norwegian training"),
    ("county=03&county=46&delivery=online&delivery=hybrid&age=30&include_ended=1",
     "Courses in Oslo or Vestland, how it is taught: Online or Partly online, age: 30, also courses that have ended"),
    ("q=truck&municipality=4601&level=B1&start_from=2027-02-01",
     "Courses for “truck” in Bergen, your Norwegian level: B1 – intermediate, starts on or after: February 1, 2027"),
    ("sector=health-care&sector=office&norwegian=without",
     "Courses, sector: Health and care or Office work, without Norwegian training"),
    ("q=sveis", "Courses for “sveis”"),
    ("", "New courses"),
])
def test_the_feed_title_says_the_search_in_words(client, query, title):
    feed = feed_of(client, f"/en/feed.atom?{query}")
    assert feed.find(f"{ATOM}title").text == f"{title} – Course finder"


def test_the_feed_title_is_in_the_feed_language(client):
    title = feed_of(client, "/nb/feed.atom?q=sveis&county=46&norwegian=combined").find(f"{ATOM}title").text
    assert title.startswith("Kurs for «sveis» ") and "Vestland" in title and ", med norskopplæring" in title
    assert title.endswith(" – Kurssøk")


def summaries(feed):
    return {entry.find(f"{ATOM}id").text.split("/courses/")[1].split("/")[0]: entry.find(f"{ATOM}summary").text
            for entry in feed.findall(f"{ATOM}entry")}


def test_each_entry_says_when_where_and_the_norwegian_needed(client):
    found = summaries(feed_of(client, "/en/feed.atom?q=helsefagarbeider&county=32"))
    assert found["EDGE-hybrid"].startswith("Starts June 1, 2027. Where: Lillestrøm, Akershus (partly online). "
                                           "Norwegian you need: B1 – intermediate. Apply by: May 1, 2027.")
    rolling = summaries(feed_of(client, "/en/feed.atom?q=arbeidslivet&county=56"))["EDGE-rolling"]
    assert rolling.startswith("Start any time (rolling start). Where: Online") and "A2 – elementary" in rolling
    for summary in summaries(feed_of(client, "/en/feed.atom?include_ended=1")).values():
        assert re.match(r"((Cancelled|Ended|Closed for applications)\. )?(Start|Rolling start|Started|Starts) ", summary)
        assert "Where: " in summary and "Norwegian you need: " in summary
    youth = summaries(feed_of(client, "/en/feed.atom?county=11&sector=retail"))["EDGE-youth"]
    assert youth.endswith("Norwegian you need: No level required. For young people.")  # its own summary, in English


def test_the_entries_of_a_norwegian_feed_are_in_norwegian(client):
    found = summaries(feed_of(client, "/nb/feed.atom?county=50&sector=childcare-youth"))
    assert found["EDGE-cancelled"].startswith("Avlyst. Starter 1. april 2027. Hvor: ")
    assert all("Hvor: " in summary and "Norsk du trenger: " in summary for summary in found.values())


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


# A small RFC 5545 reader: content lines unfolded, properties split into name, parameters and value,
# components nested by their BEGIN and END lines.

def read_ics(text):
    """The VCALENDAR of a calendar file, as ``{"name", "props": [(name, params, value)], "components"}``."""
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    physical = text[:-2].split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert not any("\r" in line or "\n" in line for line in physical)
    lines = []
    for line in physical:
        if line[:1] in (" ", "\t"):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    root = {"name": None, "props": [], "components": []}
    stack = [root]
    for line in lines:
        head, value = line.split(":", 1)   # no parameter value here is quoted
        name, *params = head.split(";")
        if name == "BEGIN":
            component = {"name": value, "props": [], "components": []}
            stack[-1]["components"].append(component)
            stack.append(component)
        elif name == "END":
            assert stack.pop()["name"] == value, line
        else:
            stack[-1]["props"].append((name, dict(param.split("=", 1) for param in params), value))
    assert stack == [root] and [c["name"] for c in root["components"]] == ["VCALENDAR"]
    return root["components"][0]


def unescape(value):
    """A TEXT value's text; an unescaped comma or semicolon would make it a list."""
    assert not re.search(r"(?<!\\)(?:\\\\)*[,;]", value), value
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def props(component, name):
    return [value for prop, _, value in component["props"] if prop == name]


def one(component, name):
    [value] = props(component, name)
    return value


def parts(component, name):
    return [c for c in component["components"] if c["name"] == name]


def events_by_uid(calendar):
    return {one(event, "UID"): event for event in parts(calendar, "VEVENT")}


def test_the_calendar_file_has_the_start_and_the_deadline(client):
    response = client.get("/en/courses/EDGE-hybrid/calendar.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    calendar = read_ics(response.get_data(as_text=True))
    assert one(calendar, "VERSION") == "2.0" and one(calendar, "PRODID")
    events = events_by_uid(calendar)
    assert set(events) == {"EDGE-hybrid-deadline@coursefinder", "EDGE-hybrid-start@coursefinder"}
    start, deadline = events["EDGE-hybrid-start@coursefinder"], events["EDGE-hybrid-deadline@coursefinder"]
    assert one(start, "DTSTART") == "20270601" and one(deadline, "DTSTART") == "20270501"
    assert [params for prop, params, _ in start["props"] if prop == "DTSTART"] == [{"VALUE": "DATE"}]
    assert unescape(one(start, "SUMMARY")) == "Course starts: Health worker with Norwegian"
    assert unescape(one(deadline, "SUMMARY")) == "Application deadline: Health worker with Norwegian"
    for event in (start, deadline):
        assert unescape(one(event, "LOCATION")) == "Lillestrøm, Akershus"
        description = unescape(one(event, "DESCRIPTION"))
        assert "Talk to your adviser at Nav first" in description and "Where: Lillestrøm, Akershus" in description
        assert "http://localhost/en/courses/EDGE-hybrid/health-worker-with-norwegian" in description
        assert one(event, "DTSTAMP").endswith("Z")
    assert parts(start, "VALARM") == []
    alarms = parts(deadline, "VALARM")
    assert [one(alarm, "TRIGGER") for alarm in alarms] == ["-P7D", "-P1D"]
    for alarm in alarms:
        assert one(alarm, "ACTION") == "DISPLAY" and "Health worker with Norwegian" in unescape(one(alarm, "DESCRIPTION"))
    assert client.get("/nb/courses/EDGE-rolling/calendar.ics").status_code == 404


def test_the_calendar_file_is_in_the_language_of_its_address(client):
    calendar = read_ics(client.get("/nb/courses/EDGE-hybrid/calendar.ics").get_data(as_text=True))
    start = events_by_uid(calendar)["EDGE-hybrid-start@coursefinder"]
    assert unescape(one(start, "SUMMARY")) == "Kurset starter: Helsefagarbeider med norsk"
    assert "Hvor: Lillestrøm, Akershus" in unescape(one(start, "DESCRIPTION"))


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
    for name in ("Where", "Apply by", "Norwegian you need", "Number of places", "How it is taught", "Who it is for",
                 "Course type", "What the course includes") if lang == "en" else ("Hvor", "Søknadsfrist"):
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

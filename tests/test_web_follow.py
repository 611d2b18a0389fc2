"""Following a search: the page that explains it, the feed address it gives, and the calendar files of searches
and courses (where a course is, and reminders of its deadline that are never in the past)."""

import html as html_module
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import course
from test_web_sharing import ATOM, events_by_uid, one, parts, read_ics, unescape

FOLLOW = "/en/follow?q=helsefagarbeider&county=32&v=1"


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def field(html, name):
    return html_module.unescape(re.search(rf'<input type="text" id="{name}" value="([^"]+)" readonly', html).group(1))


def link(html, text):
    return html_module.unescape(re.search(rf'<a [^>]*href="([^"]+)"[^>]*>{re.escape(text)}</a>', html).group(1))


@pytest.mark.parametrize("lang, text", [("en", "Follow this search"), ("nb", None)])
def test_the_search_page_links_to_the_follow_page(client, lang, text):
    html = page(client, f"/{lang}/?q=sveis&county=46&page=1")
    href = re.search(r'<p class="feed-link"><a href="([^"]+)">([^<]+)</a>', html)
    assert href.group(1) == f"/{lang}/follow?q=sveis&amp;county=46&amp;v=1"
    if text:
        assert href.group(2) == text
    assert page(client, html_module.unescape(href.group(1)))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_follow_page_gives_the_feed_address_to_copy(client, lang):
    html = page(client, f"/{lang}/follow?q=helsefagarbeider&county=32&v=1")
    address = field(html, "feed-url")
    assert address == f"http://localhost/{lang}/feed.atom?q=helsefagarbeider&county=32&v=1"
    # The copy button appears with JavaScript; without it the field can be selected and copied.
    assert re.search(r'<button type="button" class="button copy-button" data-copy="feed-url" hidden>', html)
    assert re.search(r'<label for="feed-url">', html) and 'class="copy-status" role="status"' in html
    assert f'<p class="print-url">{html_module.escape(address)}</p>' in html
    assert f'href="{html_module.escape(address)}" type="application/atom+xml"' in html
    assert html.count("<h1>") == 1 and html.count("<h2 ") >= 2
    feed = ET.fromstring(client.get(address.removeprefix("http://localhost")).data)
    assert feed.tag == f"{ATOM}feed"


def test_the_follow_page_explains_following_in_plain_words(client):
    html = page(client, FOLLOW)
    assert "<h1>Follow this search</h1>" in html
    assert '<p class="lead follow-search">Courses for “helsefagarbeider” in Akershus</p>' in html
    for words in ("feed reader", "Outlook", "Thunderbird", "calendar", "start dates and application deadlines"):
        assert words in html
    assert link(html, "Back to the search") == "/en/?q=helsefagarbeider&county=32&v=1"


def test_the_follow_page_links_to_the_calendar_of_the_search(client):
    html = page(client, FOLLOW)
    calendar_url = link(html, "Add dates to your calendar")
    assert calendar_url == "/en/calendar.ics?q=helsefagarbeider&county=32&v=1"
    response = client.get(calendar_url)
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="courses-for-helsefagarbeider')
    calendar = read_ics(response.get_data(as_text=True))
    assert unescape(one(calendar, "X-WR-CALNAME")) == "Courses for “helsefagarbeider” in Akershus – Course finder"
    events = events_by_uid(calendar)
    assert "EDGE-hybrid-start@coursefinder" in events and "EDGE-hybrid-deadline@coursefinder" in events
    deadline = events["EDGE-hybrid-deadline@coursefinder"]
    assert [one(alarm, "TRIGGER") for alarm in parts(deadline, "VALARM")] == ["-P7D", "-P1D"]


def test_the_follow_address_leaves_out_the_page_and_the_comparison(client):
    html = page(client, "/en/follow?q=helsefagarbeider&county=32&page=3&per_page=5&compare=EDGE-c1&v=1")
    assert field(html, "feed-url") == "http://localhost/en/feed.atom?q=helsefagarbeider&county=32&v=1"
    assert '<a href="/nb/follow?q=helsefagarbeider&amp;county=32&amp;v=1" hreflang="nb"' in html


def test_the_calendar_of_a_search_holds_at_most_50_courses_and_no_reminder_in_the_past(client):
    import datetime as dt

    from conftest import TODAY

    calendar = read_ics(client.get("/nb/calendar.ics?include_ended=1").get_data(as_text=True))
    events = parts(calendar, "VEVENT")
    courses = {one(event, "UID").rsplit("-", 1)[0] for event in events}
    assert 0 < len(courses) <= 50 and len(events) <= 100
    for event in events:
        assert re.fullmatch(r"\d{8}", one(event, "DTSTART")) and one(event, "SUMMARY") and one(event, "LOCATION")
        assert "http://localhost/nb/courses/" in unescape(one(event, "DESCRIPTION"))
        day = dt.datetime.strptime(one(event, "DTSTART"), "%Y%m%d").date()
        for alarm in parts(event, "VALARM"):
            assert one(event, "UID").endswith("-deadline@coursefinder")
            days = int(re.fullmatch(r"-P(\d+)D", one(alarm, "TRIGGER")).group(1))
            assert day - dt.timedelta(days=days) > TODAY and one(alarm, "ACTION") == "DISPLAY"


def test_the_calendar_of_a_search_leaves_out_cancelled_courses(client):
    search = "county=50&sector=childcare-youth"
    feed = client.get(f"/en/feed.atom?{search}").get_data(as_text=True)
    assert "EDGE-cancelled" in feed
    ics = client.get(f"/en/calendar.ics?{search}").get_data(as_text=True)
    assert "EDGE-cancelled" not in ics


def test_a_search_without_dates_has_no_calendar(client):
    search = "q=arbeidslivet&county=56&delivery=online&course_type=norwegian&start_from=2027-03-01&start_to=2027-02-01"
    html = page(client, f"/en/follow?{search}")
    assert "calendar.ics" not in html and "there is nothing to add to a calendar" in html
    assert "No course matches this search." in html
    response = client.get(f"/en/calendar.ics?{search}")
    assert response.status_code == 404 and response.mimetype == "text/plain"


@pytest.mark.parametrize("path, parameter", [("/en/follow?age=old", "Age"), ("/nb/follow?county=99", "Fylke"),
                                             ("/en/follow?v=7", "Link")])
def test_an_invalid_search_is_answered_with_a_plain_message(client, path, parameter):
    html = page(client, path, status=400)
    assert '<div class="error-summary" role="alert">' in html and f"<p>{parameter}: " in html
    assert "feed-url" not in html and "calendar.ics" not in html
    assert client.get(path.replace("/follow", "/calendar.ics")).status_code == 400
    assert client.get(path.replace("/follow", "/feed.atom")).status_code == 400


@pytest.mark.parametrize("text", ["01019012345", "ola@example.com", "01.01.90 12345"])
def test_personal_information_is_refused_and_not_repeated(client, text):
    for path in ("/nb/follow", "/nb/calendar.ics", "/nb/feed.atom"):
        response = client.get(path, query_string={"q": text})
        body = response.get_data(as_text=True)
        assert response.status_code == 400, path
        assert text not in body and "012345" not in body and "example.com" not in body
    html = client.get("/nb/follow", query_string={"q": text}).get_data(as_text=True)
    assert '<a href="/en/follow" hreflang="en"' in html and '<a href="/nb/">' in html


def test_the_follow_page_has_no_inline_style_or_script_and_the_security_headers(client):
    response = client.get(FOLLOW)
    html = response.get_data(as_text=True)
    assert " style=" not in html and "<style" not in html and not re.search(r" on[a-z]+=", html)
    assert not re.search(r"<script(?![^>]*src=)", html)
    assert "default-src 'self'" in response.headers["Content-Security-Policy"] and "Set-Cookie" not in response.headers


def test_the_feed_address_comes_from_the_public_url(app):
    app.config["PUBLIC_URL"] = "https://kurs.example.no"
    try:
        client = app.test_client()
        html = client.get(FOLLOW, headers={"Host": "evil.example"}).get_data(as_text=True)
        ics = client.get("/en/calendar.ics?q=helsefagarbeider", headers={"Host": "evil.example"}).get_data(as_text=True)
    finally:
        app.config["PUBLIC_URL"] = None
    assert field(html, "feed-url").startswith("https://kurs.example.no/en/feed.atom?")
    assert "evil.example" not in html and "evil.example" not in ics
    assert "https://kurs.example.no/en/courses/" in ics.replace("\r\n ", "")


def test_a_search_with_many_filters_is_said_in_words_on_the_follow_page(client):
    html = page(client, "/en/follow?q=sveis&county=03&county=46&municipality=4601&delivery=hybrid&age=30"
                        "&level=B1&norwegian=combined&start_from=2027-02-01&start_to=2027-12-31&include_ended=1")
    words = html_module.unescape(re.search(r'<p class="lead follow-search">([^<]+)</p>', html).group(1))
    assert words == ("Courses for “sveis” in Oslo or Vestland, in Bergen, how it is taught: Partly online, age: 30, "
                     "with Norwegian training, your Norwegian level: B1 – intermediate, starts on or after: "
                     "February 1, 2027, starts on or before: December 31, 2027, also courses that have ended")


ODD_COURSES = [
    course(id="CAL-address", title_nb="Sveis, TIG; MIG \\ og " + "lang tittel med æøå og 🚜 " * 6,
           address="Storgata 1, 2000 Lillestrøm", place="Lillestrøm", county="32", start_date="2027-03-01",
           application_deadline="2027-02-01"),
    course(id="CAL-passed", title_nb="Fristen er ute", application_deadline="2027-01-10"),
    course(id="CAL-today", title_nb="Fristen er i dag", application_deadline="2027-01-15"),
    course(id="CAL-soon", title_nb="Fristen er snart", application_deadline="2027-01-20"),
    course(id="CAL-closed", title_nb="Stengt for søknader", status="closed", application_deadline="2027-02-01"),
    course(id="CAL-cancelled", title_nb="Avlyst", status="cancelled", application_deadline="2027-02-01"),
    course(id="CAL-online", title_nb="Nettkurs", delivery="online", place=None, county="15"),
    course(id="CAL-nodate", title_nb="Uten datoer", start_type="rolling", start_date=None),
]


@pytest.fixture(scope="module")
def odd_client(tmp_path_factory):
    from coursefinder import create_app
    from coursefinder.catalogue.importing import import_files
    from conftest import TODAY, write_catalogue

    folder = tmp_path_factory.mktemp("calendars")
    assert import_files([write_catalogue(folder / "c.json", ODD_COURSES)], folder / "index").ok
    return create_app({"TESTING": True, "INDEX_DIR": str(folder / "index"), "TODAY": TODAY,
                       "AUTO_SAMPLE": False}).test_client()


def course_calendar(client, course_id, lang="en"):
    response = client.get(f"/{lang}/courses/{course_id}/calendar.ics")
    assert response.status_code == 200, course_id
    return read_ics(response.get_data(as_text=True))


def test_a_calendar_location_has_the_address_the_place_and_the_county(odd_client):
    calendar = course_calendar(odd_client, "CAL-address")
    for event in parts(calendar, "VEVENT"):
        # The place is named in the address already, so it is not repeated.
        assert unescape(one(event, "LOCATION")) == "Storgata 1, 2000 Lillestrøm, Akershus"
        assert "Storgata 1, 2000 Lillestrøm, Akershus" in unescape(one(event, "DESCRIPTION"))
    online = events_by_uid(course_calendar(odd_client, "CAL-online"))["CAL-online-start@coursefinder"]
    assert unescape(one(online, "LOCATION")) == "Online"


def test_long_titles_are_folded_and_escaped(odd_client):
    calendar = course_calendar(odd_client, "CAL-address")   # read_ics checks the 75-octet lines
    summary = unescape(one(events_by_uid(calendar)["CAL-address-start@coursefinder"], "SUMMARY"))
    assert summary == "Course starts: " + ODD_COURSES[0]["title_nb"]


@pytest.mark.parametrize("course_id, triggers", [
    ("CAL-address", ["-P7D", "-P1D"]),  # deadline 1 February, today 15 January
    ("CAL-soon", ["-P1D"]),             # five days ahead: a week before is past
    ("CAL-today", []),                  # a reminder today or before would already have gone off
    ("CAL-passed", []),
    ("CAL-closed", []),                 # takes no applications
    ("CAL-cancelled", []),
])
def test_deadline_reminders_are_never_in_the_past(odd_client, course_id, triggers):
    events = events_by_uid(course_calendar(odd_client, course_id))
    deadline = events[f"{course_id}-deadline@coursefinder"]
    assert [one(alarm, "TRIGGER") for alarm in parts(deadline, "VALARM")] == triggers
    for event in events.values():
        assert event is deadline or parts(event, "VALARM") == []


def test_a_cancelled_course_is_marked_cancelled_in_the_calendar(odd_client):
    for event in parts(course_calendar(odd_client, "CAL-cancelled"), "VEVENT"):
        assert one(event, "STATUS") == "CANCELLED" and unescape(one(event, "SUMMARY")).startswith("Cancelled: ")
    assert odd_client.get("/en/courses/CAL-nodate/calendar.ics").status_code == 404

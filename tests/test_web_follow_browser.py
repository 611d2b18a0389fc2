"""In a browser: following a search opens a page (not raw XML) whose feed and calendar parse;
the offer page shows a county beside its neighbours, and its cells lead to those courses."""

import re
import xml.etree.ElementTree as ET

import pytest

from browser import report

ATOM = "{http://www.w3.org/2005/Atom}"


def unfolded(calendar):
    return re.sub(r"\r\n[ \t]", "", calendar).split("\r\n")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_follow_this_search_opens_a_page_whose_feed_and_calendar_parse(browser_page, live_server, lang):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url(f"/{lang}/?q=helsefagarbeider&county=32"))
    page.locator("p.feed-link a").click()
    page.wait_for_url(re.compile(rf"/{lang}/follow\?"))
    assert page.evaluate("document.contentType") == "text/html"
    assert page.locator("html").get_attribute("lang") == lang
    feed_address = page.locator("input[readonly]").first.input_value()
    assert re.match(r"https?://[^/]+/" + lang + r"/feed\.atom\?", feed_address)
    feed = page.request.get(feed_address)
    root = ET.fromstring(feed.body())
    entries = root.findall(f"{ATOM}entry")
    assert entries and all(entry.find(f"{ATOM}summary").text for entry in entries)
    calendar_link = page.locator("a[href*='calendar.ics']").first.get_attribute("href")
    calendar = page.request.get(live_server.url(calendar_link)).text()
    lines = unfolded(calendar)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    events = calendar.count("BEGIN:VEVENT")
    assert events and events == calendar.count("END:VEVENT")
    assert sum(1 for line in lines if line.startswith("LOCATION:")) == events
    assert "BEGIN:VALARM" in calendar and "TRIGGER:-P7D" in calendar
    report(f"follow page {lang}: feed with {len(entries)} entries, calendar with {events} events, "
           f"{calendar.count('BEGIN:VALARM')} reminders")


def test_the_offer_page_shows_a_county_beside_its_neighbours_and_cells_lead_to_the_courses(browser_page, live_server):
    page = browser_page
    page.goto(live_server.url("/en/offer"))
    page.locator("select[name=county]").select_option("46")
    page.locator("form.county-choice button[type=submit], form.county-choice [type=submit]").first.click()
    page.wait_for_url(re.compile(r"county=46"))
    heading = page.locator("#compare-heading")
    assert heading.is_visible()
    table = page.locator("#compare-heading ~ div table, #compare-heading ~ table").first
    rows = table.locator("tbody tr th").all_inner_texts()
    assert any("Vestland" in row for row in rows) and len(rows) >= 3    # the county, its neighbours, the country
    cell = page.locator("table.offer-table td a").filter(has_text=re.compile(r"^[1-9]")).first
    wanted = int(re.match(r"\d+", cell.inner_text()).group(0))
    cell.click()
    page.wait_for_url(re.compile(r"/en/\?"))
    found = int(re.match(r"[\d,]+", page.locator("#results-heading").inner_text()).group(0).replace(",", ""))
    # The offer counts courses that are neither ended nor cancelled; the search also lists cancelled ones.
    assert found >= wanted
    report(f"offer page: Vestland beside {len(rows) - 1} rows; a cell of {wanted} led to {found} courses")

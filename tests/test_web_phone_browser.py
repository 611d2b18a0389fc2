"""On a phone: the results come first, the filters behind a button, "Show N courses" back up."""

import re
from pathlib import Path

import pytest

from browser import report

ROOT = Path(__file__).resolve().parent.parent
CHEAP_PHONE = {"width": 360, "height": 640}


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("query", ["q=helsefagarbeider", "county=03&county=32&level=B1&age=30&norwegian=combined",
                                   "q=sveis&sector=industry&delivery=in-person&start_from=2027-02-01"])
def test_the_first_result_is_on_the_first_screen_of_a_phone(browser_page, live_server, lang, query):
    browser_page.set_viewport_size(CHEAP_PHONE)
    browser_page.goto(live_server.url(f"/{lang}/?{query}"))
    heading = browser_page.locator("#results-heading").bounding_box()
    first = browser_page.locator(".result h3").first.bounding_box()
    report(f"phone 360x640 {lang} ?{query}: results heading at {heading['y']:.0f} px, first result at "
           f"{first['y']:.0f} px")
    assert first["y"] + first["height"] <= CHEAP_PHONE["height"]
    if "county" in query:
        assert browser_page.locator(".chips").bounding_box()["y"] < CHEAP_PHONE["height"]


def test_show_n_courses_counts_the_new_choice_and_goes_back_to_the_results(browser_page, live_server):
    page = browser_page
    page.set_viewport_size(CHEAP_PHONE)
    page.goto(live_server.url("/en/?q=kurs"))
    before = page.locator("button.show-courses").inner_text()
    page.locator("a.filter-jump").click()
    page.locator("#county-03").check()
    page.wait_for_function("t => document.querySelector('button.show-courses').textContent.trim() !== t", arg=before)
    after = page.locator("button.show-courses").inner_text()
    assert re.fullmatch(r"Show [\d,]+ courses?", after)
    count = re.search(r"[\d,]+", after).group(0)
    assert page.locator("#results-heading").inner_text().startswith(count)
    page.locator("button.show-courses").click()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'results-heading'")
    assert 0 <= page.locator("#results-heading").bounding_box()["y"] < CHEAP_PHONE["height"]
    assert "county=03" in page.url


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("name, path", [("results", "/{lang}/?q=helsefagarbeider"),
                                        ("course", "/{lang}/courses/EDGE-hybrid")])
def test_screenshots_of_a_phone_for_the_closing_note(browser_page, live_server, lang, name, path):
    browser_page.set_viewport_size(CHEAP_PHONE)
    browser_page.goto(live_server.url(path.format(lang=lang)))
    target = ROOT / "docs" / "screenshots" / f"phone-{name}-{lang}.png"
    browser_page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 5000
    report(f"phone screenshot: {target.relative_to(ROOT)}")

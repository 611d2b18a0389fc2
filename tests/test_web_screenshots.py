"""Screenshots of the main pages at a phone's and a desktop's width, made from the current code.

They are written to tests/screenshots/ (not kept in git); the three the README shows are
also written to docs/screenshots/.
"""

from pathlib import Path
from urllib.parse import quote

import pytest

from browser import PAGE_TYPES, report

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "tests" / "screenshots"
README_SHOTS = {("search-results", "nb", 360): "search-360.png", ("search-results", "en", 1280): "search-1280.png"}
MAIN_PAGES = ["search-empty", "search-results", "search-many-filters", "course-open", "compare-4", "about", "offer"]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("name", MAIN_PAGES)
def test_screenshot(browser_page, live_server, name, lang, width):
    browser_page.set_viewport_size({"width": width, "height": 900})
    browser_page.goto(live_server.url(PAGE_TYPES[name].format(lang=lang)))
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}-{lang}-{width}.png"
    browser_page.screenshot(path=str(path), full_page=width == 360)
    assert path.stat().st_size > 5000
    if (name, lang, width) in README_SHOTS:
        target = ROOT / "docs" / "screenshots" / README_SHOTS[(name, lang, width)]
        target.parent.mkdir(exist_ok=True)
        browser_page.screenshot(path=str(target), full_page=False)
        report(f"screenshot for the README: {target.relative_to(ROOT)}")


def test_screenshot_of_a_search_typed_in_arabic_on_a_phone(browser_page, live_server):
    """The README's picture of right to left: لحام (welding) typed on the Arabic page of a 360 px phone."""
    browser_page.set_viewport_size({"width": 360, "height": 900})
    browser_page.goto(live_server.url("/ar/?q=" + quote("لحام")))
    assert browser_page.locator("html").get_attribute("dir") == "rtl"
    assert browser_page.locator(".result-list [lang=nb]").count() > 0      # Norwegian courses found
    target = ROOT / "docs" / "screenshots" / "search-ar-360.png"
    browser_page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 5000
    report(f"screenshot for the README: {target.relative_to(ROOT)}")

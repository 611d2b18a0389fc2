"""Screenshots of the main pages at a phone's and a desktop's width, made from the current code.

They are written to tests/screenshots/ (not kept in git); the two the README shows are
also written to docs/screenshots/.
"""

from pathlib import Path

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

"""axe-core in Chromium on every page type, in every language: no WCAG 2.x A/AA violation."""

import pytest

from browser import LANGS, PAGE_TYPES, report

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Every rule of those tags runs and every violation is listed in full; of the rules that pass
# axe keeps one example (resultTypes), which makes a run about a third faster.
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGE_TYPES)
@pytest.mark.parametrize("width", [360, 1280])
def test_no_axe_violations(browser_page, live_server, name, lang, width):
    from axe_playwright_python.sync_playwright import Axe

    browser_page.set_viewport_size({"width": width, "height": 900})
    response = browser_page.goto(live_server.url(PAGE_TYPES[name].format(lang=lang)))
    assert response.status in (200, 404, 410)
    result = Axe().run(browser_page, options=OPTIONS)
    violations = result.response["violations"]
    report(f"axe {name:<20} {lang} {width:>4}px: {len(violations)} violations, "
           f"{len(result.response['passes'])} rules passed")
    assert violations == [], result.generate_report()

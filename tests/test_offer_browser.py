"""The offer page in a browser: readable charts, a fixed first column, no sideways scrolling, axe-clean."""

import pytest

from browser import LANGS, report
from test_web_reflow import OVERFLOW

WIDTHS = (320, 360, 1280)
PAGES = ("/{lang}/offer", "/{lang}/offer?county=34&v=1", "/{lang}/offer?county=46&sector=health-care,retail&v=1")

# Every text of every chart: its font size on screen (the SVG's scale times its font-size), its
# box's height, and whether its box sticks out of the SVG's.
CHART_TEXT = """() => [...document.querySelectorAll('svg.chart')].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(text => {
    const r = text.getBoundingClientRect();
    return {chart: svg.getAttribute('aria-labelledby'), text: text.textContent,
            px: scale * parseFloat(text.getAttribute('font-size')), height: r.height,
            cut: r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5
              || r.bottom > box.bottom + 0.5};
  });
})"""

# The county x sector table scrolled to its end: where its first column is, whether it is opaque,
# and what shows at the middle of each of its cells.
STICKY = """() => {
  const table = document.querySelector('table.sector-table');
  const box = table.closest('.table-scroll');
  box.scrollLeft = box.scrollWidth;
  const heads = [...table.querySelectorAll('tr > :first-child')];
  return {scrolled: box.scrollLeft, boxLeft: box.getBoundingClientRect().left,
          lefts: heads.map(th => th.getBoundingClientRect().left),
          backgrounds: [...new Set(heads.map(th => getComputedStyle(th).backgroundColor))],
          covered: heads.filter(th => {
            window.scrollTo(0, th.getBoundingClientRect().top + window.scrollY - 300);
            const r = th.getBoundingClientRect();
            return !th.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
          }).length};
}"""

# The sector table's links focused from the last to the first (as Shift+Tab goes): those that
# do not show at their left edge or their middle once focused (the fixed first column covers them).
UNDER = """() => {
  const table = document.querySelector('table.sector-table');
  const hidden = [];
  const links = [...table.querySelectorAll('td a')].reverse();
  for (const link of links) {
    link.focus();
    const r = link.getBoundingClientRect();
    const shows = x => link.contains(document.elementFromPoint(x, r.top + r.height / 2));
    if (!shows(r.left + 2) || !shows(r.left + r.width / 2)) hidden.push(link.textContent.trim());
  }
  return {links: links.length, hidden};
}"""


@pytest.fixture(scope="module")
def offer_pages(chromium):
    made = {}

    def page(width, javascript=True):
        if (width, javascript) not in made:
            context = chromium.new_context(viewport={"width": width, "height": 900}, bypass_csp=True,
                                           java_script_enabled=javascript)
            made[width, javascript] = context.new_page()
        return made[width, javascript]

    yield page
    for opened in made.values():
        opened.context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_chart_text_is_at_least_12_px_never_cut_off_and_nothing_scrolls_sideways(offer_pages, live_server, lang,
                                                                                  width):
    page = offer_pages(width)
    for path in PAGES:
        page.goto(live_server.url(path.format(lang=lang)))
        texts = page.evaluate(CHART_TEXT)
        assert len({t["chart"] for t in texts}) == 3 and texts
        smallest = min(t["px"] for t in texts)
        report(f"offer charts {lang} {width:>4}px {path.split('?')[-1][:24]:<24}: {len(texts)} texts, smallest "
               f"{smallest:.1f} px (box {min(t['height'] for t in texts):.1f} px high)")
        assert smallest >= 12, [t for t in texts if t["px"] < 12][:3]
        assert all(t["height"] >= 12 for t in texts)
        assert [t["text"] for t in texts if t["cut"]] == []
        found = page.evaluate(OVERFLOW)
        assert found["scrollWidth"] <= found["width"] and found["out"] == [], (path, found)


def test_the_sector_tables_first_column_stays_in_view_and_hides_what_scrolls_under_it(offer_pages, live_server):
    page = offer_pages(320)
    page.goto(live_server.url("/en/offer"))
    sticky = page.evaluate(STICKY)
    assert sticky["scrolled"] > 100, sticky
    assert all(abs(left - sticky["boxLeft"]) < 1 for left in sticky["lefts"]), sticky
    assert all(colour.startswith("rgb(") for colour in sticky["backgrounds"]), sticky  # opaque: no alpha
    assert sticky["covered"] == 0, sticky
    under = page.evaluate(UNDER)
    assert under["links"] > 100 and under["hidden"] == [], under


def test_the_county_chooser_works_without_javascript(offer_pages, live_server):
    page = offer_pages(360, javascript=False)
    page.goto(live_server.url("/en/offer?sector=health-care&v=1"))
    page.select_option("#county-choice", "50")
    page.click(".county-choice button")
    assert "county=50" in page.url and "sector=health-care" in page.url
    assert page.locator("#compare-table-caption").inner_text() == \
        "Trøndelag beside its neighbouring counties and the whole country"


@pytest.mark.parametrize("width", (360, 1280))
@pytest.mark.parametrize("lang", LANGS)
def test_the_comparison_has_no_axe_violations(browser_page, live_server, lang, width):
    from axe_playwright_python.sync_playwright import Axe

    from test_web_accessibility import OPTIONS

    browser_page.set_viewport_size({"width": width, "height": 900})
    assert browser_page.goto(live_server.url(f"/{lang}/offer?county=34&sector=health-care,retail&v=1")).status == 200
    result = Axe().run(browser_page, options=OPTIONS)
    report(f"axe offer with a county {lang} {width:>4}px: {len(result.response['violations'])} violations")
    assert result.response["violations"] == [], result.generate_report()

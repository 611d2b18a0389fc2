"""Reflow (WCAG 1.4.10) on real and extreme catalogues: no page scrolls sideways on a 320 px phone.

Every course page of the bundled sample catalogue and of the edge-case catalogue
(edge_catalogue.py: every text at its longest, unbroken words, long addresses, right-to-left
text), in every interface language (the sample's in bokmål, English and Arabic), at 320 CSS px;
search results and comparisons too, and a comparison of four long courses at 1280 px and on an
A4 page, where every column must show.

A page "scrolls sideways" when the document is wider than the window, or when any element
or line of text sticks out of the window, except inside a box that scrolls on its own
(``.table-scroll``), which is allowed to and shows a cue that it does.
"""

import json
import time
from urllib.parse import urlsplit

import pytest

from browser import LANGS, LiveServer, report
from conftest import TODAY, write_catalogue
from coursefinder import create_app
from coursefinder.catalogue.importing import import_files
from coursefinder.catalogue.loading import load_sources
from coursefinder.catalogue.sample import sample_source
from coursefinder.catalogue import vocabulary
from edge_catalogue import COMPOUND_60, MAX, edge_records

NARROW, WIDE = 320, 1280
# Every course page of the sample in bokmål, English and Arabic (right to left); in the other
# languages the edge catalogue's, which show every label of the interface at its longest (the
# sample's 180 pages add real text, which is the same in every language).
WHOLE_SAMPLE = ("nb", "en", "ar")
# The printable width of an A4 page with the site's 15 mm margins (@page in style.css), in CSS px.
A4_PRINTABLE = int((210 - 2 * 15) / 25.4 * 96)
# Between the phone's cards and a wide screen the comparison's table may scroll in its box.
MIDDLE = 720

# What sticks out of the window: the document, elements, and lines of text; leaving out what is
# inside a box that scrolls on its own, and what is hidden from view.
OVERFLOW = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  const width = window.innerWidth;
  const scrollers = [...document.querySelectorAll('body *')].filter(el => {
    const style = getComputedStyle(el);
    return ['auto', 'scroll'].includes(style.overflowX) && !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
  });
  const exempt = el => el.closest('.visually-hidden, option, datalist, script, style')
    || scrollers.some(box => box !== el && box.contains(el));
  const classes = el => typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
  const name = el => [el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''), ...classes(el)].join('.');
  const out = [];
  const outside = box => box.right > width + 0.5 || box.left < -0.5;
  for (const el of document.querySelectorAll('body *')) {
    if (exempt(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (outside(box)) out.push(`${name(el)} ${Math.round(box.left)}..${Math.round(box.right)}`);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim() || exempt(node.parentElement)) continue;
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) {
      if (outside(box)) {
        out.push(`text in ${name(node.parentElement)} ${Math.round(box.left)}..${Math.round(box.right)}: `
                 + node.data.trim().slice(0, 40));
        break;
      }
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 8)};
}"""

# Every column of the comparison: the header cells' edges, and the table's box.
COLUMNS = """() => {
  const box = document.querySelector('.compare-wide');
  const table = document.querySelector('table.compare');
  const heads = [...table.querySelectorAll('thead th')].map(th => {
    const r = th.getBoundingClientRect();
    return [Math.round(r.left), Math.round(r.right)];
  });
  return {heads, display: getComputedStyle(box).display, boxScroll: box.scrollWidth, boxWidth: box.clientWidth,
          page: document.documentElement.scrollWidth, width: window.innerWidth};
}"""

CUE = """() => {
  const box = document.querySelector('.compare-wide');
  const style = getComputedStyle(box);
  return {scrolls: box.scrollWidth > box.clientWidth + 1, image: style.backgroundImage,
          attachment: style.backgroundAttachment};
}"""


class Served:
    """A catalogue in its own index, served live; ``records`` are its records in the import format."""

    def __init__(self, folder, records):
        source = write_catalogue(folder / "catalogue.json", records)
        outcome = import_files([source], folder / "index")
        assert outcome.ok, outcome.problems
        self.app = create_app({"TESTING": True, "INDEX_DIR": str(folder / "index"), "TODAY": TODAY,
                               "AUTO_SAMPLE": False, "RELOAD_INTERVAL": 0})
        self.records = records
        self.live = LiveServer(self.app)

    def url(self, path):
        return self.live.url(path)

    def course_url(self, lang, course_id):
        """The course page's own address (/LANG/courses/ID redirects to it), saving the browser a redirect."""
        response = self.app.test_client().get(f"/{lang}/courses/{course_id}")
        if response.status_code in (301, 302, 308):
            location = urlsplit(response.location)
            return self.url(location.path + (f"?{location.query}" if location.query else ""))
        return self.url(f"/{lang}/courses/{course_id}")


def sample():
    label, data = sample_source(TODAY)
    assert load_sources([(label, data)]).ok
    return json.loads(data)


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory):
    """``name: Served`` for the bundled sample and the edge cases, each in its own index."""
    edges = edge_records()
    assert load_sources([("edge", json.dumps(edges, ensure_ascii=False).encode("utf-8"))]).ok
    served = {"sample": sample(), "edge": edges}
    servers = {name: Served(tmp_path_factory.mktemp(name), records) for name, records in served.items()}
    yield servers
    for server in servers.values():
        server.live.close()


@pytest.fixture(scope="module")
def pages(chromium):
    """One browser context, and one page in it, per (language, width, media), made when first asked for."""
    made = {}

    def page(lang, width, media="screen"):
        key = (lang, width, media)
        if key not in made:
            # Playwright's helpers evaluate strings, which the site's CSP forbids (see conftest).
            context = chromium.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
            made[key] = context.new_page()
            made[key].emulate_media(media=media)
        return made[key]

    yield page
    for opened in made.values():
        opened.context.close()


def audit(page, url):
    """The ways the page at ``url`` sticks out of the window (none when it reflows)."""
    # The stylesheet comes before the deferred script, which runs before DOMContentLoaded: laid out.
    response = page.goto(url, wait_until="domcontentloaded")
    assert response.status in (200, 410), f"{url}: {response.status}"
    found = page.evaluate(OVERFLOW)
    problems = list(found["out"])
    if found["scrollWidth"] > found["width"]:
        problems.insert(0, f"the page is {found['scrollWidth']} px wide in a {found['width']} px window")
    return problems


def audit_all(page, urls):
    """``(pages audited, {url: problems})`` for every URL."""
    failing = {}
    for url in urls:
        problems = audit(page, url)
        if problems:
            failing[url] = problems
    return len(urls), failing


def wider(failing):
    """How many of the failing pages make the whole document wider than the window."""
    return sum(1 for problems in failing.values() if problems[0].startswith("the page is"))


def longest(records, count):
    """The ids of the ``count`` records with the most text in the fields a comparison shows."""
    shown = ("title_nb", "title_en", "provider", "place", "certifications")
    size = lambda r: sum(len(" ".join(r[k]) if isinstance(r[k], list) else r[k]) for k in shown if k in r)  # noqa: E731
    return [r["id"] for r in sorted(records, key=size, reverse=True)[:count]]


def comparisons(catalogues, lang):
    """Comparisons of two and of four courses: the longest of each catalogue."""
    urls = []
    for server in catalogues.values():
        for count in (2, 4):
            urls.append(server.url(f"/{lang}/compare?ids={','.join(longest(server.records, count))}"))
    return urls


def searches(catalogues, lang):
    edge, sample_server = catalogues["edge"], catalogues["sample"]
    edges = edge.records
    compare = ",".join(longest(edges, 4))
    return [
        sample_server.url(f"/{lang}/?q=kurs"),
        sample_server.url(f"/{lang}/?q=kurs&page=2"),
        sample_server.url(f"/{lang}/?q=norsk&county=03&county=46&sector=health-care&delivery=hybrid&include_ended=1"),
        edge.url(f"/{lang}/?q=kurs"),
        edge.url(f"/{lang}/?include_ended=1"),
        edge.url(f"/{lang}/?include_ended=1&page=2"),
        edge.url(f"/{lang}/?q={COMPOUND_60}&include_ended=1"),
        edge.url(f"/{lang}/?include_ended=1&compare={compare}"),
    ]


def test_the_edge_catalogue_reaches_every_limit_of_the_format():
    records = edge_records()
    assert load_sources([("edge", json.dumps(records, ensure_ascii=False).encode("utf-8"))]).ok
    longest_of = lambda field: max(len(r.get(field, "")) for r in records)  # noqa: E731
    for field in ("title_nb", "title_en", "summary_nb", "summary_en", "description_nb", "provider", "place",
                  "address", "contact_name", "contact_phone"):
        assert longest_of(field) == MAX[field.rsplit("_", 1)[0] if field[-3:] in ("_nb", "_en") else field], field
    assert longest_of("id") == MAX["id"] and longest_of("url") >= 300 and longest_of("contact_email") >= 150
    assert max(len(c) for r in records for c in r.get("certifications", [])) == MAX["certification"]
    for field, values in (("driving_licences", vocabulary.DRIVING_LICENCES),
                          ("target_groups", vocabulary.TARGET_GROUPS), ("content", vocabulary.CONTENT),
                          ("course_type", vocabulary.COURSE_TYPES), ("start_type", vocabulary.START_TYPES), ("status", vocabulary.STATUSES),
                          ("delivery", vocabulary.DELIVERIES)):
        used = {v for r in records for v in (r.get(field) if isinstance(r.get(field), list) else [r.get(field)])}
        assert set(values) <= used, field
    assert any(r.get("end_date", "9999") < TODAY.isoformat() for r in records)
    text = json.dumps(records, ensure_ascii=False)
    assert all(letter in text for letter in "æøåÆØÅ")
    assert any("\u0600" <= ch <= "\u06ff" for ch in text) and any("\u0590" <= ch <= "\u05ff" for ch in text)


def show(failing):
    return "\n".join(f"{url}: {'; '.join(problems)}" for url, problems in list(failing.items())[:12])


@pytest.mark.parametrize("lang", LANGS)
def test_no_course_page_scrolls_sideways_at_320_px(catalogues, pages, lang):
    page = pages(lang, NARROW)
    started = time.monotonic()
    audited, failing = 0, {}
    for name, server in catalogues.items():
        if name == "sample" and lang not in WHOLE_SAMPLE:
            continue
        count, failed = audit_all(page, [server.course_url(lang, r["id"]) for r in server.records])
        audited += count
        failing.update(failed)
        report(f"reflow {NARROW}px {lang}: {count} {name} course pages audited, {len(failed)} scroll sideways "
               f"({wider(failed)} wider than the window)")
    report(f"reflow {NARROW}px {lang}: {audited} pages audited, {len(failing)} scroll sideways "
           f"({wider(failing)} wider than the window; {time.monotonic() - started:.1f} s)")
    assert not failing, show(failing)


@pytest.mark.parametrize("width", [NARROW, MIDDLE, WIDE])
@pytest.mark.parametrize("lang", LANGS)
def test_search_results_and_comparisons_do_not_scroll_sideways(catalogues, pages, lang, width):
    urls = searches(catalogues, lang) + comparisons(catalogues, lang)
    audited, failing = audit_all(pages(lang, width), urls)
    report(f"reflow {width}px {lang}: {audited} search and comparison pages audited, {len(failing)} scroll sideways "
           f"({wider(failing)} wider than the window)")
    assert not failing, show(failing)


@pytest.mark.parametrize("lang", LANGS)
def test_a_comparison_of_four_long_courses_fits_a_wide_screen(catalogues, pages, lang):
    page = pages(lang, WIDE)
    for url in comparisons(catalogues, lang):
        page.goto(url)
        columns = page.evaluate(COLUMNS)
        assert columns["page"] <= WIDE, url
        # Its columns share the width: the table does not even scroll in its own box.
        assert columns["boxScroll"] <= columns["boxWidth"] + 1, (url, columns)
        assert all(0 <= left and right <= WIDE for left, right in columns["heads"]), (url, columns)


def test_a_table_wider_than_its_box_shows_that_it_scrolls(catalogues, pages):
    server = catalogues["edge"]
    page = pages("nb", MIDDLE)
    page.goto(server.url(f"/nb/compare?ids={','.join(longest(server.records, 4))}"))
    cue = page.evaluate(CUE)
    # Four columns do not fit beside each other at this width: the table scrolls in its box...
    assert cue["scrolls"], cue
    # ... whose background shows shadows at the edges that have more (CSS only, no script).
    assert "gradient" in cue["image"] and "local" in cue["attachment"], cue
    assert audit(page, page.url) == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_printed_comparison_shows_every_column(catalogues, pages, lang):
    page = pages(lang, A4_PRINTABLE, media="print")
    printed = 0
    for url in comparisons(catalogues, lang):
        page.goto(url)
        columns = page.evaluate(COLUMNS)
        assert columns["display"] != "none", url
        assert columns["page"] <= A4_PRINTABLE, (url, columns)
        heads = columns["heads"]
        assert len(heads) in (2, 4) and all(0 <= left and right <= A4_PRINTABLE for left, right in heads), \
            (url, columns)
        assert page.pdf(format="A4")[:5] == b"%PDF-"
        printed += 1
    report(f"print A4 {lang}: {printed} comparisons printed, every column on the page")

"""Small screens, zoom and text spacing: content reflows, nothing clips, targets are big enough."""

import pytest

from browser import LANGS, PAGE_TYPES, report

# WCAG 1.4.12: the text spacing a reader may set, which must not lose content.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

CLIPPED = """() => {
  const clipped = [];
  for (const el of document.querySelectorAll('body *')) {
    // Form fields scroll their own text by design; hidden helpers and scroll regions are meant to.
    if (el.closest('.visually-hidden, .table-scroll') || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const hides = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
    if (hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
      clipped.push(el.tagName + "#" + el.id + "." + el.className + " " + el.scrollWidth + "/" + el.clientWidth + " " + el.scrollHeight + "/" + el.clientHeight);
    }
  }
  return clipped;
}"""

# Targets smaller than 24 x 24 CSS pixels, leaving out links inside a sentence
# (WCAG 2.5.8's inline exception) and targets hidden from view.
SMALL_TARGETS = """() => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, summary, textarea')) {
    if (el.closest('.visually-hidden') || el.type === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const parentText = (el.parentElement.textContent || '').trim();
    const ownText = (el.textContent || '').trim();
    const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline' && parentText.length > ownText.length + 1;
    if (inline) continue;
    if (box.width < 24 || box.height < 24) small.push(`${el.tagName}#${el.id}.${el.className} ${Math.round(box.width)}x${Math.round(box.height)}`);
  }
  return small;
}"""


def open_all(page, live_server, url):
    page.goto(live_server.url(url))
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_horizontal_scrolling_at_320_px_or_at_200_percent_zoom(browser_page, live_server, name, lang):
    widths = {}
    for width in (320, 640):  # 640 CSS px is a 1280 px window at 200 % zoom
        browser_page.set_viewport_size({"width": width, "height": 800})
        open_all(browser_page, live_server, PAGE_TYPES[name].format(lang=lang))
        widths[width] = browser_page.evaluate("document.documentElement.scrollWidth")
        assert widths[width] <= width, f"{name} {lang}: page is {widths[width]} px wide in a {width} px window"
    report(f"reflow {name:<20} {lang}: scroll width {widths[320]} at 320 px, {widths[640]} at 640 px")


# Left to right and right to left (where the audits are not limited to other languages).
MIRRORED = [lang for lang in ("nb", "ar") if lang in LANGS] or list(LANGS[:1])


@pytest.mark.parametrize("lang", MIRRORED)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_text_spacing_does_not_clip_text(browser_page, live_server, name, lang):
    browser_page.set_viewport_size({"width": 360, "height": 800})
    open_all(browser_page, live_server, PAGE_TYPES[name].format(lang=lang))
    browser_page.add_style_tag(content=TEXT_SPACING)
    assert browser_page.evaluate(CLIPPED) == []
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("lang", [lang for lang in ("en", "ar") if lang in LANGS] or list(LANGS[:1]))
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_touch_targets_are_at_least_24_px(browser_page, live_server, name, width, lang):
    browser_page.set_viewport_size({"width": width, "height": 800})
    open_all(browser_page, live_server, PAGE_TYPES[name].format(lang=lang))
    assert browser_page.evaluate(SMALL_TARGETS) == []

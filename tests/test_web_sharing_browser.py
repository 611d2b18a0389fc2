"""Sharing in a real browser: the QR code scans to the page, comparisons without JavaScript, copy, print."""

import io
import re

import pytest

from browser import report


def decode_qr(page):
    import zxingcpp
    from PIL import Image

    png = page.locator("figure.qr svg").screenshot()
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert results, "no QR code found in the screenshot"
    return results[0].text


@pytest.mark.parametrize("path", ["/nb/courses/EDGE-hybrid", "/en/compare?ids=EDGE-hybrid,EDGE-youth,EDGE-c1",
                                  "/en/?q=helsefagarbeider&county=32"])
def test_the_qr_code_scans_to_the_address_of_the_page(browser_page, live_server, path):
    browser_page.goto(live_server.url(path))
    title = browser_page.title()
    shown = browser_page.locator("#share-url").input_value()
    scanned = decode_qr(browser_page)
    assert scanned == shown and scanned.startswith(live_server.url("/"))
    # Opening what the phone scanned shows the same page.
    browser_page.goto(scanned)
    assert browser_page.title() == title
    report(f"QR code on {path} decodes to {scanned}")


def test_comparing_three_courses_without_javascript(chromium, live_server):
    context = chromium.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(live_server.url("/nb/?county=11&county=03"))
        for _ in range(3):
            page.locator("a.button-small", has_text="Legg til i sammenligningen").first.click()
            page.wait_for_load_state()
        assert page.locator(".compare-bar li").count() == 3
        page.locator(".compare-bar a", has_text="Sammenlign disse kursene").click()
        page.wait_for_url(re.compile(r"/nb/compare\?ids="))
        assert page.locator("h1").inner_text() == "Sammenlign 3 kurs"
        # On a phone the courses are stacked cards, one per course.
        assert page.locator(".compare-card").count() == 3 and page.locator(".compare-card").first.is_visible()
        assert not page.locator("table.compare").is_visible()
        # From a course page a fourth course joins the comparison.
        page.goto(live_server.url("/nb/courses/EDGE-youth?compare=" + page.url.split("ids=")[1]))
        page.locator("a", has_text="Legg til i sammenligningen").click()
        assert page.locator("h1").inner_text() == "Sammenlign 4 kurs"
        page.locator(".compare-card .remove-link").first.click()
        assert page.locator("h1").inner_text() == "Sammenlign 3 kurs"
    finally:
        context.close()


def test_the_copy_button_copies_the_address(chromium, live_server):
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"], bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(live_server.url("/en/courses/EDGE-hybrid"))
        page.locator("button.copy-button").click()
        page.wait_for_function("document.querySelector('.copy-status').textContent.length > 0")
        assert page.locator(".copy-status").inner_text() == "The link is copied."
        assert page.evaluate("navigator.clipboard.readText()") == page.locator("#share-url").input_value()
    finally:
        context.close()


def test_without_javascript_the_address_is_shown_to_copy_by_hand(chromium, live_server):
    context = chromium.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(live_server.url("/en/courses/EDGE-hybrid"))
        assert page.locator("#share-url").is_visible() and not page.locator("button.copy-button").is_visible()
    finally:
        context.close()


# A course on one sheet, a comparison of four on two; a page of 20 results on a few.
@pytest.mark.parametrize("path, most", [("/nb/courses/EDGE-hybrid", 1), ("/en/courses/EDGE-youth", 1),
                                        ("/en/compare?ids=EDGE-hybrid,EDGE-youth,EDGE-c1,EDGE-rolling", 2),
                                        ("/nb/compare?ids=EDGE-hybrid,EDGE-youth,EDGE-c1,EDGE-rolling", 2),
                                        ("/nb/?q=helsefagarbeider", 5)])
def test_printing_leaves_out_navigation_and_keeps_the_address_and_qr_on_a4(browser_page, live_server, path, most):
    page = browser_page
    page.goto(live_server.url(path))
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 680, "height": 1000})  # A4 less 15 mm margins, at 96 px per inch
    assert not page.locator(".language-switch").is_visible()
    assert not page.locator(".site-footer nav").is_visible()
    assert page.locator(".print-url").is_visible() and page.locator("figure.qr svg").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 680
    # The QR code and the page's address on the first sheet (A4 less the 12 mm margins: 1032 px).
    assert page.locator("figure.qr svg").bounding_box()["y"] + 80 < 1032
    assert page.locator(".print-url").bounding_box()["y"] < 1032
    # No relative address printed after a link; a full one only where paper needs it.
    printed_after = page.evaluate("""() => [...document.querySelectorAll('main a')]
        .map(a => getComputedStyle(a, '::after').content).filter(c => c && c !== 'none' && c !== 'normal' && c !== '""')""")
    assert not any("(/" in content for content in printed_after), printed_after
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    report(f"print of {path}: {pages} A4 page(s), QR code on the first")
    assert pdf.startswith(b"%PDF") and 1 <= pages <= most

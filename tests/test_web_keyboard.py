"""Keyboard and screen-reader behaviour in a real browser."""

import re

from browser import report

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return {tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent || '').trim().slice(0, 60),
          cls: el.className || '', href: el.getAttribute('href') || '',
          inPagination: !!el.closest('nav.pagination'), inResults: !!el.closest('.result-list'),
          outline: getComputedStyle(el).outlineStyle, outlineWidth: getComputedStyle(el).outlineWidth};
}"""


def test_tabbing_through_the_search_page_reaches_results_and_pagination(browser_page, live_server):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url("/en/?county=03&county=46&county=50"))
    seen = []
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break  # past the last element: focus left the page, so nothing trapped it
        seen.append(focused)
        if len(seen) > 3 and focused == seen[0]:
            break
    assert seen[0]["cls"] == "skip-link"
    first_result = next(i for i, f in enumerate(seen) if f["inResults"] and f["tag"] == "a")
    first_page_link = next(i for i, f in enumerate(seen) if f["inPagination"])
    assert first_result < first_page_link
    assert all(f["outline"] != "none" and f["outlineWidth"] != "0px" for f in seen), \
        [f for f in seen if f["outline"] == "none"]
    # The walk went on past the pagination to the footer: no keyboard trap.
    assert any("mailto:" in f["href"] for f in seen[first_page_link:])
    report(f"keyboard walk: {len(seen)} stops; first result at tab {first_result + 1}, "
           f"pagination at tab {first_page_link + 1}")


def test_the_skip_link_is_first_visible_when_focused_and_moves_to_the_main_content(browser_page, live_server):
    page = browser_page
    page.goto(live_server.url("/nb/"))
    page.keyboard.press("Tab")
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0 and box["height"] >= 24
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main$"))
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab goes into the main content, past the header's links.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")
    assert page.evaluate("document.activeElement.id") == "q"


def test_another_page_of_results_puts_focus_on_the_results_heading(browser_page, live_server):
    page = browser_page
    page.goto(live_server.url("/en/"))
    page.locator("nav.pagination a", has_text=re.compile(r"^\s*Page\s*2\s*$")).click()
    page.wait_for_url(re.compile(r"page=2"))
    assert page.evaluate("document.activeElement.id") == "results-heading"
    assert page.locator("nav.pagination a[aria-current=page]").inner_text().strip().endswith("2")


def test_a_changed_filter_updates_results_and_announces_the_count(browser_page, live_server):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url("/en/"))
    before = page.locator("#results-heading").inner_text()
    page.locator("#county-56").check()
    page.wait_for_url(re.compile(r"county=56"))
    page.wait_for_function("document.getElementById('result-status').textContent.length > 0")
    status = page.locator("#result-status").inner_text()
    heading = page.locator("#results-heading").inner_text()
    assert status == heading != before and re.search(r"\d+ course", status)
    assert page.locator('a.chip[aria-label="Remove filter County: Finnmark"]').count() == 1
    assert "county=56" in page.locator(".language-switch a[hreflang=nb]").get_attribute("href")
    assert page.title().startswith("Find a course: ")


def test_on_a_phone_the_filters_come_after_the_results_and_work_without_javascript(chromium, live_server):
    context = chromium.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(live_server.url("/nb/?q=kurs"))
        first_result = page.locator(".result").first.bounding_box()
        assert first_result["y"] < page.locator("#filters").bounding_box()["y"]
        page.locator("a.filter-jump").click()
        page.wait_for_url(re.compile(r"#filters-heading$"))
        page.locator("#county-03").check()
        page.locator("button.show-courses").click()
        page.wait_for_url(re.compile(r"county=03.*#results-heading$"))
        assert "Fylke: Oslo" in page.locator(".chips").inner_text()
        assert page.locator("#results-heading").bounding_box()["y"] < 800    # back at the results
    finally:
        context.close()

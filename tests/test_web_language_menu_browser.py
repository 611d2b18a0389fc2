"""The language menu in a browser without JavaScript: opened, walked and chosen with the keyboard alone."""

import pytest

from coursefinder.i18n import LANGUAGES


@pytest.mark.parametrize("width", [360, 1280])
def test_the_language_menu_works_with_the_keyboard_and_without_javascript(chromium, live_server, width):
    context = chromium.new_context(viewport={"width": width, "height": 800}, java_script_enabled=False,
                                   bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(live_server.url("/nb/?q=truck&county=46"))
        menu = page.locator("details.language-menu")
        assert not menu.evaluate("d => d.open") and not page.locator(".language-menu li").first.is_visible()
        # Tab from the skip link and the site's name to the menu, open it with Enter.
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Enter")
        assert menu.evaluate("d => d.open")
        items = page.locator(".language-menu li")
        assert items.count() == len(LANGUAGES)
        for index in range(items.count()):
            box = items.nth(index).bounding_box()
            assert box["height"] >= 24 and box["width"] >= 24, index
        # The page's own language is not a stop; Tab goes through the others in order.
        reached = []
        for _ in range(len(LANGUAGES) - 1):
            page.keyboard.press("Tab")
            reached.append(page.evaluate("document.activeElement.getAttribute('hreflang')"))
        assert reached == [code for code in LANGUAGES if code != "nb"]
        # Back to Arabic, and Enter: the same search, right to left.
        for _ in range(reached.index("ar"), len(reached) - 1):
            page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.getAttribute('hreflang')") == "ar"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("/ar/?q=truck&county=46")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("#q").input_value() == "truck"
        # On a wide screen the open list drops down at the header's end without covering the menu itself.
        if width >= 640:
            page.locator("details.language-menu > summary").click()
            summary = page.locator("details.language-menu > summary").bounding_box()
            listing = page.locator(".language-menu ul").bounding_box()
            assert listing["y"] >= summary["y"] + summary["height"] - 1
            assert listing["x"] >= -0.5 and listing["x"] + listing["width"] <= width + 0.5
    finally:
        context.close()

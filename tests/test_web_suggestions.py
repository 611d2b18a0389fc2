"""Search as you type in the browser: suggestions after three letters, none before."""


def test_typing_three_letters_offers_titles_and_occupations(browser_page, live_server):
    page = browser_page
    page.goto(live_server.url("/en/"))
    page.locator("#q").press_sequentially("he", delay=20)
    page.wait_for_timeout(400)
    assert page.locator("#q-suggestions option").count() == 0
    page.locator("#q").press_sequentially("alth", delay=20)
    page.wait_for_function("document.querySelectorAll('#q-suggestions option').length > 0")
    options = page.locator("#q-suggestions option").evaluate_all("options => options.map(o => o.value)")
    assert "Health worker with Norwegian" in options and "health worker" in options

"""In a real browser with the site's own Content-Security-Policy: nothing blocked, nothing from elsewhere."""

import pytest

from browser import LANGS, PAGE_TYPES, report


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_breaks_its_csp_or_asks_another_host(chromium, live_server, lang):
    context = chromium.new_context()
    page = context.new_page()
    problems, hosts = [], set()
    page.on("console", lambda message: problems.append(message.text)
            if "Content Security Policy" in message.text or "Refused" in message.text else None)
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    try:
        for name, path in PAGE_TYPES.items():
            page.goto(live_server.url(path.format(lang=lang)))
            page.locator("body").wait_for()
        # The page's own script runs under the policy (it shows the copy button it works).
        page.goto(live_server.url(f"/{lang}/courses/EDGE-hybrid"))
        assert page.locator("button.copy-button").is_visible()
    finally:
        context.close()
    report(f"CSP in Chromium, {lang}: {len(PAGE_TYPES)} page types, {len(problems)} violations, hosts asked: "
           f"{sorted(hosts)}")
    assert problems == []
    assert hosts == {f"127.0.0.1:{live_server.port}"}

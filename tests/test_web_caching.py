"""Fewer bytes for slow phones: gzip, 304 answers, long-lived fingerprinted files, a light page."""

import gzip
import re

from browser import report

GZIP = {"Accept-Encoding": "gzip, br"}


def test_pages_and_api_answers_are_gzipped_when_accepted(client):
    for path in ("/nb/?q=kurs", "/api/v1/courses", "/nb/feed.atom"):
        response = client.get(path, headers=GZIP)
        assert response.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in response.headers["Vary"]
        assert gzip.decompress(response.data)
    assert "Content-Encoding" not in client.get("/nb/?q=kurs").headers


def test_an_unchanged_page_is_answered_304(client):
    first = client.get("/en/?county=03")
    etag = first.headers["ETag"]
    assert etag.startswith('W/"gen-') and first.headers["Last-Modified"]
    again = client.get("/en/?county=03", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    api = client.get("/api/v1/courses?county=03", headers={"If-None-Match": etag})
    assert api.status_code == 304


def test_static_files_have_a_fingerprint_and_a_long_life(client):
    html = client.get("/nb/").get_data(as_text=True)
    css = re.search(r'href="(/static/style\.css\?v=[0-9a-f]{12})"', html).group(1)
    response = client.get(css)
    assert "max-age=31536000" in response.headers["Cache-Control"] and "immutable" in response.headers["Cache-Control"]
    assert "immutable" not in client.get("/static/style.css?v=old").headers.get("Cache-Control", "")


def test_the_results_page_weighs_under_40_kb_with_its_css_and_javascript(client):
    page = client.get("/nb/?q=helsefagarbeider", headers=GZIP)
    html = gzip.decompress(page.data).decode()
    total = len(page.data)
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        response = client.get(asset, headers=GZIP)
        total += len(response.data)
    css = client.get("/static/style.css").get_data(as_text=True)
    assert "@font-face" not in css and "@import" not in css
    assert not re.search(r'(?:href|src)="https?://', re.sub(r'<a [^>]*>', "", html).replace(
        'rel="alternate"', ""))
    report(f"results page with CSS and JavaScript: {total / 1024:.1f} KB gzipped")
    assert total < 40 * 1024

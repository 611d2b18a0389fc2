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


def test_one_answer_comes_from_one_generation_even_while_they_switch(tmp_path):
    # A store that gives another generation on every call, as if imports switched it
    # between the view, the ETag and the header: each answer must still be all one.
    from coursefinder import create_app
    from coursefinder.catalogue.importing import import_files
    from coursefinder.search.backend.engine import Generation
    from conftest import TODAY, course, write_catalogue

    index = tmp_path / "index"
    for name in ("A", "B"):
        assert import_files([write_catalogue(tmp_path / f"{name}.json", [course(id=f"{name}-1")])], index).ok
    generations = [Generation(str(index), "gen-000001"), Generation(str(index), "gen-000002")]

    class Switching:
        calls = 0

        def get(self):
            self.calls += 1
            return generations[self.calls % 2]

    app = create_app({"TESTING": True, "INDEX_DIR": str(index), "TODAY": TODAY})
    app.extensions["catalogue"] = Switching()
    client = app.test_client()
    for _ in range(4):
        response = client.get("/api/v1/courses")
        name = response.headers["X-Catalogue-Generation"]
        assert response.headers["ETag"].startswith(f'W/"{name}-')
        assert response.json["results"][0]["id"] == {"gen-000001": "A-1", "gen-000002": "B-1"}[name]

"""The check page for publishers: the same problems as `coursefinder validate`, in the page's language, nothing kept."""

import io
import json

import pytest
from click.testing import CliRunner

from coursefinder.cli import main
from coursefinder.search import current_generation
from conftest import course


def upload(client, lang, name, data, **form):
    return client.post(f"/{lang}/publish/check", data={"file": (io.BytesIO(data), name), **form},
                       content_type="multipart/form-data")


BROKEN_CSV = ("id;tittel_nb;title_nb;course_type;sector;provider;county;start_date\n"
              "A-1;x;Sveis;industry;industry;P;Trøndelag;2027-03-01\n"
              "A-2;x;Sveis;industry;industry;P;Trondelagg;2027-02-30\n").encode()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_page_reports_what_validate_reports(client, tmp_path, lang):
    path = tmp_path / "kurs.csv"
    path.write_bytes(BROKEN_CSV)
    env = {"LANG": "nb_NO.UTF-8" if lang == "nb" else "en_GB.UTF-8"}
    cli = CliRunner().invoke(main, ["validate", str(path)], env=env)
    expected = [line.replace(str(path), "kurs.csv") for line in cli.output.splitlines()[:-1]]
    response = upload(client, lang, "kurs.csv", BROKEN_CSV)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    shown = [line.replace("&#39;", "'").replace("&#34;", '"') for line in
             __import__("re").findall(r"<li><code>(.*?)</code></li>", html)]
    assert shown == expected and len(shown) == 3


def test_a_good_file_gets_a_summary_for_its_source_and_changes_nothing(client, built_index):
    before = current_generation(built_index)
    data = json.dumps([course(id="NEW-1"), course(id="NEW-2")]).encode()
    html = upload(client, "en", "new.json", data, source="nav-oslo").get_data(as_text=True)
    assert "No problems in new.json" in html and "The file holds 2 courses." in html
    assert "The catalogue would go from" in html and "coursefinder import new.json --source nav-oslo" in html
    assert current_generation(built_index) == before


def test_an_id_held_by_the_whole_catalogue_is_a_clash_for_a_source(client):
    data = json.dumps([course(id="EDGE-hybrid")]).encode()
    html = upload(client, "en", "c.json", data, source="nav-oslo").get_data(as_text=True)
    assert "is a course of source" in html and "1 problem in c.json" in html


@pytest.mark.parametrize("data, words", [
    (b"\xff\xfe\x00broken", "ikke UTF-8"), (b"[{]", "ødelagt JSON"), (b"", "overskriftsrad"),
    (b"hello world\n", "ukjent kolonne"),
])
def test_files_that_are_not_catalogues_get_a_plain_message(client, data, words):
    html = upload(client, "nb", "x.json" if data.startswith(b"[") else "x.csv", data).get_data(as_text=True)
    assert words in html


def test_a_file_over_ten_megabytes_is_refused_plainly(client):
    response = upload(client, "en", "big.json", b"[" + b" " * (10 * 1024 * 1024 + 10) + b"]")
    assert response.status_code == 413 and "larger than 10 MB" in response.get_data(as_text=True)


def test_a_bad_source_name_and_no_file_are_said_plainly(client):
    assert "lower-case letters" in upload(client, "en", "c.json", b"[]", source="Nav Oslo").get_data(as_text=True)
    response = client.post("/en/publish/check", data={}, content_type="multipart/form-data")
    assert response.status_code == 400 and "Choose a file" in response.get_data(as_text=True)


def test_the_about_page_links_to_it(client):
    assert 'href="/nb/publish/check"' in client.get("/nb/about").get_data(as_text=True)


def test_the_check_page_works_in_a_browser_without_javascript_and_is_axe_clean(chromium, live_server, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    path = tmp_path / "kurs.csv"
    path.write_bytes(BROKEN_CSV)
    # Without JavaScript the form is the whole way; with it (axe needs it) the page is the same.
    for javascript in (False, True):
        context = chromium.new_context(java_script_enabled=javascript, viewport={"width": 360, "height": 800})
        page = context.new_page()
        page.set_default_timeout(20_000)
        try:
            page.goto(live_server.url("/nb/publish/check"))
            page.set_input_files("#file", str(path))
            page.fill("#source", "nav-trondelag")
            page.click("button[type=submit]")
            assert "3 feil i kurs.csv" in page.inner_text("#result-heading")
            if javascript:
                violations = Axe().run(page).response["violations"]
                assert violations == [], violations
                assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        finally:
            context.close()

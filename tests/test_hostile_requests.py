"""Requests nobody here would type: each finding of the hardening issue (12), by its number.

Every test here failed on the code before that issue; none of these requests may give a
5xx, a traceback in the log, request data in a log line, or cost more than a normal one.
"""

import json
import logging
import re
import threading
import xml.etree.ElementTree as ET

import pytest

from coursefinder import create_app, places
from coursefinder.catalogue.importing import import_files
from coursefinder.search import FILTERS, MAX_VALUES, CatalogueStore
from coursefinder.search.backend.bounds import RESULT_CACHE_BYTES
from coursefinder.search.backend.scoring import TermScores
from coursefinder.web.nav_contact import NAV_CONTACT
from conftest import TODAY, course, write_catalogue


@pytest.fixture()
def quiet_log(caplog):
    """The log of the test: it must hold no ERROR and no traceback at the end."""
    caplog.set_level(logging.DEBUG)
    yield caplog
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], caplog.text


# 1. Thousands of values in one parameter, and a result cache bounded by count alone.

def test_1_ten_thousand_values_of_one_parameter_are_refused_naming_it(client, quiet_log):
    many = ",".join(f"{4600 + n % 99:04d}" for n in range(10_000))
    for path in ("/nb/", "/api/v1/courses", "/nb/feed.atom", "/nb/offer"):
        response = client.get(path, query_string={"municipality": many})
        assert response.status_code == 400, path
        if path.startswith("/api"):
            assert response.json["error"]["parameter"] == "municipality"
            assert f"{MAX_VALUES}" in response.json["error"]["message"]


def test_1_many_values_spread_over_parameters_are_refused_in_all(client):
    query = [("county", c) for c in FILTERS["county"].values] * 3 + [("sector", s) for s in FILTERS["sector"].values] * 5
    query += [("municipality", f"03{n:02d}") for n in range(45)] + [("delivery", "online")] * 20
    response = client.get("/api/v1/courses", query_string=query + [("lang", "en")])
    assert response.status_code == 400 and "in all" in response.json["error"]["message"]


def test_1_the_result_cache_is_bounded_by_bytes_also_for_long_requests(client, app):
    municipalities = [found.number for found in places.municipalities()]   # unknown numbers are refused
    for n in range(300):
        values = ",".join(municipalities[(n * 7 + k) % len(municipalities)] for k in range(MAX_VALUES))
        assert client.get("/api/v1/courses", query_string={"municipality": values, "q": "x" * 150}).status_code == 200
    generation = app.extensions["catalogue"].get()
    assert generation._results.bytes <= RESULT_CACHE_BYTES


# 2. An idle server whose generation two imports have removed.

def test_2_an_idle_server_opens_the_current_generation_when_its_own_is_gone(tmp_path, monkeypatch, quiet_log):
    monkeypatch.setenv("COURSEFINDER_KEEP_OLD_SECONDS", "0")
    index = tmp_path / "index"
    assert import_files([write_catalogue(tmp_path / "a.json", [course(id="A-1")])], index).ok
    app = create_app({"INDEX_DIR": str(index), "RELOAD_INTERVAL": 0})   # not TESTING: opens in the background
    client = app.test_client()
    assert client.get("/api/v1/courses").json["results"][0]["id"] == "A-1"
    for name in ("B", "C"):
        assert import_files([write_catalogue(tmp_path / f"{name}.json", [course(id=f"{name}-1")])], index).ok
    assert not (index / "generations" / "gen-000001").exists()
    response = client.get("/api/v1/courses")
    assert response.status_code == 200 and response.json["results"][0]["id"] == "C-1"
    assert client.get("/api/v1/suggest?q=sveis").status_code == 200


# 3. The term-score cache: every entry counts, and its count holds under threads.

def test_3_unknown_words_count_toward_the_bound_of_the_term_cache(built_index):
    generation = CatalogueStore(built_index).get()
    scores = TermScores(generation.size, max_postings=100_000, max_terms=500)
    searcher = generation.searcher()
    for number in range(20_000):
        scores.vector(searcher, "title_nb", f"ukjent{number}")
    assert len(scores._cache) <= 500


def test_3_the_term_cache_keeps_count_under_eight_threads(built_index):
    generation = CatalogueStore(built_index).get()
    scores = TermScores(generation.size, max_postings=2_000)
    words = ["kur", "sveis", "truck", "helsefagarbeid", "norsk", "lager", "oslo", "bergen"]

    def work(offset):
        searcher = generation.index.searcher()
        for n in range(400):
            scores.vector(searcher, "description_nb", words[(n + offset) % len(words)])
            scores.vector(searcher, "title_nb", f"ord{(n * 31 + offset) % 200}")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cache = scores._cache
    assert cache.bytes == sum(cost for _, cost in cache._entries.values())
    assert cache.bytes <= 2_000 * 8 or len(cache) == 1



def test_3_what_a_generation_keeps_of_typed_words_is_counted_at_least_at_its_real_size(built_index):
    # The bytes bounds of the caches that keep query clauses (a typed word's, kept with
    # its occupations, parts and near spellings) are only as good as the sizes they are
    # told: an estimate under the real size let the soak run's workers grow by a quarter.
    import tracemalloc

    from coursefinder.search.backend.cache import BoundedCache
    from coursefinder.search.textquery import Understanding

    generation = CatalogueStore(built_index).get()
    speller = generation.speller
    words = ["sveisekurs", "truck", "helsefagarbeider", "lagerjobb", "renhold", "kokk", "barnehage", "sjåfør",
             "butikk", "pleier", "norsk", "forerkort", "xqzzy", "ukjentord", "sveiserkurs", "kontorjobb"]
    Understanding(speller, "nb").word_clause("kurs")      # what every search loads once (the thesaurus)
    memo = BoundedCache(10_000)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        clauses = [Understanding(speller, "nb", memo).word_clause(word) for word in words]
        real = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert any(clauses) and memo.bytes >= real, (memo.bytes, real)


# 4. Addresses from the Host header.

ABSOLUTE = re.compile(r'(?:href|value|content|src)="(https?://[^"/]+)')


def test_4_with_a_public_url_every_absolute_address_is_made_from_it(built_index):
    app = create_app({"TESTING": True, "INDEX_DIR": str(built_index), "TODAY": TODAY,
                      "PUBLIC_URL": "https://kurs.example.no"})
    client = app.test_client()
    evil = {"Host": "evil.example"}
    page = client.get("/nb/courses/EDGE-hybrid", headers=evil, follow_redirects=True).get_data(as_text=True)
    nav = {re.match(r"https?://[^/]+", url).group(0) for url in NAV_CONTACT.values() if url.startswith("http")}
    assert set(ABSOLUTE.findall(page)) - nav == {"https://kurs.example.no"}      # Nav's own pages are linked too
    assert "evil.example" not in page
    assert '"@id": "https://kurs.example.no/nb/courses/EDGE-hybrid/' in page
    assert "evil.example" not in page
    feed = client.get("/nb/feed.atom?q=sveis", headers=evil).get_data(as_text=True)
    assert "evil.example" not in feed and "https://kurs.example.no/nb/courses/" in feed
    ics = client.get("/nb/courses/EDGE-hybrid/calendar.ics", headers=evil).get_data(as_text=True)
    assert "evil.example" not in ics and "https://kurs.example.no/nb/courses/EDGE-hybrid/" in ics.replace("\r\n ", "")
    api = client.get("/api/v1/courses", headers=evil).json
    assert all(hit["url"].startswith("https://kurs.example.no/") for hit in api["results"])
    redirect = client.get("/nb", headers=evil)
    assert "evil.example" not in redirect.headers.get("Location", "")


def test_4_without_a_public_url_only_allowed_hosts_are_answered(built_index, quiet_log):
    app = create_app({"TESTING": True, "INDEX_DIR": str(built_index), "TODAY": TODAY,
                      "ALLOWED_HOSTS": ("kurs.example.no", "localhost")})
    client = app.test_client()
    for host in ("evil.example", "kurs.example.no.evil.example", "a" * 64 + ".example.no", "x" * 300, "kurs example",
                 "kurs.example.no:99999999", ""):
        for path in ("/nb/", "/api/v1/courses", "/nb/no/such/page", "/static/style.css"):
            assert client.get(path, headers={"Host": host}).status_code == 400, (host, path)
    ok = client.get("/nb/?q=sveis", headers={"Host": "kurs.example.no"})
    assert ok.status_code == 200 and 'value="http://kurs.example.no/nb/?q=sveis' in ok.get_data(as_text=True)
    other = client.get("/nb/?q=sveis", headers={"Host": "localhost"})
    assert ok.headers["ETag"] != other.headers["ETag"]


def test_4_the_default_allows_localhost_only(built_index):
    client = create_app({"TESTING": True, "INDEX_DIR": str(built_index), "TODAY": TODAY}).test_client()
    assert client.get("/nb/", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/nb/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/nb/", headers={"Host": "[::1]:8000"}).status_code == 200
    assert client.get("/nb/", headers={"Host": "intranet.example"}).status_code == 400


# 5. Query parameters on course links that collide with the route's own.

@pytest.mark.parametrize("name", ["lang", "course", "course_id", "slug", "_method", "_external", "_anchor", "v"])
def test_5_any_query_parameter_on_a_course_link_is_answered(client, name, quiet_log):
    for path in ("/nb/courses/EDGE-hybrid", "/nb/courses/EDGE-hybrid/wrong-slug",
                 "/en/courses/EDGE-hybrid/health-worker-with-norwegian", "/nb/courses/EDGE-hybrid/calendar.ics"):
        response = client.get(path, query_string={name: "personnummer-12345"})
        assert response.status_code in (200, 301), (path, response.status_code)
        assert "personnummer-12345" not in response.headers.get("Location", "")
    assert name not in quiet_log.text


def test_5_only_course_numbers_are_kept_in_a_comparison_on_a_course_link(client):
    response = client.get("/nb/courses/EDGE-hybrid", query_string={"compare": "EDGE-c1,<script>,EDGE-youth"})
    assert response.headers["Location"].endswith("?compare=EDGE-c1,EDGE-youth")


# 6. Personal information written in other ways, and in the suggestions.

PERSONAL = ["01.01.90 12345", "01 01 90 12345", "010 190 123 45", "ola＠example.com", "ola @ example.com",
            "01.01.1990 12345", "０１０１９０１２３４５"]


@pytest.mark.parametrize("text", PERSONAL)
def test_6_personal_information_however_written_is_refused_everywhere(client, text, quiet_log):
    for path in ("/nb/", "/api/v1/courses", "/nb/feed.atom", "/api/v1/suggest"):
        response = client.get(path, query_string={"q": text, "lang": "nb"} if "suggest" in path else {"q": text})
        assert response.status_code == 400, path
        assert text not in response.get_data(as_text=True)
    assert text not in quiet_log.text


def test_6_the_script_does_not_send_what_the_guard_refuses():
    from pathlib import Path

    script = (Path(__file__).parent.parent / "coursefinder" / "web" / "static" / "site.js").read_text()
    assert "looksPersonal(typed)" in script and "looksPersonal(q ? q.value" in script


# 7. Control characters, noncharacters and lone surrogates.

@pytest.mark.parametrize("field, value, code", [
    ("title_nb", "Sveis\x00kurs", "U+0000"), ("provider", "A\x1bB", "U+001B"), ("title_nb", "Kurs\ufffe", "U+FFFE"),
    ("place", "Bergen\uffff", "U+FFFF"), ("summary_nb", "Linje\rlinje", "U+000D"), ("title_nb", "To\nlinjer", "U+000A"),
    ("description_nb", "Tekst \udc80 her", "U+DC80"), ("provider", "Kurs \U0001FFFE", "U+1FFFE"),
])
def test_7_text_that_cannot_be_shown_is_refused_naming_the_field(tmp_path, field, value, code):
    path = tmp_path / "c.json"
    # json.dumps writes a lone surrogate as the escape "\udc80", the way such a file arrives.
    path.write_text(json.dumps([course(id="BAD-1", **{field: value})]), encoding="utf-8")
    outcome = import_files([path], tmp_path / "index")
    assert [(p.field, p.params.get("code")) for p in outcome.problems] == [(field, code)]
    assert not (tmp_path / "index" / "CURRENT").exists()


def test_7_tab_and_paragraphs_are_text_in_a_description(tmp_path):
    record = course(id="OK-1", description_nb="Første\tdel.\r\n\r\nAndre avsnitt.\n\nTredje.")
    assert import_files([write_catalogue(tmp_path / "c.json", [record])], tmp_path / "index").ok


def test_7_a_control_character_in_a_search_reaches_no_page(client):
    for q in ("sveis\x00", "sveis\x07kurs", "sveis\u202ekurs"):
        for path in ("/nb/", "/nb/feed.atom", "/api/v1/courses"):
            response = client.get(path, query_string={"q": q})
            body = response.get_data(as_text=True)
            assert response.status_code == 200 and "\x00" not in body and "\x07" not in body and "\u202e" not in body


def test_7_feeds_and_calendars_of_odd_courses_stay_valid(tmp_path):
    # Records that got past validation must still give valid XML and one-line calendar values.
    from coursefinder.catalogue.model import Course
    from coursefinder.search import build_generation

    odd = course(id="ODD-1", title_nb="Kurs\x0b med\ufffe tegn\x1f", summary_nb="Linje\rbrudd\x00", provider="P\x7f",
                 application_deadline="2027-02-15", place="Sted\r\nmed brudd")
    build_generation(tmp_path / "index", [Course.from_record(odd)])
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index"), "TODAY": TODAY}).test_client()
    ET.fromstring(client.get("/nb/feed.atom").data)
    ics = client.get("/nb/courses/ODD-1/calendar.ics").get_data(as_text=True)
    assert "\r" not in ics.replace("\r\n", "") and not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", ics)


# 8. A long but valid search: the QR code would not fit.

def test_8_a_search_too_long_for_a_qr_code_still_answers(client):
    emoji = "🚜" * 200
    response = client.get("/nb/", query_string={"q": emoji})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "for lang til en QR-kode" in html and "<svg" not in html.split("share")[-1]


# 9. Mail links and text direction in course data.

def test_9_a_contact_address_with_mail_headers_is_refused(tmp_path):
    record = course(id="MAIL-1", contact_email="x@evil.example?subject=Hei&cc=alle@example.no")
    outcome = import_files([write_catalogue(tmp_path / "c.json", [record])], tmp_path / "index")
    assert [p.field for p in outcome.problems] == ["contact_email"]


def test_9_a_right_to_left_override_in_course_text_is_not_shown(tmp_path):
    record = course(id="RLO-1", provider="Kurs \u202eSA sregotS", title_nb="Sveis \u2067kurs\u2069")
    assert import_files([write_catalogue(tmp_path / "c.json", [record])], tmp_path / "index").ok
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index"), "TODAY": TODAY}).test_client()
    for path in ("/nb/courses/RLO-1", "/nb/?q=sveis", "/nb/feed.atom"):
        body = client.get(path, follow_redirects=True).get_data(as_text=True)
        assert "\u202e" not in body and "\u2067" not in body and "SA sregotS" in body

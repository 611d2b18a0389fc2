"""The JSON API: its answer shape, the full record, and a 400 naming every bad parameter."""

import pytest

from conftest import EDGE_CASES


def test_the_answer_has_the_documented_shape(client):
    body = client.get("/api/v1/courses?q=helsefagarbeider&per_page=3&lang=en").json
    assert set(body) == {"total", "page", "per_page", "results", "facets"}
    assert body["page"] == 1 and body["per_page"] == 3 and len(body["results"]) <= 3
    hit = body["results"][0]
    for key in ("id", "title", "provider", "county", "place", "start_date", "url"):
        assert key in hit
    assert f"/en/courses/{hit['id']}/" in hit["url"] and hit["url"].startswith("http")
    assert set(body["facets"]) == {"county", "sector", "course_type", "delivery", "norwegian"}
    assert body["facets"]["sector"][1] == {"value": "health-care", "label": "Health and care",
                                           "count": body["facets"]["sector"][1]["count"]}


def test_titles_and_labels_follow_lang(client):
    nb = client.get("/api/v1/courses?q=ungdomskurs&lang=nb").json
    en = client.get("/api/v1/courses?q=ungdomskurs&lang=en").json
    assert nb["results"][0]["title"] == "Ungdomskurs i butikk"
    assert en["results"][0]["title"] == "Retail course for young people"
    assert nb["facets"]["sector"][1]["label"] == "Helse, pleie og omsorg"


def test_the_full_record_uses_the_import_format(client):
    record = next(r for r in EDGE_CASES if r["id"] == "EDGE-hybrid")
    body = client.get("/api/v1/courses/EDGE-hybrid").json
    for key, value in record.items():
        assert body[key] == value, key
    assert body["age_min"] == 19 and body["status"] == "open"


def test_an_unknown_course_is_404_json(client):
    response = client.get("/api/v1/courses/NOPE")
    assert response.status_code == 404 and response.json["error"]["status"] == 404


def test_sorting_by_start_and_title(client):
    by_start = client.get("/api/v1/courses?county=03&sort=start&per_page=100").json["results"]
    dates = [hit["start_date"] or "" for hit in by_start]
    assert dates == sorted(dates)
    by_title = client.get("/api/v1/courses?county=03&sort=title&per_page=100").json["results"]
    titles = [hit["title"].casefold() for hit in by_title]
    assert titles == sorted(titles)


def test_relevance_puts_title_matches_first(client):
    results = client.get("/api/v1/courses?q=helsefagarbeider&per_page=100").json["results"]
    assert results and all("Helsefagarbeider" in hit["title"] for hit in results[:3])


def test_pages_partition_the_results(client):
    everything = client.get("/api/v1/courses?per_page=100").json
    seen = []
    for page in range(1, 4):
        seen += [h["id"] for h in client.get(f"/api/v1/courses?per_page=100&page={page}").json["results"]]
    assert len(seen) == len(set(seen)) == everything["total"]
    beyond = client.get("/api/v1/courses?per_page=100&page=50").json
    assert beyond["results"] == [] and beyond["total"] == everything["total"]


@pytest.mark.parametrize("parameter, value", [
    ("q", "x" * 201), ("county", "99"), ("county", "oslo"), ("municipality", "301"), ("municipality", "abcd"),
    ("age", "15"), ("age", "68"), ("age", "x"), ("age", "-1"), ("age", "1e3"), ("norwegian", "yes"),
    ("level", "D1"), ("course_type", "cooking"), ("sector", "health"), ("delivery", "remote"),
    ("start_from", "2027-13-01"), ("start_to", "01.02.2027"), ("include_ended", "maybe"), ("sort", "price"),
    ("page", "0"), ("page", "abc"), ("page", "1001"), ("per_page", "0"), ("per_page", "101"), ("lang", "de"),
])
def test_an_invalid_value_gives_400_naming_the_parameter(client, parameter, value):
    response = client.get("/api/v1/courses", query_string={parameter: value})
    assert response.status_code == 400
    assert response.json["error"]["parameter"] == parameter and response.json["error"]["message"]


def test_a_start_window_that_ends_before_it_begins_finds_nothing(client):
    response = client.get("/api/v1/courses?start_from=2027-05-01&start_to=2027-04-01")
    assert response.status_code == 200 and response.json["total"] == 0


def test_error_messages_follow_lang(client):
    assert "ikke tillatt" in client.get("/api/v1/courses?county=99&lang=nb").json["error"]["message"]
    assert "not allowed" in client.get("/api/v1/courses?county=99&lang=en").json["error"]["message"]


def test_empty_and_unknown_parameters_are_ignored(client):
    plain = client.get("/api/v1/courses").json["total"]
    assert client.get("/api/v1/courses?q=&county=&age=&utm_source=x").json["total"] == plain


@pytest.mark.parametrize("query", ['AND OR (', '"', '*', 'title:x', '"unclosed', 'a:b:c', 'OR', '%', '\x00'])
def test_query_syntax_never_fails(client, query):
    assert client.get("/api/v1/courses", query_string={"q": query}).status_code == 200


def test_suggestions_start_after_three_letters(client):
    assert client.get("/api/v1/suggest?q=he&lang=nb").json["suggestions"] == []
    found = client.get("/api/v1/suggest?q=helsef&lang=nb").json["suggestions"]
    assert found and all("helsef" in s.lower() for s in found) and len(found) <= 8


def test_english_suggestions_offer_english_titles_and_occupations(client):
    found = client.get("/api/v1/suggest?q=health&lang=en").json["suggestions"]
    assert "Health worker with Norwegian" in found and "health worker" in found


def test_suggest_refuses_bad_parameters(client):
    assert client.get("/api/v1/suggest?q=x&lang=de").json["error"]["parameter"] == "lang"
    assert client.get("/api/v1/suggest", query_string={"q": "x" * 201}).json["error"]["parameter"] == "q"


def test_a_course_shown_once_is_given_again_without_reading_it(client, app, monkeypatch):
    # What a result says of a course is made once per generation and language (the generation's
    # views): another search showing the same courses reads none of them, and says the same.
    first = client.get("/api/v1/courses?q=sveis&per_page=50").json
    generation = app.extensions["catalogue"].get()

    reads, read = [], generation._course
    monkeypatch.setattr(generation, "_course", lambda doc: reads.append(doc) or read(doc))
    again = client.get("/api/v1/courses?q=sveis&per_page=50&sort=title").json
    assert first["total"] >= 3 and again["total"] == first["total"]
    assert sorted(first["results"], key=lambda hit: hit["id"]) == sorted(again["results"], key=lambda hit: hit["id"])
    assert [hit["id"] for hit in again["results"]] != [hit["id"] for hit in first["results"]]
    assert reads == []
    # In another language the facts are its own, made from the courses.
    english = client.get("/api/v1/courses?q=sveis&per_page=50&lang=en").json
    assert len(reads) == english["total"] == first["total"]


def test_a_result_s_ended_flag_follows_the_day_it_is_asked(app, built_index):
    # The facts kept of a course are those that do not change with the day; whether it has ended does.
    import datetime as dt

    from coursefinder import create_app
    from conftest import TODAY

    ended = {}
    for days in (0, 400):
        later = create_app({"TESTING": True, "INDEX_DIR": str(built_index), "TODAY": TODAY + dt.timedelta(days=days),
                            "AUTO_SAMPLE": False, "RELOAD_INTERVAL": 0})
        later.extensions["catalogue"] = app.extensions["catalogue"]     # the same generation, its views kept
        body = later.test_client().get("/api/v1/courses?per_page=100&include_ended=1").json
        ended[days] = {hit["id"] for hit in body["results"] if hit["ended"]}
    assert ended[400] > ended[0]

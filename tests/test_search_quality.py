"""Search quality on a set of real queries: recall@10 at least 95 %, first hit relevant at least 90 %."""

import pytest

from coursefinder import create_app
from coursefinder.catalogue.importing import import_files
from browser import report
from conftest import TODAY, write_catalogue
from quality_catalogue import QUERIES, records, relevant


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quality")
    assert import_files([write_catalogue(folder / "c.json", records())], folder / "index").ok
    return create_app({"INDEX_DIR": str(folder / "index"), "AUTO_SAMPLE": False, "TODAY": TODAY}).test_client()


def top_ten(client, query, lang):
    body = client.get("/api/v1/courses", query_string={"q": query, "lang": lang, "per_page": 10}).json
    return [hit["id"] for hit in body["results"]]


def test_the_query_set_is_large_and_varied():
    assert len(QUERIES) >= 40
    assert sum(1 for _q, lang, _k in QUERIES if lang == "en") >= 10
    assert all(1 <= len(relevant(wanted)) <= 10 for _q, _l, wanted in QUERIES)


def test_recall_at_10_and_first_hits(client):
    found_relevant = all_relevant = first_hits = 0
    misses = []
    for query, lang, wanted in QUERIES:
        expected = relevant(wanted)
        top = top_ten(client, query, lang)
        found_relevant += len(expected & set(top))
        all_relevant += len(expected)
        first_hits += bool(top) and top[0] in expected
        if expected - set(top) or not top or top[0] not in expected:
            misses.append(f"{query!r} ({lang}): missing {sorted(expected - set(top))}, top {top[:3]}")
    recall = found_relevant / all_relevant
    first = first_hits / len(QUERIES)
    report(f"search quality over {len(QUERIES)} queries: recall@10 {recall:.1%}, first hit relevant {first:.1%}")
    for miss in misses:
        report(f"  short of perfect: {miss}")
    assert recall >= 0.95 and first >= 0.90, misses

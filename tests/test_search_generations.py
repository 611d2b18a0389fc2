"""Index generations: each import a new folder, switched atomically, old ones cleaned up."""

import os

import pytest

from coursefinder.catalogue.model import Course
from coursefinder.search import CatalogueStore, GenerationError, build_generation, current_generation
from coursefinder.search.backend import generations


def courses(*ids, **fields):
    return [Course(id=i, title_nb=f"Kurs {i}", course_type="norwegian", provider="P", county="03", **fields)
            for i in ids]


def test_old_generations_are_kept_while_a_server_may_still_use_them(fresh_index):
    for n in range(3):
        build_generation(fresh_index, courses(f"C{n}"))
    assert sorted(os.listdir(fresh_index / "generations")) == ["gen-000001", "gen-000002", "gen-000003"]


def test_each_build_is_a_new_generation_and_old_ones_are_removed(fresh_index, monkeypatch):
    monkeypatch.setenv("COURSEFINDER_KEEP_OLD_SECONDS", "0")
    names = [build_generation(fresh_index, courses(f"C{n}")) for n in range(4)]
    assert names == ["gen-000001", "gen-000002", "gen-000003", "gen-000004"]
    kept = sorted(os.listdir(fresh_index / "generations"))
    assert kept == ["gen-000003", "gen-000004"]
    assert current_generation(fresh_index) == "gen-000004"


def test_a_failed_build_changes_nothing(fresh_index, monkeypatch):
    build_generation(fresh_index, courses("OLD"))

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(generations, "_write_index", broken)
    with pytest.raises(GenerationError, match="No space left"):
        build_generation(fresh_index, courses("NEW"))
    assert current_generation(fresh_index) == "gen-000001"
    assert [e for e in os.listdir(fresh_index / "generations")] == ["gen-000001"]
    assert CatalogueStore(fresh_index).get().course("OLD") is not None


def test_a_broken_current_generation_falls_back_to_the_last_good_one(fresh_index, caplog):
    build_generation(fresh_index, courses("A"))
    build_generation(fresh_index, courses("B"))
    os.remove(fresh_index / "generations" / "gen-000002" / "manifest.json")
    assert current_generation(fresh_index) == "gen-000001"
    assert "unusable" in caplog.text


def test_a_store_switches_to_a_new_generation(fresh_index):
    build_generation(fresh_index, courses("A"))
    store = CatalogueStore(fresh_index, reload_interval=0)
    first = store.get()
    assert first.course("A") and not first.course("B")
    build_generation(fresh_index, courses("B"))
    second = store.get()
    assert second.name == "gen-000002" and second.course("B")
    # A request that still holds the old generation can finish on it.
    assert first.course("A").id == "A"


def test_an_empty_index_has_no_generation(fresh_index):
    assert current_generation(fresh_index) is None
    assert CatalogueStore(fresh_index).get() is None


@pytest.mark.parametrize("background", [False, True])
def test_a_generation_a_server_has_switched_from_is_freed(fresh_index, background):
    # Nothing a server keeps (caches of courses, labels, paths) may hold on to an old
    # generation, or each import would add a catalogue's worth of memory to every worker.
    import datetime as dt
    import gc
    import time
    import weakref

    from coursefinder import create_app
    from coursefinder.search import SearchRequest

    # Courses as an import would give them (pages are shown; a fixed start needs its date).
    build_generation(fresh_index, courses("A", "B", start_type="rolling"))
    app = create_app({"INDEX_DIR": str(fresh_index), "AUTO_SAMPLE": False, "TODAY": "2026-12-01",
                      "RELOAD_INTERVAL": 0})
    store = app.extensions["catalogue"]
    store.background = background
    client = app.test_client()
    olds = []
    for n in range(3):
        generation = store.get()
        generation.search(SearchRequest(q="kurs", today=dt.date(2026, 12, 1)))
        found = client.get("/api/v1/courses?q=kurs").get_json()["results"]
        assert found and client.get(found[0]["url"]).status_code == 200       # a course page, its facts kept
        assert client.get("/nb/?q=kurs").status_code == 200
        olds.append(weakref.ref(generation))
        name = generation.name
        del generation
        build_generation(fresh_index, courses(f"N{n}", start_type="rolling"))
        deadline = time.monotonic() + 10
        while store.get().name == name:
            assert time.monotonic() < deadline, "the new generation was not opened"
            time.sleep(0.05)
    gc.collect()
    assert [old() for old in olds] == [None, None, None]

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

    monkeypatch.setattr(generations, "write_index", broken)
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


def _as_version_13(index_dir, name):
    """Rewrite generation ``name`` the way version 13 wrote it: each course in the index's stored
    fields, no course records beside it (what a server finds after an upgrade)."""
    import json

    from whoosh import index as whoosh_index
    from whoosh.fields import STORED

    from coursefinder.search.backend import records, schema
    from coursefinder.search.filters import FILTERS

    folder = generations.generation_path(index_dir, name)
    courses = list(records.Records(folder).courses())
    for entry in os.listdir(folder):
        if entry not in (generations.MANIFEST, generations.WORDS, generations.SUGGESTIONS, generations.SUMMARIES,
                         generations.REMOVED):
            os.remove(os.path.join(folder, entry))
    old_schema = schema.make_schema()
    old_schema.add("record", STORED())
    writer = whoosh_index.create_in(folder, old_schema).writer()
    for row, course in enumerate(courses):
        writer.add_document(**schema.to_document(course, FILTERS.columns(), row),
                            record=json.dumps(course.to_record(), ensure_ascii=False))
    writer.commit()
    manifest = generations.read_manifest(index_dir, name)
    with open(os.path.join(folder, generations.MANIFEST), "w") as handle:
        json.dump({**manifest, "index_version": 13}, handle)
    return courses


def test_a_generation_of_an_older_version_is_served_and_rebuilt_with_its_courses(fresh_index):
    import datetime as dt

    from coursefinder.catalogue.importing import ensure_catalogue
    from coursefinder.search import check_index, stored_courses

    written = courses("A", "B", "C", title_en="Course", start_date=dt.date(2027, 9, 1))
    old = build_generation(fresh_index, written)
    assert _as_version_13(fresh_index, old) == written
    assert any("another version" in line for line in check_index(fresh_index)[1])
    # Until it is rebuilt, a server reads its courses from where version 13 kept them.
    assert CatalogueStore(fresh_index).get().course("B") == written[1]
    rebuilt = ensure_catalogue(fresh_index, dt.date(2027, 8, 1), sample=False)
    assert rebuilt.generation != old and rebuilt.count == 3
    assert stored_courses(fresh_index, rebuilt.generation) == written
    assert check_index(fresh_index)[0]


def test_a_generation_whose_course_records_do_not_match_its_index_is_not_served(fresh_index, caplog):
    from coursefinder.search import check_index
    from coursefinder.search.backend import records

    build_generation(fresh_index, courses("A"))
    second = build_generation(fresh_index, courses("B", "C"))
    folder = generations.generation_path(fresh_index, second)
    with open(os.path.join(folder, records.COURSES), "ab") as handle:
        handle.write(b'{"id":"D"}\n')
    ok, lines = check_index(fresh_index)
    assert not ok and any(second in line and "bytes" in line for line in lines)
    assert CatalogueStore(fresh_index).get().name == "gen-000001"


def test_a_generation_that_lost_its_course_records_is_not_served(fresh_index):
    from coursefinder.search import check_index
    from coursefinder.search.backend import records

    build_generation(fresh_index, courses("A"))
    second = build_generation(fresh_index, courses("B"))
    os.remove(os.path.join(generations.generation_path(fresh_index, second), records.OFFSETS))
    assert CatalogueStore(fresh_index).get().name == "gen-000001"
    ok, lines = check_index(fresh_index)
    assert not ok and any(second in line and records.OFFSETS in line for line in lines)


def test_a_full_disk_while_the_common_terms_are_written_changes_nothing(fresh_index, monkeypatch):
    import builtins

    from coursefinder.search.backend import common_terms

    build_generation(fresh_index, courses("OLD"))

    class Full:
        def __init__(self, handle):
            self._handle = handle

        def write(self, data):
            raise OSError(28, "No space left on device")

        def __getattr__(self, name):
            return getattr(self._handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._handle.close()

    def full_open(path, mode="r", *args, **kwargs):
        handle = builtins.open(path, mode, *args, **kwargs)
        return Full(handle) if str(path).endswith(common_terms.DOCS) else handle

    monkeypatch.setattr(common_terms, "COMMON_FROM", 1)
    monkeypatch.setattr(common_terms, "open", full_open, raising=False)
    with pytest.raises(GenerationError, match="No space left"):
        build_generation(fresh_index, courses("NEW", "NEWER"))
    assert current_generation(fresh_index) == "gen-000001"
    assert os.listdir(fresh_index / "generations") == ["gen-000001"]

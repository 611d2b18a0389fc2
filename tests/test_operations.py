"""For operators: /healthz, `coursefinder check`, damaged generations at start-up, JSON logs."""

import json
import logging
import os

from click.testing import CliRunner

from coursefinder import create_app
from coursefinder.cli import main
from coursefinder.catalogue.importing import ensure_catalogue, import_files
from coursefinder.logs import JsonFormatter
from coursefinder.search import current_generation
from conftest import TODAY, course, write_catalogue


def test_healthz_tells_generation_count_and_age(client):
    body = client.get("/healthz").json
    assert body["status"] == "ok" and body["generation"].startswith("gen-")
    assert body["courses"] > 200 and body["import_age_seconds"] >= 0
    assert client.get("/healthz").headers["X-Catalogue-Generation"] == body["generation"]


def two_imports(tmp_path):
    index = tmp_path / "index"
    assert import_files([write_catalogue(tmp_path / "a.json", [course(id="OLD-1")])], index).ok
    assert import_files([write_catalogue(tmp_path / "b.json", [course(id="NEW-1")])], index).ok
    return index


def damage(index, name):
    folder = index / "generations" / name
    for entry in os.listdir(folder):
        if entry.endswith(".seg") or entry.startswith("_MAIN") or entry.endswith(".trm"):
            (folder / entry).write_bytes(b"\x00garbage")


def test_check_reports_a_whole_index_and_exits_0(tmp_path):
    index = two_imports(tmp_path)
    result = CliRunner().invoke(main, ["check", "--index", str(index)])
    assert result.exit_code == 0 and "gen-000002: whole (1 courses)" in result.output
    assert "a server serves gen-000002" in result.output


def test_a_damaged_current_generation_is_reported_and_the_last_good_one_served(tmp_path, caplog):
    index = two_imports(tmp_path)
    damage(index, "gen-000002")
    result = CliRunner().invoke(main, ["check", "--index", str(index)])
    assert result.exit_code == 1 and "gen-000002: the index cannot be read" in result.output
    caplog.set_level(logging.ERROR)
    app = create_app({"INDEX_DIR": str(index), "RELOAD_INTERVAL": 0})
    ids = {hit["id"] for hit in app.test_client().get("/api/v1/courses").json["results"]}
    assert ids == {"OLD-1"} and "cannot open index generation gen-000002" in caplog.text


def test_with_no_usable_generation_the_sample_catalogue_is_served(tmp_path, caplog):
    index = tmp_path / "index"
    assert import_files([write_catalogue(tmp_path / "a.json", [course(id="ONLY-1")])], index).ok
    damage(index, current_generation(index))
    caplog.set_level(logging.ERROR)
    ensure_catalogue(index, TODAY)  # what `coursefinder serve` and `coursefinder prepare` do before workers start
    app = create_app({"INDEX_DIR": str(index), "RELOAD_INTERVAL": 0})
    assert app.test_client().get("/api/v1/courses").json["total"] >= 150
    assert "no generation" in caplog.text and "importing the bundled sample catalogue" in caplog.text


def test_a_missing_current_pointer_falls_back_to_the_newest_whole_generation(tmp_path):
    index = two_imports(tmp_path)
    (index / "CURRENT").write_text("gen-999999\n")
    app = create_app({"INDEX_DIR": str(index), "RELOAD_INTERVAL": 0})
    assert {h["id"] for h in app.test_client().get("/api/v1/courses").json["results"]} == {"NEW-1"}


def test_json_logs_are_one_object_a_line():
    record = logging.LogRecord("coursefinder", logging.WARNING, __file__, 1, "imported %d courses", (3,), None)
    line = JsonFormatter().format(record)
    assert json.loads(line) | {"time": None} == {"time": None, "level": "WARNING", "logger": "coursefinder",
                                                 "message": "imported 3 courses"}


def test_the_app_factory_imports_nothing_into_an_empty_index(tmp_path):
    # Each worker of `gunicorn -w 3 'coursefinder:create_app()'` runs the factory: it must
    # not import the sample three times; `coursefinder serve` or `prepare` does it once.
    index = tmp_path / "index"
    client = create_app({"INDEX_DIR": str(index), "RELOAD_INTERVAL": 0}).test_client()
    assert not index.exists()
    assert client.get("/healthz").status_code == 503
    response = client.get("/nb/")
    assert response.status_code == 503 and "Kursene kan ikke vises akkurat nå" in response.get_data(as_text=True)
    assert client.get("/api/v1/courses").status_code == 503


def test_prepare_imports_the_sample_once_and_then_leaves_the_index_alone(tmp_path):
    index = tmp_path / "index"
    first = CliRunner().invoke(main, ["prepare", "--index", str(index)])
    assert first.exit_code == 0 and "Prepared the index" in first.output
    second = CliRunner().invoke(main, ["prepare", "--index", str(index)])
    assert second.exit_code == 0 and "is ready" in second.output
    assert sorted(os.listdir(index / "generations")) == ["gen-000001"]

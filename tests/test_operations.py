"""For operators: /healthz, `coursefinder check`, damaged generations at start-up, JSON logs."""

import json
import logging
import os

from click.testing import CliRunner

from coursefinder import create_app
from coursefinder.cli import main
from coursefinder.importing import import_files
from coursefinder.logs import JsonFormatter
from coursefinder.search import current_generation
from conftest import course, write_catalogue


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

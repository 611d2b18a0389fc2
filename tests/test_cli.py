"""The command line: import and validate with FILE:LINE: FIELD errors, all or nothing; sample."""

import json

import pytest
from click.testing import CliRunner

from coursefinder import create_app
from coursefinder.catalogue.loading import load_files
from coursefinder.cli import main
from coursefinder.search import current_generation
from conftest import TODAY, course, write_catalogue

GOOD = [course(id="GOOD-1", title_nb="Sveisekurs i Oslo"), course(id="GOOD-2", title_nb="Truckkurs", county="46")]


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env={"LANG": "en_GB.UTF-8", **(env or {})})


@pytest.fixture()
def served(tmp_path):
    """An index holding the GOOD catalogue, and an app serving it."""
    index = tmp_path / "index"
    result = run("import", write_catalogue(tmp_path / "good.json", GOOD), "--index", index)
    assert result.exit_code == 0, result.output
    app = create_app({"TESTING": True, "INDEX_DIR": str(index), "AUTO_SAMPLE": False, "RELOAD_INTERVAL": 0,
                      "TODAY": TODAY})
    return index, app.test_client()


def served_ids(client):
    return {hit["id"] for hit in client.get("/api/v1/courses").json["results"]}


BROKEN = {
    "misspelt field": ([{**course(id="B-1"), "tittle_en": "x"}], "tittle_en", "did you mean 'title_en'"),
    "duplicate id": ([course(id="B-1"), course(id="B-1")], "id", "duplicate id"),
    "bad county": ([course(id="B-1", county="20")], "county", "not allowed"),
    "end before start": ([course(id="B-1", end_date="2027-01-01")], "end_date", "before start_date"),
    "municipality outside county": ([course(id="B-1", municipality="4601")], "municipality", "not in county"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_import_exits_1_with_messages_and_changes_nothing(served, tmp_path, case):
    index, client = served
    records, field, words = BROKEN[case]
    before = current_generation(index)
    result = run("import", write_catalogue(tmp_path / "broken.json", records), "--index", index)
    assert result.exit_code == 1
    assert any(line.startswith(f"{tmp_path / 'broken.json'}:") and f": {field}: " in line and words in line
               for line in result.output.splitlines()), result.output
    assert current_generation(index) == before
    assert served_ids(client) == {"GOOD-1", "GOOD-2"}


def test_a_csv_with_a_bad_boolean_fails_the_import(served, tmp_path):
    index, client = served
    path = tmp_path / "bad.csv"
    path.write_text("id,title_nb,course_type,sector,provider,county,start_date,norwegian_training\n"
                    "C-1,Kurs,industry,industry,P,03,2027-03-01,kanskje\n", encoding="utf-8")
    result = run("import", path, "--index", index)
    assert result.exit_code == 1 and f"{path}:2: norwegian_training:" in result.output
    assert served_ids(client) == {"GOOD-1", "GOOD-2"}


def test_broken_json_fails_the_import(served, tmp_path):
    index, client = served
    path = tmp_path / "broken.json"
    path.write_text('[\n{"id": "X",\n"title_nb": }\n]', encoding="utf-8")
    result = run("import", path, "--index", index)
    assert result.exit_code == 1 and f"{path}:3: -: broken JSON" in result.output
    assert served_ids(client) == {"GOOD-1", "GOOD-2"}


def test_a_missing_file_fails_the_import(served, tmp_path):
    index, _client = served
    result = run("import", tmp_path / "nope.json", "--index", index)
    assert result.exit_code == 1 and "nope.json:1: -: cannot read the file" in result.output


def test_a_good_import_is_served_by_a_running_site_without_restart(served, tmp_path):
    index, client = served
    assert served_ids(client) == {"GOOD-1", "GOOD-2"}
    # It replaces both courses, so it must be confirmed (--yes when no one is at a terminal).
    result = run("import", write_catalogue(tmp_path / "new.json", [course(id="NEW-1")]), "--index", index, "--yes")
    assert result.exit_code == 0 and "The catalogue went from 2 to 1 courses" in result.output
    assert served_ids(client) == {"NEW-1"}


def test_errors_are_printed_in_norwegian_for_a_norwegian_terminal(tmp_path):
    path = write_catalogue(tmp_path / "x.json", [course(county="20")])
    result = run("validate", path, env={"LANG": "nb_NO.UTF-8"})
    assert result.exit_code == 1 and "'20' er ikke tillatt" in result.output


def test_validate_changes_nothing(tmp_path):
    index = tmp_path / "index"
    result = run("validate", write_catalogue(tmp_path / "ok.json", GOOD), env={"COURSEFINDER_INDEX": str(index)})
    assert result.exit_code == 0 and "2 courses are valid" in result.output
    assert not index.exists()


def test_index_folder_comes_from_the_environment(tmp_path):
    index = tmp_path / "from-env"
    result = run("import", write_catalogue(tmp_path / "ok.json", GOOD), env={"COURSEFINDER_INDEX": str(index)})
    assert result.exit_code == 0 and current_generation(index) is not None


@pytest.mark.parametrize("name", ["big.json", "big.jsonl"])
def test_sample_writes_a_valid_catalogue_of_the_size_asked(tmp_path, name):
    path = tmp_path / name
    assert run("sample", "--count", 120, "--seed", 4, "-o", path).exit_code == 0
    loaded = load_files([str(path)])
    assert loaded.ok and len(loaded.courses) == 120
    again = tmp_path / ("again-" + name)
    run("sample", "--count", 120, "--seed", 4, "-o", again)
    assert again.read_text() == path.read_text()


def test_an_import_without_a_terminal_prints_no_progress(tmp_path):
    result = run("import", write_catalogue(tmp_path / "ok.json", GOOD), "--index", tmp_path / "index")
    assert result.exit_code == 0 and "Indexing" not in result.output and "Reading" not in result.output


def test_progress_on_a_terminal_counts_records_and_courses(tmp_path, capsys):
    from coursefinder.cli.common import Progress
    from coursefinder.catalogue.importing import import_files

    progress = Progress()
    records = [course(id=f"P-{n}", title_nb="Kurs") for n in range(1200)]
    outcome = import_files([write_catalogue(tmp_path / "many.json", records)], tmp_path / "index",
                           on_record=progress.record, on_valid=progress.valid, on_course=progress.course)
    progress.close()
    err = capsys.readouterr().err
    assert outcome.ok and "Reading and checking: 1,000 records" in err and "Read and checked 1,200 courses" in err
    assert "Indexing" in err and "100%" in err


@pytest.mark.parametrize("locale, lang", [("nn_NO.UTF-8", "nn"), ("uk_UA.UTF-8", "uk"), ("ar_SY.UTF-8", "ar"),
                                          ("so_SO.UTF-8", "so"), ("ti_ER.UTF-8", "ti")])
def test_errors_are_printed_in_the_terminals_language(tmp_path, locale, lang):
    import re

    from coursefinder.i18n import translations_for

    source = "'%(value)s' is not allowed; use one of: %(allowed)s"
    message = translations_for(lang).gettext(source)
    assert message != source
    result = run("validate", write_catalogue(tmp_path / "x.json", [course(county="20")]), env={"LANG": locale})
    words = max(re.split(r"%\(\w+\)s", message), key=len).strip()
    assert result.exit_code == 1 and words in result.output, (words, result.output)

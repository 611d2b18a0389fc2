"""Many publishers, one national catalogue: sources, safe imports, and what a county officer is told."""

import json
import os

import pytest
from click.testing import CliRunner

from coursefinder import create_app
from coursefinder.catalogue.importing import ensure_catalogue, import_files, served_sources
from coursefinder.cli import main
from coursefinder.search import current_generation
from conftest import TODAY, course, write_catalogue


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env={"LANG": "en_GB.UTF-8", **(env or {})})


def ids_in(index):
    client = create_app({"TESTING": True, "INDEX_DIR": str(index), "TODAY": TODAY}).test_client()
    body = client.get("/api/v1/courses", query_string={"per_page": 100, "include_ended": 1}).json
    return {hit["id"] for hit in body["results"]}


def courses(prefix, count, county="50"):
    return [course(id=f"{prefix}-{n}", county=county, title_nb=f"Sveisekurs {prefix} {n}") for n in range(count)]


@pytest.fixture()
def two_sources(tmp_path):
    index = tmp_path / "index"
    assert import_files([write_catalogue(tmp_path / "t.json", courses("TRD", 5))], index, source="nav-trondelag").ok
    assert import_files([write_catalogue(tmp_path / "v.json", courses("VL", 4, "46"))], index, source="nav-vestland").ok
    return index


def test_two_sources_imported_one_after_the_other_keep_each_others_courses(two_sources):
    assert ids_in(two_sources) == {f"TRD-{n}" for n in range(5)} | {f"VL-{n}" for n in range(4)}
    assert {name: summary["courses"] for name, summary in served_sources(two_sources).items()} == {
        "nav-trondelag": 5, "nav-vestland": 4}


def test_re_importing_a_source_with_fewer_courses_removes_only_its_own(two_sources, tmp_path):
    outcome = import_files([write_catalogue(tmp_path / "t2.json", courses("TRD", 3))], two_sources,
                           source="nav-trondelag")
    assert outcome.ok
    change = outcome.plan.changes["nav-trondelag"]
    assert (sorted(change.removed), change.unchanged, change.added) == (["TRD-3", "TRD-4"], 3, [])
    assert ids_in(two_sources) == {f"TRD-{n}" for n in range(3)} | {f"VL-{n}" for n in range(4)}


def test_an_id_another_source_holds_fails_naming_both_and_changes_nothing(two_sources, tmp_path):
    before = current_generation(two_sources)
    path = write_catalogue(tmp_path / "t3.json", courses("TRD", 2) + [course(id="VL-1", county="50")])
    outcome = import_files([path], two_sources, source="nav-trondelag")
    assert [p.render() for p in outcome.problems] == [
        f"{path}:1: id: 'VL-1' is a course of source 'nav-vestland' already; ids are unique in the whole catalogue"]
    assert current_generation(two_sources) == before


def test_the_course_page_and_the_api_record_say_which_source(two_sources):
    client = create_app({"TESTING": True, "INDEX_DIR": str(two_sources), "TODAY": TODAY}).test_client()
    assert client.get("/api/v1/courses/VL-2").json["source"] == "nav-vestland"
    html = client.get("/en/courses/VL-2", follow_redirects=True).get_data(as_text=True)
    assert "nav-vestland" in html
    offer = client.get("/en/offer?source=nav-vestland").get_data(as_text=True)
    assert offer.count('href="/en/offer?source=nav-trondelag') == 1


def test_a_shrinking_import_is_refused_without_yes_and_done_with_it(two_sources, tmp_path):
    path = write_catalogue(tmp_path / "small.json", courses("TRD", 1))
    refused = run("import", path, "--source", "nav-trondelag", "--index", two_sources)
    assert refused.exit_code == 1 and "more than half" in refused.output and "--yes" in refused.output
    assert len(ids_in(two_sources)) == 9
    done = run("import", path, "--source", "nav-trondelag", "--index", two_sources, "--yes")
    assert done.exit_code == 0, done.output
    assert "Source nav-trondelag: 0 added, 0 changed, 4 removed, 1 unchanged." in done.output
    assert f"The catalogue went from 9 to 5 courses in {os.path.abspath(two_sources)}." in done.output


def test_a_dry_run_says_what_would_happen_and_changes_nothing(two_sources, tmp_path):
    before = current_generation(two_sources)
    path = write_catalogue(tmp_path / "more.json", courses("TRD", 7))
    result = run("import", path, "--source", "nav-trondelag", "--index", two_sources, "--dry-run")
    assert result.exit_code == 0
    assert "Source nav-trondelag: 2 added, 0 changed, 0 removed, 5 unchanged." in result.output
    assert "would go from 9 to 11 courses" in result.output and "Nothing was changed" in result.output
    assert current_generation(two_sources) == before


def test_sources_lists_them_and_remove_source_takes_one_out(two_sources):
    listed = run("sources", "--index", two_sources)
    assert listed.exit_code == 0
    assert "nav-trondelag: 5 courses in Trøndelag; last imported 20" in listed.output
    assert "nav-vestland: 4 courses in Vestland" in listed.output
    assert run("remove-source", "nav-vestland", "--index", two_sources).exit_code == 1    # asks first
    removed = run("remove-source", "nav-vestland", "--index", two_sources, "--yes")
    assert removed.exit_code == 0 and "0 added, 0 changed, 4 removed" in removed.output
    assert ids_in(two_sources) == {f"TRD-{n}" for n in range(5)}
    assert "no source 'nope'" in run("remove-source", "nope", "--index", two_sources, "--yes").output


def test_an_import_into_a_folder_without_an_index_says_so_and_names_it(tmp_path):
    path = write_catalogue(tmp_path / "c.json", courses("A", 2))
    result = run("import", path, "--source", "nav-trondelag", "--index", tmp_path / "elsewhere")
    assert result.exit_code == 0
    assert f"There is no index in {tmp_path / 'elsewhere'} yet" in result.output


def test_the_summary_is_in_the_terminals_language(two_sources, tmp_path):
    path = write_catalogue(tmp_path / "t.json", courses("TRD", 6))
    result = run("import", path, "--source", "nav-trondelag", "--index", two_sources, env={"LANG": "nb_NO.UTF-8"})
    assert "Kilde nav-trondelag: 1 lagt til, 0 endret, 0 fjernet, 5 uendret." in result.output
    assert "Katalogen gikk fra 9 til 10 kurs" in result.output


def test_importing_a_source_replaces_the_bundled_sample_without_asking(tmp_path):
    index = tmp_path / "index"
    ensure_catalogue(index, TODAY)
    result = run("import", write_catalogue(tmp_path / "t.json", courses("TRD", 5)), "--source", "nav-trondelag",
                 "--index", index)
    assert result.exit_code == 0 and "The bundled sample catalogue is replaced." in result.output
    assert ids_in(index) == {f"TRD-{n}" for n in range(5)}


@pytest.mark.parametrize("name", ["Trøndelag", "nav_trondelag", "-x", "catalogue", "sample", "a" * 65])
def test_a_source_must_be_a_plain_name(tmp_path, name):
    result = run("import", write_catalogue(tmp_path / "c.json", courses("A", 1)), "--source", name, "--index",
                 tmp_path / "index")
    assert result.exit_code == 1 and "is not a source name" in result.output


# Every problem in one run, and CSV as people type it.

def test_a_csv_with_a_misspelt_column_and_a_bad_row_gives_both_in_one_run(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id;tittel_nb;title_nb;course_type;sector;provider;county;start_date\n"
                    "A-1;x;Sveis;industry;industry;P;Trøndelag;2027-03-01\n"
                    "A-2;x;Sveis;industry;industry;P;Trondelagg;2027-03-01\n", encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    assert f"{path}:1: tittel_nb: unknown column" in result.output
    assert f"{path}:3: county: 'Trondelagg' is not allowed (did you mean 'Trøndelag (50)'?)" in result.output
    assert "2 problems found" in result.output


def test_norwegian_and_english_labels_lower_case_levels_and_municipality_names_import(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,title_nb,course_type,sector,provider,county,municipality,start_date,norwegian_level\n"
                    "L-1,Sveis,Yrkesrettet kurs,\"Helse, pleie og omsorg\",P,trøndelag,Trondheim,2027-03-01,a2\n"
                    "L-2,Sveis,vocational course,health and care,P,MØRE OG ROMSDAL,ålesund,2027-03-01,b1\n",
                    encoding="utf-8")
    outcome = import_files([path], tmp_path / "index")
    assert outcome.ok, [p.render() for p in outcome.problems]
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index"), "TODAY": TODAY}).test_client()
    records = {i: client.get(f"/api/v1/courses/{i}").json for i in ("L-1", "L-2")}
    assert [(r["course_type"], r["sector"], r["county"], r["municipality"], r["norwegian_level"])
            for r in records.values()] == [("industry", "health-care", "50", "5001", "A2"),
                                           ("industry", "health-care", "15", "1508", "B1")]


def test_a_far_off_code_gets_no_suggestion_and_messages_name_places(tmp_path):
    records = [course(id="P-1", county="03", municipality="4601"), course(id="P-2", county="46", municipality="4699"),
               course(id="P-3", course_type="Yrkesrettet kurs")]
    lines = [p.render() for p in import_files([write_catalogue(tmp_path / "c.json", records)], tmp_path / "i").problems]
    assert any("4601 (Bergen) is not in county 03 (Oslo)" in line for line in lines)
    assert any("4699 is not a municipality number; did you mean 46" in line for line in lines)
    assert any("'Yrkesrettet kurs' is not allowed; use one of" in line for line in lines)   # JSON: codes only


def test_a_place_that_names_another_municipality_is_a_warning_only(tmp_path):
    records = [course(id="W-1", county="46", municipality="4601", place="Voss"),
               course(id="W-2", county="46", place="Bergen")]
    path = write_catalogue(tmp_path / "c.json", records)
    result = run("validate", path)
    assert result.exit_code == 0 and "2 courses are valid" in result.output
    assert f"{path}:1: place: warning: 'Voss' is the name of municipality 4621 (Voss), but the course is in " \
           f"4601 (Bergen)" in result.output
    assert 'add "municipality": "4601"' in result.output


# Nav's own records.

def test_nav_records_import_with_format_nav(tmp_path):
    from test_catalogue_nav_format import nav_course   # the tests' Nav object, built from Nav's schema

    path = tmp_path / "nav.json"
    path.write_text(json.dumps([nav_course()]), encoding="utf-8")
    result = run("import", path, "--format", "nav", "--source", "nav-feed", "--index", tmp_path / "index")
    assert result.exit_code == 0, result.output
    assert "Source nav-feed: 1 added" in result.output

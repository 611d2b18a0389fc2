"""The import format's rules: per field, across fields and across files, with FILE:LINE: FIELD."""

import json

import pytest

from coursefinder.catalogue.loading import load_sources
from conftest import course


def problems_of(records, label="c.json"):
    result = load_sources([(label, json.dumps(records, indent=1).encode())])
    return [p.render() for p in result.problems]


def test_a_valid_course_has_no_problems():
    result = load_sources([("c.json", json.dumps([course()]).encode())])
    assert result.ok and result.courses[0].id == "T-1"


def test_defaults_of_the_format_are_applied():
    only = load_sources([("c.json", json.dumps([course()]).encode())]).courses[0]
    assert (only.delivery, only.start_type, only.age_min, only.age_max, only.status) == (
        "in-person", "fixed", 19, None, "open")
    assert only.norwegian_training is False and only.norwegian_test is False


@pytest.mark.parametrize("change, field, words", [
    ({"tittle_en": "x"}, "tittle_en", "did you mean 'title_en'"),
    ({"Place": "x"}, "Place", "did you mean 'place'"),
    # No suggestion of a field the course already has, nor of one far from what was written.
    ({"tittle_nb": "x"}, "tittle_nb", "listed in the import format guide"),
    ({"Provider": "x"}, "Provider", "listed in the import format guide"),
    ({"kurstype": "x"}, "kurstype", "listed in the import format guide"),
    ({"county": "99"}, "county", "not allowed"),
    ({"county": 3}, "county", "use one of"),
    ({"municipality": "4601"}, "municipality", "not in county 03"),
    ({"municipality": "46a1"}, "municipality", "four digits"),
    ({"end_date": "2027-02-01"}, "end_date", "before start_date"),
    ({"application_deadline": "2027-03-02"}, "application_deadline", "after start_date"),
    ({"start_date": "2027-02-30"}, "start_date", "YYYY-MM-DD"),
    ({"start_date": "1.3.2027"}, "start_date", "YYYY-MM-DD"),
    ({"age_min": 30, "age_max": 25}, "age_max", "below age_min 30"),
    ({"age_max": 18}, "age_max", "give age_min too"),
    ({"age_min": 15}, "age_min", "from 16 to 67"),
    ({"age_min": "19"}, "age_min", "whole number"),
    ({"hours_per_week": 41}, "hours_per_week", "from 1 to 40"),
    ({"duration_weeks": 2.5}, "duration_weeks", "whole number"),
    ({"norwegian_training": "ja"}, "norwegian_training", "true or false"),
    ({"norwegian_level": "B3"}, "norwegian_level", "not allowed"),
    ({"target_groups": ["youth", "youth"]}, "target_groups", "more than once"),
    ({"content": "theory"}, "content", "must be a list"),
    ({"driving_licences": ["X"]}, "driving_licences", "not allowed"),
    ({"url": "http://example.no"}, "url", "https://"),
    ({"url": "javascript:alert(1)"}, "url", "https://"),
    ({"contact_email": "post at example.no"}, "contact_email", "e-mail"),
    ({"id": "-bad"}, "id", "not a valid id"),
    ({"title_nb": ""}, "title_nb", "empty"),
    ({"title_nb": "x" * 201}, "title_nb", "at most 200"),
    ({"summary_nb": "x" * 501}, "summary_nb", "at most 500"),
    ({"sector": None}, "sector", "null is not allowed"),
    ({"updated_at": "yesterday"}, "updated_at", "ISO 8601"),
    ({"status": "Open"}, "status", "did you mean 'open'"),
])
def test_a_broken_rule_is_reported_with_file_line_and_field(change, field, words):
    found = problems_of([course(id="OK-1"), {**course(), **change}])
    assert len(found) == 1, found
    assert found[0].startswith(f"c.json:") and f": {field}: " in found[0] and words in found[0], found[0]


def test_required_fields_are_named():
    found = problems_of([{"id": "X"}])
    for field in ("title_nb", "course_type", "provider", "county", "start_date"):
        assert any(f": {field}: is required" in p for p in found), field


def test_sector_is_required_for_industry_courses_only():
    assert problems_of([course(sector=None)]) == ["c.json:2: sector: is required when course_type is industry"]
    assert problems_of([course(sector=None, course_type="norwegian")]) == []


def test_rolling_courses_need_no_start_date():
    assert problems_of([course(start_type="rolling", start_date=None)]) == []


def test_every_problem_of_a_run_is_listed_with_the_line_of_its_object():
    text = json.dumps([course(id="A"), course(id="B", county="99"), course(id="C", tittle="x", end_date="2020-01-01")],
                      indent=1)
    result = load_sources([("cat.json", text.encode())])
    lines = {p.field: p.line for p in result.problems}
    starts = [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "{"]
    assert lines == {"county": starts[1], "tittle": starts[2], "end_date": starts[2]}
    assert result.courses == []


def test_a_duplicate_id_names_both_places():
    a = json.dumps([course(id="SAME")]).encode()
    b = ("\n" + json.dumps(course(id="SAME")) + "\n").encode()
    result = load_sources([("a.json", a), ("b.jsonl", b)])
    assert [p.render() for p in result.problems] == ["b.jsonl:2: id: duplicate id 'SAME': also used at a.json:1"]


def test_an_empty_catalogue_is_refused():
    result = load_sources([("c.json", b"[]")])
    assert not result.ok and "no courses" in result.problems[0].render()


def test_a_duplicate_id_is_reported_even_when_the_record_has_other_problems():
    found = problems_of([course(id="SAME"), {**course(id="SAME"), "x": 1}])
    assert any(": id: duplicate id 'SAME'" in p for p in found) and any(": x: unknown field" in p for p in found)


@pytest.mark.parametrize("value, ok", [
    ("2027-01-10T09:15:00+01:00", True), ("2027-01-10T09:15:00Z", True), ("2027-01-10t09:15:00.25z", True),
    ("2027-01-10T09:15:00", False), ("2027-01-10T09:15", False), ("2027-01-10 09:15:00+01:00", False),
    ("2027-01-10T09:15:00+0100", False), ("2027-02-30T09:15:00Z", False),
])
def test_updated_at_is_an_rfc3339_date_time(value, ok):
    assert (problems_of([course(updated_at=value)]) == []) == ok


def test_only_title_nb_and_provider_must_hold_more_than_spaces():
    assert problems_of([course(title_en=" ", certifications=[" "])]) == []
    assert len(problems_of([course(title_nb="  ", provider=" ")])) == 2


def test_an_https_address_without_a_dot_is_a_web_address():
    assert problems_of([course(url="https://localhost/kurs")]) == []

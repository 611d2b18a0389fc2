"""One catalogue in every file form the format allows reads to the same courses."""

import json

import pytest

from coursefinder.catalogue.loading import load_sources
from conftest import course

RECORDS = [
    course(id="A-1", title_nb="Sveisekurs, MAG og TIG", municipality="0301", norwegian_training=True,
           hours_per_week=37.5, target_groups=["youth", "immigrants"], certifications=["Kursbevis", "Fagbrev"],
           description_nb="Første avsnitt.\n\nAndre avsnitt med «sitat».", age_min=16, age_max=24),
    course(id="A-2", title_nb="Truckførerkurs", county="46", municipality="4601", norwegian_training=False,
           start_type="rolling", start_date=None, delivery="hybrid", places=12),
]
COLUMNS = ["id", "title_nb", "course_type", "sector", "provider", "county", "municipality", "start_type",
           "start_date", "delivery", "norwegian_training", "hours_per_week", "places", "age_min", "age_max",
           "target_groups", "certifications", "description_nb"]


def _cell(record, name, separator, excel):
    value = record.get(name)
    if value is None:
        return ""
    if isinstance(value, bool):
        return ("ja" if value else "nei") if excel else str(value).lower()
    if isinstance(value, list):
        value = ";".join(value)
    if isinstance(value, float) and excel:
        value = str(value).replace(".", ",")
    text = str(value)
    if any(ch in text for ch in (separator, '"', "\n", ";")):
        text = '"' + text.replace('"', '""') + '"'
    return text


def as_csv(records, separator=",", excel=False):
    newline = "\r\n" if excel else "\n"
    lines = [separator.join(COLUMNS)]
    lines += [separator.join(_cell(r, name, separator, excel) for name in COLUMNS) for r in records]
    text = newline.join(lines) + newline
    return ("\ufeff" + text if excel else text).encode("utf-8")


FORMS = {
    "array.json": json.dumps(RECORDS, ensure_ascii=False, indent=2).encode(),
    "lines.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS).encode(),
    "comma.csv": as_csv(RECORDS),
    "excel.csv": as_csv(RECORDS, ";", excel=True),
}


@pytest.mark.parametrize("name", FORMS)
def test_every_form_reads_to_the_same_courses(name):
    reference = load_sources([("array.json", FORMS["array.json"])])
    result = load_sources([(name, FORMS[name])])
    assert result.ok, [p.render() for p in result.problems]
    assert result.courses == reference.courses


def test_excel_csv_really_has_bom_crlf_semicolons_and_ja_nei():
    data = FORMS["excel.csv"]
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b";" in data.split(b"\r\n")[0]
    assert b";ja;" in data and b"37,5" in data


def test_csv_cells_that_excel_changed_are_read_back():
    header = "id;title_nb;course_type;sector;provider;county;municipality;start_date\r\n"
    row = "X-1;Kurs;industry;industry;Testkurs AS;3;301;01.03.2027\r\n"
    result = load_sources([("x.csv", (header + row).encode())])
    assert result.ok, [p.render() for p in result.problems]
    only = result.courses[0]
    assert (only.county, only.municipality, only.start_date.isoformat()) == ("03", "0301", "2027-03-01")


def test_a_bad_csv_boolean_names_line_and_field():
    header = "id,title_nb,course_type,sector,provider,county,start_date,norwegian_training\n"
    rows = "A,Kurs,industry,industry,P,03,2027-03-01,ja\nB,Kurs,industry,industry,P,03,2027-03-01,kanskje\n"
    result = load_sources([("x.csv", (header + rows).encode())])
    assert [p.render() for p in result.problems] == [
        "x.csv:3: norwegian_training: 'kanskje' is not a yes/no value; write true/false, ja/nei, yes/no or 1/0"]


def test_a_quoted_multiline_cell_keeps_the_line_numbers_of_later_rows():
    header = "id,title_nb,course_type,sector,provider,county,start_date,description_nb\n"
    rows = 'A,Kurs,industry,industry,P,03,2027-03-01,"one\n\ntwo"\nB,Kurs,industry,industry,P,99,2027-03-01,\n'
    result = load_sources([("x.csv", (header + rows).encode())])
    assert [(p.line, p.field) for p in result.problems] == [(5, "county")]


def test_an_unknown_csv_column_is_named_with_the_closest_field():
    result = load_sources([("x.csv", b"id,title_nb,contry\nA,Kurs,03\n")])
    assert "x.csv:1: contry: unknown column 'contry'; did you mean 'county'?" in [p.render() for p in result.problems]


@pytest.mark.parametrize("data, line", [
    (b'[\n {"id": "A",\n  "title_nb": "x",,\n }\n]', 3),
    (b'[\n {"id": "A"}\n', 3),
    (b'{"id": "A"}\n{"id": \n', 2),
    (b'[{"id": NaN}]', 1),
    (b'\n\n"just a string"', 3),
])
def test_broken_json_is_reported_with_its_line(data, line):
    result = load_sources([("bad.json", data)])
    file_problems = [p for p in result.problems if p.field == "-"]
    assert not result.ok and len(file_problems) == 1, [p.render() for p in result.problems]
    assert file_problems[0].line == line and "JSON" in file_problems[0].render(), file_problems[0].render()


def test_a_file_that_is_not_utf8_is_reported():
    result = load_sources([("latin1.csv", "id,title_nb\nA,Sveisekurs på Nærøy\n".encode("latin-1"))])
    assert result.problems[0].render().startswith("latin1.csv:2: -: the file is not UTF-8")


def test_deeply_nested_json_is_a_problem_not_a_crash():
    result = load_sources([("deep.json", b"[" * 100_000)])
    assert not result.ok


def test_empty_columns_after_the_data_are_ignored_while_they_are_empty():
    header = "id;title_nb;course_type;sector;provider;county;start_date;;\r\n"
    good = load_sources([("x.csv", (header + "A;Kurs;industry;industry;P;03;2027-03-01;;\r\n").encode())])
    assert good.ok, [p.render() for p in good.problems]
    bad = load_sources([("x.csv", (header + "A;Kurs;industry;industry;P;03;2027-03-01;oops;\r\n").encode())])
    assert [p.render() for p in bad.problems] == [
        "x.csv:2: -: a cell has a value in a column that has no name in the header row"]


def test_a_single_pretty_printed_course_is_told_to_be_an_array():
    result = load_sources([("one.json", json.dumps(course(), indent=2).encode())])
    assert [p.render() for p in result.problems] == [
        "one.json:1: -: a JSON file must hold one array of courses: [ {...}, {...} ]"]

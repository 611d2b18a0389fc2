"""Imports read files as a stream: the same records and problems as reading a file whole, one course at a time."""

import json

import pytest

from coursefinder.catalogue.importing import import_files
from coursefinder.catalogue.loading import load_files, scan_files
from coursefinder.catalogue.readers import iter_file_records, read_records
from coursefinder.catalogue.loading import _spooled_lines as _ORIGINAL_SPOOLED_LINES
from conftest import course

GOOD = [course(id=f"S-{n}", title_nb=f"Sveisekurs {n} – Ålesund") for n in range(3)]
LINES = [json.dumps(record, ensure_ascii=False) for record in GOOD]

FILES = {
    "plain.jsonl": "\n".join(LINES).encode(),
    "trailing-newline.jsonl": ("\n".join(LINES) + "\n").encode(),
    "bom-crlf.jsonl": ("\ufeff" + "\r\n".join(LINES) + "\r\n").encode(),
    "blank-lines.jsonl": ("\n\n" + LINES[0] + "\n  \n" + LINES[1]).encode(),
    "no-extension": ("\n".join(LINES)).encode(),
    "broken-line.jsonl": (LINES[0] + "\n{\"id\": \n" + LINES[1]).encode(),
    "bad-utf8.jsonl": (LINES[0] + "\n").encode() + b'{"id": "X\xff"}\n' + LINES[1].encode(),
    "bad-utf8-late.jsonl": ("\n".join(LINES) + "\n").encode() * 2000 + b"\xc3",
    "nul.jsonl": (LINES[0] + "\n" + LINES[1] + "\x00\n").encode(),
    "nul-then-bad-utf8.jsonl": (LINES[0] + "\x00\n").encode() + b"\xff\n",
    "one-object.jsonl": json.dumps(GOOD[0], indent=2).encode(),
    "array.json": json.dumps(GOOD).encode(),
    "table.csv": "id;title_nb;course_type;provider;county\r\nC-1;Kurs;industry;P;03\r\n".encode(),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_streamed_file_gives_what_a_whole_file_gives(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(FILES[name])
    whole, whole_problems = read_records(str(path), FILES[name])
    problems = []
    streamed = list(iter_file_records(str(path), problems))
    assert streamed == whole
    assert [(p.line, p.message, p.params) for p in problems] == [(p.line, p.message, p.params) for p in whole_problems]


def test_a_scan_holds_no_courses_and_reads_them_again_in_order(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(FILES["plain.jsonl"])
    scan = scan_files([path])
    assert scan.ok and scan.count == 3 and not hasattr(scan, "courses_list")
    assert list(scan.courses()) == load_files([str(path)]).courses


def test_readers_of_one_scan_each_read_it_whole_at_once(tmp_path, monkeypatch):
    # The processes writing a big index's shares each read the scan's courses through the
    # one spool file they share: one reader must not move another's place in it.
    from coursefinder.catalogue import loading

    # Small chunks, so that the readers take turns inside the file, not only within one chunk.
    monkeypatch.setattr(loading, "_spooled_lines", lambda spool: _ORIGINAL_SPOOLED_LINES(spool, chunk=64))
    records = [course(id=f"R-{n}", title_nb=f"Kurs {n} " + "lang tekst " * (n % 7)) for n in range(40)]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in records), encoding="utf-8")
    scan = scan_files([path])
    first, second = scan.courses(), scan.courses()
    read_first, read_second = [], []
    # The first reader takes one course at a time, the second two, until both are at the end.
    for reader, read, step in ((first, read_first, 1), (second, read_second, 2)) * 40:
        read.extend(c.id for c in [next(reader, None) for _ in range(step)] if c is not None)
    ids = [record["id"] for record in records]
    assert read_first == ids and read_second == ids


def test_what_is_imported_is_what_was_checked_even_when_the_files_change_after(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(FILES["plain.jsonl"])
    scan = scan_files([path])
    expected = load_files([str(path)]).courses
    path.write_bytes(FILES["plain.jsonl"].replace(b"Sveisekurs 1", b"Sveisekurs X") + b'\n{"id": "BAD"}')
    assert list(scan.courses()) == expected
    assert [course.source for course in scan.courses(source="north")] == ["north"] * 3


def test_no_room_for_the_checked_courses_is_a_clear_problem_and_changes_nothing(tmp_path, monkeypatch):
    from coursefinder.catalogue import loading
    from coursefinder.search import current_generation

    path = tmp_path / "c.jsonl"
    path.write_bytes(FILES["plain.jsonl"])
    assert import_files([path], tmp_path / "index").ok
    before = current_generation(tmp_path / "index")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(loading.tempfile, "TemporaryFile", full)
    outcome = import_files([path], tmp_path / "index")
    assert not outcome.ok
    assert "No space left on device" in outcome.problems[0].render()
    assert current_generation(tmp_path / "index") == before

"""Import files and index folders nobody here would make: findings 10 and 11 of the hardening issue (12).

A broken or hostile file gives clear FILE:LINE: FIELD messages, in linear time and short;
two imports never both win; the index never follows a link out of itself.
"""

import json
import os
import socket
import subprocess
import sys
import threading
import time

from click.testing import CliRunner

from coursefinder.catalogue.importing import import_files
from coursefinder.catalogue.loading import load_sources
from coursefinder.cli import main
from coursefinder.search import check_index, current_generation, import_lock
from conftest import course, write_catalogue


def rendered(problems):
    return [problem.render() for problem in problems]


# 10a. Two imports at the same moment.

def test_10_a_second_import_waits_for_the_first_or_fails_at_once(tmp_path):
    index = tmp_path / "index"
    first = write_catalogue(tmp_path / "a.json", [course(id="A-1")])
    second = write_catalogue(tmp_path / "b.json", [course(id="B-1")])
    held, release = threading.Event(), threading.Event()

    def other_import():
        with import_lock(index):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=other_import)
    holder.start()
    held.wait(10)
    try:
        refused = CliRunner().invoke(main, ["import", str(first), "--index", str(index), "--no-wait"])
        assert refused.exit_code == 1 and "another import is writing" in refused.output
        assert current_generation(index) is None

        waited = {}
        waiter = threading.Thread(target=lambda: waited.update(
            outcome=import_files([second], index, on_wait=lambda: waited.update(said=True))))
        waiter.start()
        time.sleep(0.3)
        assert waiter.is_alive() and waited.get("said")      # waiting, and said so
    finally:
        release.set()
        holder.join()
    waiter.join(30)
    assert waited["outcome"].ok and current_generation(index) == "gen-000001"


# 10b. Headers and field names that cost more than they should.

def test_10_a_column_given_a_hundred_thousand_times_is_one_message():
    header = ",".join(["id"] * 100_000 + ["title_nb", "course_type", "sector", "provider", "county", "start_date"])
    row = ",".join(["X-1"] * 100_000 + ["Sveis", "industry", "industry", "P", "03", "2027-03-01"])
    loaded = load_sources([("c.csv", f"{header}\n{row}\n".encode())])
    lines = rendered(loaded.problems)
    assert lines == ["c.csv:1: id: the column appears 100000 times in the header; only the first is read"]


def test_10_a_huge_unknown_field_name_gives_a_short_message():
    name = "x" * 5_000_000
    loaded = load_sources([("c.json", json.dumps([{**course(id="H-1"), name: 1}]).encode())])
    lines = rendered(loaded.problems)
    assert len(lines) == 1 and len(lines[0]) < 300 and "unknown field" in lines[0]


def test_10_many_unknown_columns_are_one_message_each_and_rows_are_still_checked():
    csv = "id,tittle_nb,title_nb,course_type,sector,provider,county,start_date,kolonne\n" \
          "C-1,x,Sveis,industry,industry,P,99,2027-03-01,y\n"
    lines = rendered(load_sources([("c.csv", csv.encode())]).problems)
    assert lines == ["c.csv:1: tittle_nb: unknown column 'tittle_nb'; the format's columns are listed in the import "
                     "format guide",
                     "c.csv:1: kolonne: unknown column 'kolonne'; the format's columns are listed in the import format "
                     "guide",
                     "c.csv:2: county: '99' is not allowed; use one of: 03, 11, 15, 18, 31, 32, 33, 34, 39, 40, 42, 46, "
                     "50, 55, 56"]


# 10c. JSON that Python would read wrongly or not at all.

def test_10_a_field_given_twice_in_an_object_is_an_error_also_for_the_id(tmp_path):
    text = '[{"id": "A-1", "id": "B-1", "title_nb": "Sveis", "course_type": "industry", "sector": "industry", ' \
           '"provider": "P", "county": "03", "start_date": "2027-03-01", "county": "46"}]'
    lines = rendered(load_sources([("c.json", text.encode())]).problems)
    assert lines == ["c.json:1: id: the field is given more than once in this course; give it once",
                     "c.json:1: county: the field is given more than once in this course; give it once"]


def test_10_a_number_of_five_thousand_digits_is_a_clear_error():
    for text in ('[{"places": ' + "9" * 5000 + "}]", "places\n" + "9" * 5000 + "\n"):
        label = "c.json" if text.startswith("[") else "c.csv"
        lines = rendered(load_sources([(label, text.encode())]).problems)
        assert f"{label}:" in lines[0] and "places: is a number of 5000 digits; it must be from 1 to 1000" in \
            "\n".join(lines), lines
        assert "int_max_str_digits" not in "\n".join(lines)


# 10d. An index folder whose pointer or generations lead elsewhere.

def test_10_a_current_that_is_a_link_or_not_a_generation_name_is_not_followed(tmp_path):
    index = tmp_path / "index"
    assert import_files([write_catalogue(tmp_path / "a.json", [course(id="A-1")])], index).ok
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret\n")
    (index / "CURRENT").unlink()
    os.symlink(secret, index / "CURRENT")
    ok, lines = check_index(index)
    assert "secret" not in "\n".join(lines) and "does not name a generation" in lines[0]
    assert current_generation(index) == "gen-000001"      # the newest whole generation, not the link
    (index / "CURRENT").unlink()
    (index / "CURRENT").write_text("../../" + "x" * 5000)
    ok, lines = check_index(index)
    assert "xxxxx" not in "\n".join(lines) and current_generation(index) == "gen-000001"


def test_10_a_generation_folder_that_is_a_link_is_never_served(tmp_path):
    index = tmp_path / "index"
    assert import_files([write_catalogue(tmp_path / "a.json", [course(id="A-1")])], index).ok
    elsewhere = tmp_path / "elsewhere"
    assert import_files([write_catalogue(tmp_path / "b.json", [course(id="EVIL-1")])], elsewhere).ok
    os.symlink(elsewhere / "generations" / "gen-000001", index / "generations" / "gen-000009")
    (index / "CURRENT").write_text("gen-000009\n")
    assert current_generation(index) == "gen-000001"


# 11. A port in use.

def test_11_serve_on_a_port_in_use_says_so_in_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "coursefinder", "serve", "--port", str(port),
                                 "--index", str(tmp_path / "index")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"Error: 127.0.0.1:{port} is in use by another program; "
                                                  f"choose another with --port"]
    assert "Traceback" not in result.stdout + result.stderr

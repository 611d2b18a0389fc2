"""An import killed at any moment, or stopped by a full disk, leaves the old catalogue serving."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from browser import IN_CI, report
from coursefinder import create_app
from coursefinder.catalogue.synthetic import generate
from coursefinder.cli import main
from coursefinder.faults import POINTS
from coursefinder.catalogue.importing import import_files
from coursefinder.search import current_generation
from conftest import TODAY, course, write_catalogue

OLD = [course(id=f"OLD-{n}", title_nb=f"Sveisekurs {n}") for n in range(20)]
BIG = 3000    # courses in the big catalogue


@pytest.fixture()
def index(tmp_path):
    index = tmp_path / "index"
    assert import_files([write_catalogue(tmp_path / "old.json", OLD)], index).ok
    return index


@pytest.fixture(scope="module")
def big_catalogue(tmp_path_factory):
    return write_catalogue(tmp_path_factory.mktemp("big") / "big.json", generate(BIG, seed=11, today=TODAY))


def start_import(source, index, env=None):
    return subprocess.Popen([sys.executable, "-m", "coursefinder", "import", str(source), "--index", str(index)],
                            env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def served_total(index):
    app = create_app({"INDEX_DIR": str(index), "AUTO_SAMPLE": False, "RELOAD_INTERVAL": 0, "TODAY": TODAY})
    return app.test_client().get("/api/v1/courses?include_ended=1").json["total"]


def served_ids(index):
    app = create_app({"INDEX_DIR": str(index), "AUTO_SAMPLE": False, "RELOAD_INTERVAL": 0, "TODAY": TODAY})
    body = app.test_client().get("/api/v1/courses?per_page=100").json
    return {hit["id"] for hit in body["results"]}


def assert_old_catalogue_and_next_import_works(index, tmp_path, before):
    assert current_generation(index) == before
    assert served_ids(index) == {record["id"] for record in OLD}
    outcome = import_files([write_catalogue(tmp_path / "next.json", [course(id="NEXT-1")])], index)
    assert outcome.ok and served_ids(index) == {"NEXT-1"}
    # What the killed import left behind is cleaned up by the next one.
    assert not [entry for entry in os.listdir(index / "generations") if entry.startswith(".tmp-")]


@pytest.mark.parametrize("point", POINTS)
def test_an_import_killed_at_each_point_changes_nothing(index, tmp_path, big_catalogue, point):
    before = current_generation(index)
    marker = tmp_path / "reached"
    process = start_import(big_catalogue, index, {"COURSEFINDER_PAUSE_AT": point,
                                                  "COURSEFINDER_PAUSE_MARKER": str(marker)})
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, f"the import never reached {point}"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    report(f"crash test: import killed with SIGKILL at '{point}': old catalogue still served, next import fine")
    assert_old_catalogue_and_next_import_works(index, tmp_path, before)


@pytest.fixture(scope="module")
def import_seconds(tmp_path_factory, big_catalogue):
    """How long a whole import of the big catalogue takes here, to kill inside that time."""
    started = time.monotonic()
    process = start_import(big_catalogue, tmp_path_factory.mktemp("timing") / "index")
    assert process.wait() == 0
    return time.monotonic() - started


@pytest.mark.parametrize("seed", range(5))
def test_an_import_killed_at_a_random_moment_changes_nothing(index, tmp_path, big_catalogue, import_seconds, seed):
    before = current_generation(index)
    delay = random.Random(seed).uniform(0.05, 0.9) * import_seconds
    process = start_import(big_catalogue, index)
    time.sleep(delay)
    finished = process.poll() is not None
    process.send_signal(signal.SIGKILL)
    process.wait()
    if finished or current_generation(index) != before:
        # The import won the race (it ended, or was killed after its switch, while it cleaned up):
        # then it must have switched to the whole new catalogue.
        assert not finished or process.returncode == 0
        assert current_generation(index) != before
        assert len(served_ids(index)) == 100 and served_total(index) == BIG
        return
    report(f"crash test: import killed with SIGKILL after {delay:.2f} s of {import_seconds:.2f} s: "
           f"old catalogue still served, next import fine")
    assert_old_catalogue_and_next_import_works(index, tmp_path, before)


def can_mount_tmpfs(path):
    path.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


def test_a_full_disk_gives_a_clear_error_and_changes_nothing(tmp_path, big_catalogue):
    disk = tmp_path / "small-disk"
    if not can_mount_tmpfs(disk):
        if IN_CI:
            pytest.fail("CI runs as root and must be able to mount a small tmpfs")
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        index = disk / "index"
        assert import_files([write_catalogue(tmp_path / "old.json", OLD)], index).ok
        before = current_generation(index)
        result = CliRunner().invoke(main, ["import", str(big_catalogue), "--index", str(index)])
        assert result.exit_code == 1
        assert "the import failed and nothing was changed" in result.output and "No space left" in result.output
        assert current_generation(index) == before and served_ids(index) == {r["id"] for r in OLD}
        assert not [e for e in os.listdir(index / "generations") if e.startswith(".tmp-")]
        report("full disk (600 kB tmpfs): import exit 1, 'No space left on device', old catalogue still served")
    finally:
        # Lazily: the test's own app may still hold files open there.
        subprocess.run(["umount", "-l", str(disk)], check=False)

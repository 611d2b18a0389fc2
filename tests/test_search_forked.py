"""The forked processes that write a big index's shares: results in order, progress, and failures that
reach the import with their reason (never a process left behind, never a traceback in a log)."""

import errno
import os
import signal
import time

import pytest

from coursefinder.search.backend import forked
from coursefinder.search.backend.layout import GenerationError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked writing needs fork")


def _pids_written(folder):
    return [int(name.split("-")[1]) for name in os.listdir(folder) if name.startswith("pid-")]


def _mark_pid(folder):
    with open(os.path.join(folder, f"pid-{os.getpid()}"), "w", encoding="ascii"):
        pass


def _gone(pid):
    """Whether ``pid`` has ended (a zombie nobody has reaped yet counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def test_results_come_back_in_share_order_with_the_progress_of_all(tmp_path):
    seen = []

    def work(share, tick):
        for _ in range(300 * (share + 1)):
            tick()
        if share == 0:
            time.sleep(0.2)     # the first share ends last: the order is the shares', not the finishing
        return {"share": share, "pid": os.getpid()}

    results = forked.run_forked(str(tmp_path), 3, work, seen.append)
    assert [result["share"] for result in results] == [0, 1, 2]
    pids = {result["pid"] for result in results}
    assert len(pids | {os.getpid()}) == 4
    assert seen and seen[-1] == 300 + 600 + 900 and seen == sorted(seen)
    assert os.listdir(tmp_path) == []
    for pid in pids:    # each reaped: no longer a child of this process
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_a_share_s_exception_is_raised_here_with_its_message_and_the_others_are_stopped(tmp_path):
    marks = tmp_path / "marks"
    marks.mkdir()

    def work(share, tick):
        _mark_pid(marks)
        if share == 1:
            while len(os.listdir(marks)) < 2:
                time.sleep(0.01)
            raise ValueError("the course id 'X' comes twice")
        time.sleep(30)      # killed long before this
        return share

    started = time.monotonic()
    with pytest.raises(GenerationError, match="ValueError: the course id 'X' comes twice"):
        forked.run_forked(str(tmp_path / "marks"), 2, work)
    assert time.monotonic() - started < 20
    for pid in _pids_written(marks):
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        assert _gone(pid)


def test_a_full_disk_in_a_share_is_still_a_full_disk_here(tmp_path):
    # Its result file could not be written on that disk either: the reason comes another way.
    def work(share, tick):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError) as raised:
        forked.run_forked(str(tmp_path / "no-such-folder"), 2, work)
    assert raised.value.errno == errno.ENOSPC and "No space left" in raised.value.strerror


def test_a_share_that_dies_without_a_result_is_a_generation_error(tmp_path):
    def work(share, tick):
        if share == 0:
            os._exit(3)
        return share

    with pytest.raises(GenerationError, match="ended with code 3"):
        forked.run_forked(str(tmp_path), 2, work)


@pytest.mark.parametrize("make", ["unpicklable", "odd-init"])
def test_an_error_of_any_kind_reaches_the_parent_as_its_message(tmp_path, make):
    class Local(Exception):     # a local class cannot be pickled
        pass

    class OddInit(Exception):   # pickles, but cannot be unpickled
        def __init__(self, path, why):
            super().__init__(f"{path}: {why}")

    def work(share, tick):
        raise Local("disk went away") if make == "unpicklable" else OddInit("/x", "disk went away")

    with pytest.raises(GenerationError, match="disk went away"):
        forked.run_forked(str(tmp_path), 2, work)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
def test_the_shares_end_with_their_parent_when_it_is_killed(tmp_path):
    # A killed import's writers must not keep writing (and holding the import's lock).
    marks = tmp_path / "marks"
    marks.mkdir()
    middle = os.fork()
    if middle == 0:
        try:
            forked.run_forked(str(tmp_path), 2, lambda share, tick: (_mark_pid(marks), time.sleep(60)))
        finally:
            os._exit(0)
    deadline = time.monotonic() + 20
    while len(_pids_written(marks)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    shares = _pids_written(marks)
    assert len(shares) == 2
    os.kill(middle, signal.SIGKILL)
    os.waitpid(middle, 0)
    deadline = time.monotonic() + 10
    while not all(_gone(pid) for pid in shares) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_gone(pid) for pid in shares)

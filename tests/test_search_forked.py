"""The forked processes that write a big index's shares: results in order, progress, and failures that
reach the import (never a process left behind, never a traceback in a log)."""

import os
import time

import pytest

from coursefinder.search.backend import forked
from coursefinder.search.backend.layout import GenerationError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked writing needs fork")


def _children_of_this_process():
    try:
        with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children", encoding="ascii") as handle:
            return handle.read().split()
    except OSError:
        return []


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
    assert len({result["pid"] for result in results} | {os.getpid()}) == 4
    assert seen and seen[-1] == 300 + 600 + 900 and seen == sorted(seen)
    assert os.listdir(tmp_path) == [] and _children_of_this_process() == []


def test_a_share_s_exception_is_raised_here_and_the_others_are_stopped(tmp_path):
    def work(share, tick):
        if share == 1:
            raise ValueError("the course id 'X' comes twice")
        time.sleep(30)      # killed long before this
        return share

    started = time.monotonic()
    with pytest.raises(ValueError, match="comes twice"):
        forked.run_forked(str(tmp_path), 2, work)
    assert time.monotonic() - started < 20
    assert _children_of_this_process() == []


def test_a_share_that_dies_without_a_result_is_a_generation_error(tmp_path):
    def work(share, tick):
        if share == 0:
            os._exit(3)
        return share

    with pytest.raises(GenerationError, match="ended with code 3"):
        forked.run_forked(str(tmp_path), 2, work)


def test_an_error_that_cannot_be_pickled_still_reaches_the_parent_as_its_message(tmp_path):
    class Local(Exception):     # a local class cannot be pickled
        pass

    def work(share, tick):
        raise Local("disk went away")

    with pytest.raises(GenerationError, match="disk went away"):
        forked.run_forked(str(tmp_path), 2, work)

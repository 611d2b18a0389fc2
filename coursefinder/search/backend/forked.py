"""Run one piece of work in each of several forked processes, with their progress, and return their results.

Writing a big generation's index is work for every core: each process writes its own
share of the courses (a segment, and its part of the records), so that nothing has to
pass between processes but a small result at the end.  Whoosh's own multiprocessing
writer hands every document from one process to the others, pickled; that one process
was the import's bottleneck.

A child's result (or the exception that stopped it) comes back pickled in a file in
``folder``; its progress in a slot of a shared memory map.  A child that finds its
parent gone (killed) stops at once, so nothing keeps writing into a folder nobody will use.
"""

import gc
import mmap
import os
import pickle
import time

import numpy as np

from .layout import GenerationError

POLL_SECONDS = 0.05
_CHECK_PARENT_EVERY = 256


class Tick:
    """What a child's work calls after each unit of work: counts it where the parent reads it."""

    def __init__(self, slots, number):
        self._slots, self._number, self._parent = slots, number, os.getppid()

    def __call__(self):
        done = self._slots[self._number] + 1
        self._slots[self._number] = done
        if done % _CHECK_PARENT_EVERY == 0 and os.getppid() != self._parent:
            os._exit(1)


def run_forked(folder, procs, work, on_progress=None):
    """``work(number, tick)`` in ``procs`` forked processes (number 0 … procs - 1); their results in order.

    ``on_progress(done)`` is called in this process, as the children work, with how many
    units they have done together.  An exception in a child is raised here; a child that
    ends without a result raises :class:`GenerationError`; when this process is
    interrupted, the children are killed.
    """
    memory = mmap.mmap(-1, 8 * procs)
    slots = np.frombuffer(memory, dtype=np.int64)
    # Frozen, this process's objects stay shared with the children (the collector would
    # otherwise touch, and so copy, every page of them in each).
    gc.collect()
    gc.freeze()
    children = {}
    try:
        for number in range(procs):
            pid = os.fork()
            if pid == 0:
                _child(folder, number, work, Tick(slots, number))
            children[pid] = number
        ended = {}
        done = 0
        while len(ended) < procs:
            for pid in [pid for pid in children if pid not in ended]:
                finished, status = os.waitpid(pid, os.WNOHANG)
                if finished:
                    ended[pid] = os.waitstatus_to_exitcode(status)
                    if ended[pid] != 0:
                        # One share failed: so has the whole; the others are killed (below).
                        _result(folder, children[pid], ended[pid])
            if on_progress is not None and int(slots.sum()) != done:
                done = int(slots.sum())
                on_progress(done)
            if len(ended) < procs:
                time.sleep(POLL_SECONDS)
        return [_result(folder, number, ended[pid]) for pid, number in sorted(children.items(), key=lambda c: c[1])]
    except BaseException:
        for pid in children:
            _kill(pid)
        raise
    finally:
        gc.unfreeze()
        del slots
        memory.close()


def _child(folder, number, work, tick):
    code = 0
    try:
        try:
            outcome = {"result": work(number, tick)}
        except BaseException as error:  # noqa: B036 - everything goes back to the parent, nothing to a log
            code, outcome = 1, {"error": error}
        with open(_result_path(folder, number), "wb") as handle:
            try:
                pickle.dump(outcome, handle)
            except Exception:
                handle.seek(0)
                handle.truncate()
                pickle.dump({"error": GenerationError(str(outcome.get("error")))}, handle)
    except BaseException:
        code = 2
    finally:
        # Never back into the parent's code (its callers, its atexit handlers): this process ends here.
        os._exit(code)


def _result(folder, number, code):
    path = _result_path(folder, number)
    try:
        with open(path, "rb") as handle:
            outcome = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError):
        raise GenerationError(f"writing process {number + 1} ended with code {code} and no result") from None
    finally:
        if os.path.exists(path):
            os.unlink(path)
    if "error" in outcome:
        raise outcome["error"]
    if code != 0:
        raise GenerationError(f"writing process {number + 1} ended with code {code}")
    return outcome["result"]


def _result_path(folder, number):
    return os.path.join(folder, f".part-{number}.result")


def _kill(pid):
    try:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass

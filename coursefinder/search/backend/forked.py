"""Run one piece of work in each of several forked processes, with their progress, and return their results.

Writing a big generation's index is work for every core: each process writes its own
share of the courses (a segment, and its part of the records), so that nothing has to
pass between processes but a small result at the end.  Whoosh's own multiprocessing
writer hands every document from one process to the others, pickled; that one process
was the import's bottleneck.

A child's result comes back pickled in a file in ``folder``; the exception that stopped
it, made small and plain, through a pipe (a full disk must still say it is full); its
progress in a slot of a shared memory map.  A child dies with its parent (killed, the
import's lock must not stay held by a process nobody waits for).
"""

import ctypes
import errno
import gc
import mmap
import os
import pickle
import signal
import sys
import time

import numpy as np

from .layout import GenerationError

POLL_SECONDS = 0.05
_CHECK_PARENT_EVERY = 256
_MESSAGE_CHARS = 1_000
_PR_SET_PDEATHSIG = 1


class Tick:
    """What a child's work calls after each unit of work: counts it where the parent reads it."""

    def __init__(self, slots, number, parent):
        self._slots, self._number, self._parent = slots, number, parent

    def __call__(self):
        done = self._slots[self._number] + 1
        self._slots[self._number] = done
        # Where the kernel cannot end a child with its parent (below), the child looks now and then.
        if done % _CHECK_PARENT_EVERY == 0 and os.getppid() != self._parent:
            os._exit(1)


def run_forked(folder, procs, work, on_progress=None):
    """``work(number, tick)`` in ``procs`` forked processes (number 0 … procs - 1); their results in order.

    ``on_progress(done)`` is called in this process, as the children work, with how many
    units they have done together.  A child's exception is raised here (an ``OSError`` as
    one, with its errno; others as :class:`GenerationError` with their message), the
    other children killed at once; a child that ends without a result raises
    :class:`GenerationError`; when this process is interrupted, the children are killed.
    """
    memory = mmap.mmap(-1, 8 * procs)
    slots = np.frombuffer(memory, dtype=np.int64)
    parent = os.getpid()
    # Frozen, this process's objects stay shared with the children (the collector would
    # otherwise touch, and so copy, every page of them in each).
    gc.collect()
    gc.freeze()
    children, pipes, ended = {}, {}, {}
    try:
        for number in range(procs):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                _child(folder, number, work, slots, parent, write_end)
            os.close(write_end)
            children[pid], pipes[number] = number, read_end
        done = 0
        while len(ended) < procs:
            for pid in [pid for pid in children if pid not in ended]:
                finished, status = os.waitpid(pid, os.WNOHANG)
                if finished:
                    ended[pid] = os.waitstatus_to_exitcode(status)
                    if ended[pid] != 0:
                        # One share failed: so has the whole; the others are killed (below).
                        _result(folder, children[pid], ended[pid], pipes[children[pid]])
            if on_progress is not None and int(slots.sum()) != done:
                done = int(slots.sum())
                on_progress(done)
            if len(ended) < procs:
                time.sleep(POLL_SECONDS)
        return [_result(folder, number, ended[pid], pipes[number])
                for pid, number in sorted(children.items(), key=lambda child: child[1])]
    except BaseException:
        for pid in children:
            if pid not in ended:    # a reaped child's number may be another process's by now
                _kill(pid)
        raise
    finally:
        for read_end in pipes.values():
            os.close(read_end)
        for number in range(procs):
            _remove(_result_path(folder, number))
        gc.unfreeze()
        del slots
        memory.close()


def _child(folder, number, work, slots, parent, errors):
    code = 0
    try:
        _die_with_parent(parent)
        try:
            result = work(number, Tick(slots, number, parent))
            with open(_result_path(folder, number), "wb") as handle:
                pickle.dump(result, handle)
        except BaseException as error:  # noqa: B036 - everything goes back to the parent, nothing to a log
            code = 1
            os.write(errors, pickle.dumps(_plain(error)))
    except BaseException:
        code = 2
    finally:
        # Never back into the parent's code (its callers, its atexit handlers): this process ends here.
        os._exit(code)


def _die_with_parent(parent):
    """Ask the kernel (Linux) to kill this process when its parent ends; elsewhere ``Tick`` looks."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:      # the parent ended before the request was made
        os._exit(1)


def _plain(error):
    """The error as a small exception that pickles and unpickles anywhere: an OSError keeps its errno."""
    message = str(error)[:_MESSAGE_CHARS]
    if isinstance(error, OSError):
        return OSError(error.errno or errno.EIO, (error.strerror or message)[:_MESSAGE_CHARS])
    if isinstance(error, GenerationError):
        return GenerationError(message)
    return GenerationError(f"{type(error).__name__}: {message}" if message else type(error).__name__)


def _result(folder, number, code, errors):
    if code != 0:
        error = _read_error(errors)
        raise error if error is not None else GenerationError(f"writing process {number + 1} ended with code {code}")
    try:
        with open(_result_path(folder, number), "rb") as handle:
            return pickle.load(handle)
    except Exception:
        raise GenerationError(f"writing process {number + 1} ended with no result") from None


def _read_error(errors):
    data = b""
    os.set_blocking(errors, False)
    try:
        while chunk := os.read(errors, 65536):
            data += chunk
    except BlockingIOError:
        pass
    try:
        error = pickle.loads(data) if data else None
    except Exception:
        return None
    return error if isinstance(error, (OSError, GenerationError)) else None


def _result_path(folder, number):
    return os.path.join(folder, f".part-{number}.result")


def _remove(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass

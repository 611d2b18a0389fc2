"""The catalogue a process serves: the current generation, reopened when an import switches it."""

import logging
import os
import threading
import time

from ...memory import release_memory
from .engine import Generation
from .generations import CURRENT, candidates

log = logging.getLogger(__name__)


class CatalogueStore:
    """Gives each search_request the newest complete generation.

    The ``CURRENT`` pointer is checked at most every ``reload_interval`` seconds, so a
    new import is served within seconds without a restart.  A search_request that already
    holds the old generation finishes on it.
    """

    def __init__(self, index_dir, reload_interval=1.0, background=False, today=None):
        self.index_dir = os.fspath(index_dir)
        self.reload_interval = reload_interval
        # The day a new generation's warm-up search is made on (the site's clock).
        self.today = today
        # Open a new generation in a thread while requests go on with the old one.
        self.background = background
        self._generation = None
        self._pointer = None
        self._opening = False
        self._checked = 0.0
        self._lock = threading.Lock()

    def _read_pointer(self):
        try:
            stat = os.stat(os.path.join(self.index_dir, CURRENT))
            return (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            return None

    def get(self):
        """The generation to search, or None when the index holds no catalogue."""
        now = time.monotonic()
        if self._generation is not None and now - self._checked < self.reload_interval:
            return self._generation
        switched = False
        with self._lock:
            if self._generation is not None and now - self._checked < self.reload_interval:
                return self._generation
            pointer = self._read_pointer()
            gone = self._generation is not None and not self._generation.still_on_disk()
            if gone:
                # An idle process, several imports later: its generation has been removed.
                # Open the current one before answering rather than read a deleted one.
                log.info("generation %s is no longer on disk; opening the current one", self._generation.name)
            if gone or self._generation is None or (pointer != self._pointer and not self.background):
                opened = open_best(self.index_dir, keep=None if gone else self._generation)
                switched = self._generation is not None and opened is not self._generation
                self._generation, self._pointer = opened, pointer
                del opened
            elif pointer != self._pointer and not self._opening:
                self._opening = True
                threading.Thread(target=self._open_in_background, args=(pointer,), daemon=True).start()
            self._checked = time.monotonic()
            found = self._generation
        if switched:
            release_memory()    # outside the lock: the other threads go on meanwhile
        return found

    def _open_in_background(self, pointer):
        generation = self._generation
        try:
            opened = open_best(self.index_dir, keep=self._generation)
            if opened is not None and opened is not self._generation:
                opened.warm_up(self.today() if self.today else None)
            generation = opened or generation
        except Exception:  # the old generation goes on serving; the next check tries again
            log.exception("could not open the new catalogue generation")
            pointer = self._pointer
        finally:
            with self._lock:
                old, self._generation = self._generation, generation
                self._pointer = pointer
                self._opening = False
            if old is not generation:
                del old
                release_memory()


def open_best(index_dir, keep=None):
    """The best generation that opens, trying older ones when one is broken; ``keep`` if none does.

    A generation can be damaged on disk (a truncated file, a lost segment); it is
    reported and skipped, so the site goes on with the last good catalogue.
    """
    for name in candidates(index_dir):
        if keep is not None and name == keep.name:
            return keep
        try:
            generation = Generation(index_dir, name)
        except Exception as error:  # any damage must leave the site serving
            log.error("cannot open index generation %s in %s: %s", name, index_dir, error)
            continue
        log.info("serving catalogue generation %s", name)
        return generation
    return keep

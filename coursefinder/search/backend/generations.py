"""Index generations: each import is written to a new folder, then switched to at once.

Layout of an index folder::

    CURRENT                    name of the generation being served (replaced atomically)
    generations/gen-000042/    one complete Whoosh index plus manifest.json
    generations/.tmp-.../      a generation being written (never served)
    .import.lock               held while an import writes and switches

A reader only ever opens the generation that ``CURRENT`` names, and ``CURRENT`` only
ever names a generation that was complete and synced before the switch, so a failed
or killed import leaves the catalogue as it was.  Old generations are removed after
the switch, keeping the previous one for readers that still have it open.
"""

import datetime as dt
import fcntl
import json
import logging
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager

from whoosh import index as whoosh_index

from ... import clock, settings
from ...faults import checkpoint
from ..language import index_memo
from ..suggest import suggestions_of
from .index_writing import write_index
# The folder's names and errors are named here too, where the rest of the package finds them.
from .layout import (CURRENT, GENERATIONS, MANIFEST, REMOVED, SUGGESTIONS, SUMMARIES, WORDS, _NAME,  # noqa: F401
                     GenerationError, ImportBusy)
from .schema import INDEX_VERSION

log = logging.getLogger(__name__)

KEEP_OLD = 1


def _fsync_dir(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_HELD = threading.local()


@contextmanager
def import_lock(index_dir, wait=True, on_wait=None):
    """Hold the index for one import at a time, across processes (an exclusive lock on a file).

    A second import waits (``on_wait`` is called first, to say so), or with ``wait=False``
    raises :class:`ImportBusy` at once.  The same thread may take it again (an import that
    writes a generation inside its own lock).
    """
    key = os.path.abspath(index_dir)
    held = getattr(_HELD, "dirs", None)
    if held is None:
        held = _HELD.dirs = set()
    if key in held:
        yield
        return
    os.makedirs(index_dir, exist_ok=True)
    with open(os.path.join(index_dir, ".import.lock"), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise ImportBusy(f"another import is writing to {index_dir}; try again when it has finished") \
                    from None
            if on_wait:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
            fcntl.flock(handle, fcntl.LOCK_UN)


def generation_names(index_dir):
    """The generation folders of an index, oldest first; a symbolic link is never one (it could lead anywhere)."""
    folder = os.path.join(index_dir, GENERATIONS)
    try:
        names = [entry.name for entry in os.scandir(folder)
                 if _NAME.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False)]
    except FileNotFoundError:
        return []
    return sorted(names, key=lambda name: int(_NAME.fullmatch(name).group(1)))


def read_manifest(index_dir, name):
    path = os.path.join(index_dir, GENERATIONS, name, MANIFEST)
    with open(path, encoding="utf-8") as handle:
        manifest = json.load(handle)
    if manifest.get("generation") != name or not isinstance(manifest.get("count"), int):
        raise ValueError(f"{path} does not describe generation {name}")
    return manifest


def named_in_current(index_dir):
    """The generation ``CURRENT`` names, or None when it is missing or names no generation folder of this index.

    ``CURRENT`` is a small file written by imports; a symbolic link, or a name that is not
    a generation's, is not followed (a server must never serve or print what lies elsewhere).
    """
    path = os.path.join(index_dir, CURRENT)
    try:
        if os.path.islink(path):
            log.error("%s is a symbolic link; it must be a file written by an import", path)
            return None
        with open(path, "rb") as handle:
            text = handle.read(64).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not _NAME.fullmatch(text):
        return None
    return text


def candidates(index_dir):
    """Generations worth trying, best first: the one ``CURRENT`` names, then the newest complete ones.

    A generation whose manifest is missing or broken is left out, and the problem logged.
    """
    name = named_in_current(index_dir)
    names = generation_names(index_dir)
    if name is not None and name not in names:
        log.error("%s names %s, which is not a generation folder of this index; looking for another",
                  os.path.join(index_dir, CURRENT), name)
        name = None
    found = []
    for candidate in [name] + list(reversed(names)):
        if candidate is None or candidate in found:
            continue
        try:
            read_manifest(index_dir, candidate)
        except (OSError, ValueError) as error:
            if candidate == name:
                log.error("index generation %r named in %s is unusable (%s); looking for an older one",
                          name, os.path.join(index_dir, CURRENT), error)
            continue
        found.append(candidate)
    return found


def current_generation(index_dir):
    """The name of the generation to serve, or None when there is none yet."""
    found = candidates(index_dir)
    if found and found[0] != named_in_current(index_dir):
        log.warning("serving generation %s", found[0])
    return found[0] if found else None


def generation_path(index_dir, name):
    return os.path.join(index_dir, GENERATIONS, name)


def _write_atomically(path, text):
    folder = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def build_generation(index_dir, courses, on_course=None, keep_old_seconds=None, notes=None):
    """Write ``courses`` as a new generation and switch to it; return its name.

    Raises :class:`GenerationError` (with nothing changed) when the generation cannot
    be written, for instance on a full disk.  A generation older than the previous one
    is removed once its successor has served for ``keep_old_seconds`` (the
    KEEP_OLD_SECONDS setting), so that every server process has long left it.  ``notes``
    are kept in the manifest (the files and sources imported, which week the bundled
    sample was moved to).
    """
    if keep_old_seconds is None:
        keep_old_seconds = settings.load()["KEEP_OLD_SECONDS"]
    folders = os.path.join(index_dir, GENERATIONS)
    try:
        os.makedirs(folders, exist_ok=True)
        with import_lock(index_dir):
            names = generation_names(index_dir)
            number = int(_NAME.fullmatch(names[-1]).group(1)) + 1 if names else 1
            previous = current_generation(index_dir)
            name = f"gen-{number:06d}"
            tmp = tempfile.mkdtemp(dir=folders, prefix=".tmp-")
            try:
                with index_memo():
                    written = write_index(tmp, courses, on_course)
                _write_atomically(os.path.join(tmp, WORDS), json.dumps(written.words, ensure_ascii=False))
                _write_atomically(os.path.join(tmp, SUGGESTIONS),
                                  json.dumps(suggestions_of(written.titles, written.words), ensure_ascii=False))
                _write_atomically(os.path.join(tmp, REMOVED),
                                  json.dumps(_removed(index_dir, previous, written.ids), ensure_ascii=False))
                manifest = {"generation": name, "format": 1, "index_version": INDEX_VERSION, "count": written.count,
                            "created": clock.now().isoformat(timespec="seconds"), **(notes or {})}
                _write_atomically(os.path.join(tmp, MANIFEST), json.dumps(manifest, indent=1))
                for entry in os.listdir(tmp):
                    with open(os.path.join(tmp, entry), "rb") as handle:
                        os.fsync(handle.fileno())
                os.rename(tmp, os.path.join(folders, name))
                _fsync_dir(folders)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            checkpoint("before-switch")
            _write_atomically(os.path.join(index_dir, CURRENT), name + "\n")
            _remove_old(index_dir, name, keep_old_seconds)
            return name
    except OSError as error:
        raise GenerationError(f"could not write a new index generation in {index_dir}: "
                              f"{error.strerror or error}") from error


def read_json(index_dir, name, filename, default):
    try:
        with open(os.path.join(generation_path(index_dir, name), filename), encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return default


def _removed(index_dir, previous, ids):
    """Courses that were in earlier catalogues and are not in this one (``ids``), with when they went."""
    if previous is None:
        return {}
    removed = read_json(index_dir, previous, REMOVED, {})
    today = clock.today().isoformat()
    for course_id, summary in read_json(index_dir, previous, SUMMARIES, {}).items():
        removed.setdefault(course_id, {**summary, "removed": today})
    return {course_id: facts for course_id, facts in removed.items() if course_id not in ids}


def _remove_old(index_dir, current, keep_old_seconds):
    names = generation_names(index_dir)
    old = [name for name in names if name != current][:-KEEP_OLD or None]
    now = clock.now()
    for name in old:
        successor = names[names.index(name) + 1]
        try:
            # Ages from the one clock that wrote the manifests, not from file times (which a
            # network file system may skew).
            switched = dt.datetime.fromisoformat(read_manifest(index_dir, successor)["created"])
        except (OSError, ValueError, KeyError):
            continue
        if (now - switched).total_seconds() >= keep_old_seconds:
            shutil.rmtree(generation_path(index_dir, name), ignore_errors=True)
    folder = os.path.join(index_dir, GENERATIONS)
    for entry in os.listdir(folder):
        # Left behind by an import that was killed; never the one being written, as
        # we hold the import lock.
        if entry.startswith(".tmp-"):
            shutil.rmtree(os.path.join(folder, entry), ignore_errors=True)


def open_generation(index_dir, name):
    return whoosh_index.open_dir(generation_path(index_dir, name))


def is_outdated(index_dir, name):
    """True when the generation was written by another version of the schema and analysis."""
    return read_manifest(index_dir, name).get("index_version") != INDEX_VERSION

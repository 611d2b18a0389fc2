"""Load a whole catalogue from import files: all of it valid, or nothing and every problem."""

import os
import tempfile
from dataclasses import dataclass, field

from ..faults import checkpoint
from .model import Course, record_line
from .nav_format import read_nav_records
from .problems import N_, NO_FIELD, Problem
from .readers import iter_file_records, iter_records, read_records
from .sources import record_digest
from .validation import check_record, check_unique_ids, valid_id

# How a file is read: the import format (JSON, JSON Lines or CSV, told apart by the file),
# or Nav's own course records (see docs/nav-format.md).
FORMATS = {"auto": read_records, "nav": read_nav_records}


@dataclass
class LoadResult:
    courses: list
    problems: list
    located: list = field(default_factory=list)     # (label, line, course) of every valid course
    warnings: list = field(default_factory=list)    # problems that do not stop an import

    @property
    def ok(self):
        return not self.problems


def _checked(sources, fmt, problems, ids, on_record=None):
    """``(label, line, course)`` of every valid record of ``sources``, in order: ``(label, bytes)`` pairs, or
    ``(path, None)`` for a file read when its turn comes.  Every record's problems go to ``problems``, the
    ``(label, line, id)`` of every record with a valid id to ``ids``."""
    read = 0
    for label, data in sources:
        if fmt == "auto":
            records = iter_file_records(label, problems) if data is None else iter_records(label, data, problems)
        else:
            if data is None:
                with open(label, "rb") as handle:
                    data = handle.read()
            records, file_problems = FORMATS[fmt](label, data)
            problems.extend(file_problems)
        del data
        for line, record, source in records:
            read += 1
            course, record_problems = check_record(label, line, record, source)
            course_id = valid_id(record)
            if course_id is not None:
                ids.append((label, line, course_id))
            problems.extend(record_problems)
            if read == 1:
                checkpoint("parsing")
            if on_record:
                on_record()
            if course is not None:
                yield label, line, course


def _finished(labels, problems, ids, any_course):
    """``(problems, warnings)``, each in file and line order, with the clashes of ids and an empty catalogue."""
    # Every record with a valid id counts, so a clash is reported even beside other problems.
    problems.extend(check_unique_ids(ids))
    if not problems and not any_course:
        problems.append(Problem(labels[0] if labels else "-", 1, NO_FIELD,
                                N_("the files hold no courses; an import must hold the whole catalogue")))
    order = _problem_order(labels)
    return (sorted((problem for problem in problems if not problem.warning), key=order),
            sorted((problem for problem in problems if problem.warning), key=order))


def load_sources(sources, on_record=None, fmt="auto"):
    """``sources``: ``(label, bytes)`` pairs.  Every problem of every source is listed."""
    problems, ids = [], []
    located = list(_checked(sources, fmt, problems, ids, on_record))
    problems, warnings = _finished([label for label, _ in sources], problems, ids, bool(located))
    courses = [] if problems else [course for _, _, course in located]
    return LoadResult(courses, problems, [] if problems else located, warnings)


def _problem_order(labels):
    order = {label: index for index, label in enumerate(labels)}
    return lambda p: (order.get(p.file, len(order)), p.line)


def _unreadable(paths):
    problems = []
    for path in paths:
        try:
            with open(path, "rb"):
                pass
        except OSError as error:
            problems.append(Problem(str(path), 1, NO_FIELD, N_("cannot read the file: %(reason)s"),
                                    {"reason": error.strerror or str(error)}))
    return problems


def _read_each(paths):
    """``(path, None)`` of each file: each is read when its turn comes (JSON Lines a line at a time)."""
    return [(str(path), None) for path in paths]


def load_files(paths, on_record=None, fmt="auto"):
    problems = _unreadable(paths)
    if problems:
        return LoadResult([], problems)
    sources = []
    for path in paths:
        with open(path, "rb") as handle:
            sources.append((str(path), handle.read()))
    return load_sources(sources, on_record, fmt)


@dataclass(slots=True)
class Located:
    """Where a valid course is, and what the import's plan needs of it (not the course)."""
    label: str
    line: int
    id: str
    digest: bytes
    county: str


@dataclass
class Scan:
    """Import files read through once, holding what a plan needs of each course but not the courses:
    memory that does not grow with a record's size.  The checked courses wait in ``spool`` (a
    temporary file, one JSON record a line), and :meth:`courses` reads them back one at a time:
    the files are not read or checked a second time, and what is imported is what was checked."""
    paths: list
    fmt: str
    problems: list
    warnings: list = field(default_factory=list)
    located: list = field(default_factory=list)     # Located of every valid course, in order
    spool: object = None

    @property
    def ok(self):
        return not self.problems

    @property
    def count(self):
        return len(self.located)

    def close(self):
        if self.spool is not None:
            _close(self.spool)

    def courses(self, source=None):
        """The valid courses of the files, in order; with ``source``, as the courses of that source."""
        for line in _spooled_lines(self.spool):
            yield Course.from_line(line) if source is None else Course.from_line(line, source=source)


def _spooled_lines(spool, chunk=1 << 20):
    """The lines of a spool from its start.  Read at an offset of its own (``os.pread``): the processes
    that write a big index share the spool's one open file, and each reads it from the start."""
    if not hasattr(os, "pread"):
        spool.seek(0)
        yield from spool
        return
    offset, rest = 0, b""
    while True:
        data = os.pread(spool.fileno(), chunk, offset)
        if not data:
            break
        offset += len(data)
        lines = (rest + data).split(b"\n")
        rest = lines.pop()
        yield from lines
    if rest:
        yield rest


def scan_files(paths, on_record=None, fmt="auto", spool_dir=None):
    """Check import files as a stream (one file's bytes and one record at a time): a :class:`Scan`.

    The checked courses wait in a temporary file in ``spool_dir`` (an import's own index
    folder: it has room for the catalogue anyway, where a memory-backed /tmp may not);
    close the scan when done with it.
    """
    paths = [str(path) for path in paths]
    problems = _unreadable(paths)
    if problems:
        return Scan(paths, fmt, problems)
    ids, located, stamps = [], [], _stamps(paths)
    try:
        spool = tempfile.TemporaryFile(prefix=".coursefinder-import-", dir=spool_dir)
    except OSError as error:
        return _no_room(paths, fmt, error)
    for label, line, course in _checked(_read_each(paths), fmt, problems, ids, on_record):
        record = course.to_record()
        located.append(Located(label, line, course.id, record_digest(record), course.county))
        try:
            spool.write(record_line(record))
        except OSError as error:
            return _no_room(paths, fmt, error, spool)
    try:
        spool.flush()
    except OSError as error:
        return _no_room(paths, fmt, error, spool)
    problems, warnings = _finished(paths, problems, ids, bool(located))
    if _stamps(paths) != stamps:
        problems.append(Problem(paths[0], 0, NO_FIELD, N_("the import failed and nothing was changed: %(reason)s"),
                                {"reason": "the files changed while they were read"}))
    return Scan(paths, fmt, problems, warnings, [] if problems else located, spool)


def _no_room(paths, fmt, error, spool=None):
    if spool is not None:
        _close(spool)
    return Scan(paths, fmt, [Problem(paths[0], 0, NO_FIELD, N_("the import failed and nothing was changed: %(reason)s"),
                                     {"reason": f"no room for the checked courses: {error.strerror or error}"})])


def _close(spool):
    """Close a spool; what it could not write is gone with it (it was temporary)."""
    try:
        spool.close()
    except OSError:
        pass


def _stamps(paths):
    found = []
    for path in paths:
        stat = os.stat(path)
        found.append((stat.st_size, stat.st_mtime_ns, stat.st_ino))
    return found


class CourseStream:
    """Courses read when they are iterated over (from files, a generation), each time; ``len`` is known before."""

    def __init__(self, count, make):
        self.count, self._make = count, make

    def __len__(self):
        return self.count

    def __iter__(self):
        return iter(self._make())

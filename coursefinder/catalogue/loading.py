"""Load a whole catalogue from import files: all of it valid, or nothing and every problem."""

from dataclasses import dataclass, field

from ..faults import checkpoint
from .nav_format import read_nav_records
from .problems import N_, NO_FIELD, Problem
from .readers import read_records
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


def load_sources(sources, on_record=None, fmt="auto"):
    """``sources``: ``(label, bytes)`` pairs.  Every problem of every source is listed."""
    problems, located, ids, read = [], [], [], 0
    read_file = FORMATS[fmt]
    for label, data in sources:
        records, file_problems = read_file(label, data)
        problems.extend(file_problems)
        for line, record, source in records:
            read += 1
            course, record_problems = check_record(label, line, record, source)
            course_id = valid_id(record)
            if course_id is not None:
                ids.append((label, line, course_id))
            problems.extend(record_problems)
            if course is not None:
                located.append((label, line, course))
            if read == 1:
                checkpoint("parsing")
            if on_record:
                on_record()
    # Every record with a valid id counts, so a clash is reported even beside other problems.
    problems.extend(check_unique_ids(ids))
    if not problems and not located:
        problems.append(Problem(sources[0][0] if sources else "-", 1, NO_FIELD,
                                N_("the files hold no courses; an import must hold the whole catalogue")))
    warnings = [problem for problem in problems if problem.warning]
    problems = [problem for problem in problems if not problem.warning]
    courses = [] if problems else [course for _, _, course in located]
    order = _problem_order(sources)
    return LoadResult(courses, sorted(problems, key=order), [] if problems else located, sorted(warnings, key=order))


def _problem_order(sources):
    order = {label: index for index, (label, _) in enumerate(sources)}
    return lambda p: (order.get(p.file, len(order)), p.line)


def load_files(paths, on_record=None, fmt="auto"):
    sources, problems = [], []
    for path in paths:
        try:
            with open(path, "rb") as handle:
                sources.append((str(path), handle.read()))
        except OSError as error:
            problems.append(Problem(str(path), 1, NO_FIELD, N_("cannot read the file: %(reason)s"),
                                    {"reason": error.strerror or str(error)}))
    if problems:
        return LoadResult([], problems)
    return load_sources(sources, on_record, fmt)


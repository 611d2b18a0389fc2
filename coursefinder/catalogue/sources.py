"""Sources: the pieces the national catalogue is published in.

Each county office, provider or national feed is a *source*, named when it imports
(``--source NAME``: lower-case letters, digits and hyphens).  An import for a source
replaces that source's courses and no others; course ids are unique across all sources.
Courses imported without a source belong to ``WHOLE`` (today's meaning of an import:
the whole catalogue); the bundled sample belongs to ``SAMPLE``.  Both names are reserved.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

import orjson

NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
WHOLE = "catalogue"
SAMPLE = "sample"


def valid_name(name):
    return bool(NAME.fullmatch(name or "")) and name not in (WHOLE, SAMPLE)


@dataclass
class Change:
    """What an import does to one source's courses."""
    added: list = field(default_factory=list)       # course ids
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def replaced(self):
        return len(self.changed) + len(self.removed) + self.unchanged


def digest(course):
    """A fingerprint of what a course says, its source aside: equal for equal content."""
    return record_digest(course.to_record())


def record_digest(record):
    """The same of a course's record (``Course.to_record``); compared within one import, never stored."""
    record = {name: value for name, value in record.items() if name != "source"}
    return hashlib.blake2b(orjson.dumps(record, option=orjson.OPT_SORT_KEYS), digest_size=16).digest()


@dataclass(frozen=True, slots=True)
class Facts:
    """What a plan needs of a course: its id, source, content's fingerprint and county."""
    id: str
    source: str | None
    digest: bytes
    county: str


def facts_of(course, source=None):
    """The :class:`Facts` of a course (``source``: instead of its own)."""
    return Facts(course.id, source or course.source, digest(course), course.county)


def _digest(item):
    return item.digest if isinstance(item, Facts) else digest(item)


def compare(old, new):
    """``{source: Change}`` from the courses before (``old``) to after (``new``), for every source in either.

    Either may be courses or their :class:`Facts`."""
    changes = {}
    before = {course.id: course for course in old}
    after = {course.id: course for course in new}
    for course_id, course in after.items():
        change = changes.setdefault(course.source, Change())
        previous = before.get(course_id)
        if previous is None or previous.source != course.source:
            change.added.append(course_id)
        elif _digest(previous) != _digest(course):
            change.changed.append(course_id)
        else:
            change.unchanged += 1
    for course_id, course in before.items():
        if course_id not in after or after[course_id].source != course.source:
            changes.setdefault(course.source, Change()).removed.append(course_id)
    return changes


def summarise(courses, previous, imported, now):
    """The manifest's ``sources``: ``{name: {"courses", "counties", "imported"}}`` (``courses``: courses or Facts).

    ``previous`` is the manifest's summary before this import; the sources in ``imported``
    were imported now (``now``, an ISO time), the others keep their time.
    """
    counts, counties = Counter(), {}
    for course in courses:
        counts[course.source] += 1
        counties.setdefault(course.source, set()).add(course.county)
    return {name: {"courses": counts[name], "counties": sorted(counties[name]),
                   "imported": now if name in imported else (previous.get(name) or {}).get("imported", now)}
            for name in sorted(counts)}

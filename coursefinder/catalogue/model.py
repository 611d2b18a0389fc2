"""A course as the rest of coursefinder sees it: checked values with the format's defaults."""

import datetime as dt
from dataclasses import MISSING, dataclass, fields, replace

import orjson

from . import vocabulary


def has_ended(end_date, today):
    """Whether a course that ends on ``end_date`` (None: not told) has ended by ``today``."""
    return end_date is not None and end_date < today


@dataclass(frozen=True)
class Course:
    id: str
    title_nb: str
    course_type: str
    provider: str
    county: str
    title_en: str | None = None
    summary_nb: str | None = None
    summary_en: str | None = None
    description_nb: str | None = None
    description_en: str | None = None
    sector: str | None = None
    municipality: str | None = None
    place: str | None = None
    address: str | None = None
    delivery: str = "in-person"
    start_type: str = "fixed"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    application_deadline: dt.date | None = None
    duration_weeks: int | None = None
    hours_per_week: float | None = None
    places: int | None = None
    age_min: int = vocabulary.AGE_MIN_DEFAULT
    age_max: int | None = None
    norwegian_training: bool = False
    norwegian_level: str | None = None
    norwegian_test: bool = False
    target_groups: tuple = ()
    content: tuple = ()
    certifications: tuple = ()
    driving_licences: tuple = ()
    status: str = "open"
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    url: str | None = None
    updated_at: dt.datetime | None = None
    # Not a field of the format: the source (county office, provider, feed) that imported
    # the course; "" for a whole-catalogue import (see catalogue/sources.py).
    source: str | None = None

    @classmethod
    def from_values(cls, values):
        """Build a course from checked field values (absent fields take their default)."""
        return cls(**{name: tuple(value) if isinstance(value, list) else value
                      for name, value in values.items()})

    def has_ended(self, today):
        return has_ended(self.end_date, today)

    def deadline_passed(self, today):
        return self.application_deadline is not None and self.application_deadline < today

    def but(self, **changes):
        return replace(self, **changes)

    def to_record(self):
        """The course in the import format's field names (and its source), as JSON values; absent fields left out."""
        record = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or value == ():
                continue
            if isinstance(value, (dt.date, dt.datetime)):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            record[f.name] = value
        return record

    @classmethod
    def from_record(cls, record):
        """Rebuild a course from :meth:`to_record`'s output (trusted: written by us).

        Courses are read back for every page of results, so this sets the fields at once
        instead of through the checking constructor (an unknown field is still refused).
        """
        if not _FIELDS.issuperset(record):
            raise TypeError(f"Course has no field {sorted(set(record) - _FIELDS)[0]!r}")
        missing = [name for name in _REQUIRED if name not in record]
        if missing:
            raise TypeError(f"Course is missing {', '.join(missing)}")
        values = dict(_DEFAULTS)
        values.update(record)
        for name in _DAYS.intersection(record):
            values[name] = dt.date.fromisoformat(record[name])
        if "updated_at" in record:
            values["updated_at"] = dt.datetime.fromisoformat(record["updated_at"])
        for name in _LISTS.intersection(record):
            values[name] = tuple(record[name])
        course = object.__new__(cls)
        course.__dict__.update(values)
        return course

    @classmethod
    def from_line(cls, line, **fields):
        """Rebuild a course from a :func:`record_line` (``fields`` instead of the line's own values)."""
        record = orjson.loads(line)
        record.update(fields)
        return cls.from_record(record)


def record_line(record):
    """A course's record (:meth:`Course.to_record`) as one line of JSON: how an import keeps the courses it
    checked, and a generation the courses it holds."""
    return orjson.dumps(record) + b"\n"


_DEFAULTS = {f.name: None if f.default is MISSING else f.default for f in fields(Course)}
_REQUIRED = tuple(f.name for f in fields(Course) if f.default is MISSING and f.default_factory is MISSING)
_FIELDS = frozenset(_DEFAULTS)
_DAYS = frozenset({"start_date", "end_date", "application_deadline"})
_LISTS = frozenset(name for name, value in _DEFAULTS.items() if isinstance(value, tuple))

"""The rules of the import format: per field, across fields, and across the catalogue.

JSON Schema states the per-field rules; the cross-field rules (a municipality inside
its county, dates in order, ages in order) and the catalogue rule (unique ids) are here
too, so one run reports every problem of every file.
"""

from ..text import shorten
from . import vocabulary
from .fields import FIELDS, REQUIRED, closest_field
from .model import Course
from .place_rules import check_places, municipality_by_name
from .problems import N_, NO_FIELD, Invalid, Problem


def check_record(label, line, record, source):
    """Return ``(course or None, problems)`` for one raw record."""
    problems = []

    def problem(field, message, **params):
        problems.append(Problem(label, line, field, message, params))

    def warn(field, message, **params):
        problems.append(Problem(label, line, field, message, params, warning=True))

    if not isinstance(record, dict):
        problem(NO_FIELD, N_("each course must be an object with field names: {\"id\": ..., ...}"))
        return None, problems

    values = {}
    for name in getattr(record, "repeated", ()):
        # JSON would let the last one win, also for the id: a mistake a publisher must see.
        problem(name, N_("the field is given more than once in this course; give it once"))
    for name, raw in record.items():
        if name == "" and source == "csv":
            problem(NO_FIELD, N_("a cell has a value in a column that has no name in the header row"))
            continue
        kind = FIELDS.get(name)
        if kind is None:
            near = closest_field(name, taken=record.keys())
            if near:
                problem(shorten(name), N_("unknown field; did you mean '%(closest)s'?"), closest=near)
            else:
                problem(shorten(name), N_("unknown field; the format's fields are listed in the import format guide"))
            continue
        if raw is None and source == "json":
            problem(name, N_("null is not allowed; leave the field out instead"))
            continue
        if name == "municipality" and source == "csv" and not raw.strip().isdigit():
            # In CSV, where people type, a municipality may be given by its name.
            county = _csv_county(record)
            number = municipality_by_name(raw, county) if county else None
            if number is None:
                problem(name, N_("'%(value)s' is not the name of one municipality in the course's county; write its "
                                 "number (four digits)"), value=raw)
                continue
            raw = number
        try:
            values[name] = kind.from_csv(raw) if source == "csv" else kind.from_json(raw)
        except Invalid as invalid:
            problem(name, invalid.message, **invalid.params)

    for name in REQUIRED:
        if name not in record:
            problem(name, N_("is required"))
    if values.get("course_type") == "industry" and "sector" not in record:
        problem("sector", N_("is required when course_type is industry"))

    start_type = values.get("start_type", "fixed")
    start, end = values.get("start_date"), values.get("end_date")
    if start_type == "fixed" and "start_date" not in record:
        problem("start_date", N_("is required unless start_type is rolling"))
    if start and end and end < start:
        problem("end_date", N_("%(end)s is before start_date %(start)s"), end=end.isoformat(), start=start.isoformat())
    deadline = values.get("application_deadline")
    if start and deadline and deadline > start:
        problem("application_deadline", N_("%(deadline)s is after start_date %(start)s"),
                deadline=deadline.isoformat(), start=start.isoformat())
    check_places(values, problem, warn)
    age_max = values.get("age_max")
    if age_max is not None and "age_min" in values and age_max < values["age_min"]:
        problem("age_max", N_("%(max)d is below age_min %(min)d"), max=age_max, min=values["age_min"])
    elif age_max is not None and "age_min" not in record and age_max < vocabulary.AGE_MIN_DEFAULT:
        problem("age_max", N_("%(max)d is below age_min, which is %(min)d when it is left out; give age_min too"),
                max=age_max, min=vocabulary.AGE_MIN_DEFAULT)

    if any(not found.warning for found in problems):
        return None, problems
    return Course.from_values(values), problems


def _csv_county(record):
    try:
        return FIELDS["county"].from_csv(record.get("county") or "")
    except Invalid:
        return None


def valid_id(record):
    """The record's id when it is a valid id (whatever else is wrong), else None."""
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    try:
        return FIELDS["id"].check(record["id"])
    except Invalid:
        return None


def check_unique_ids(located_ids):
    """``located_ids``: ``(label, line, id)`` of every record; a problem for every repeated id."""
    first_seen, problems = {}, []
    for label, line, course_id in located_ids:
        if course_id in first_seen:
            first_label, first_line = first_seen[course_id]
            problems.append(Problem(label, line, "id", N_("duplicate id '%(id)s': also used at %(place)s"),
                                    {"id": course_id, "place": f"{first_label}:{first_line}"}))
        else:
            first_seen[course_id] = (label, line)
    return problems

"""The Whoosh schema of a catalogue generation and how a course becomes a document.

Text fields carry the analysis for their language.  Filter fields are plain ``ID``
terms (one per value, so the engine can read each value's documents at once) and
numeric columns.  The whole course is stored as JSON in ``record`` for display, so a
page of results reads one stored field per course.
"""

import datetime as dt
import json

from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from ..catalogue import vocabulary as v
from .analysis import compound_parts_analyzer, english_analyzer, fold, norwegian_analyzer

# The version of the schema and analysis.  A generation written with another version is
# rebuilt from its own stored courses when a server starts (see importing.ensure_catalogue).
INDEX_VERSION = 8

# Field -> weight in free-text search.  The title weighs most; a part of a compound
# (``sveis`` in ``sveisekurs``) weighs less than the same word written on its own.
TEXT_FIELDS = {
    "title_nb": 6.0,
    "title_en": 6.0,
    "certifications": 3.0,
    "summary_nb": 2.0,
    "summary_en": 2.0,
    "provider": 1.5,
    "place": 1.5,
    "description_nb": 1.0,
    "description_en": 1.0,
    "title_parts": 2.0,
    "text_parts": 0.4,
}
ENGLISH_FIELDS = {"title_en", "summary_en", "description_en"}
PARTS_FIELDS = {"title_parts": ("title_nb", "certifications"), "text_parts": ("summary_nb", "description_nb")}

# Categorical filter fields, indexed as one term per value.
CATEGORY_FIELDS = ("county", "municipality", "course_type", "sector", "delivery", "status",
                   "norwegian_level", "start_type", "norwegian")
# Numeric columns (dates as proleptic ordinals).
NUMBER_FIELDS = ("start", "end", "age_min", "age_max", "places")
NO_DATE = 0
NO_AGE_MAX = v.AGE_RANGE[1]


def make_schema():
    nb, en, parts = norwegian_analyzer(), english_analyzer(), compound_parts_analyzer()
    fields = {name: TEXT(analyzer=en if name in ENGLISH_FIELDS else parts if name in PARTS_FIELDS else nb)
              for name in TEXT_FIELDS}
    fields.update({name: ID() for name in CATEGORY_FIELDS})
    fields.update({name: NUMERIC(int, bits=32, sortable=True) for name in NUMBER_FIELDS})
    fields["id"] = ID(unique=True, sortable=True)
    fields["title_key_nb"] = ID(sortable=True)
    fields["title_key_en"] = ID(sortable=True)
    fields["municipality_place"] = ID(sortable=True)
    fields["record"] = STORED()
    return Schema(**fields)


# Norwegian alphabetical order puts æ, ø, å after z.
_COLLATION = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|"})


def title_key(title):
    return " ".join(title.casefold().translate(_COLLATION).split())


def _ordinal(date):
    return date.toordinal() if date else NO_DATE


def to_document(course):
    doc = {name: getattr(course, name) for name in TEXT_FIELDS if name != "certifications" and name not in PARTS_FIELDS}
    doc = {name: value for name, value in doc.items() if value}
    if course.certifications:
        doc["certifications"] = " \n".join(course.certifications)
    for name, sources in PARTS_FIELDS.items():
        text = " \n".join(doc[source] for source in sources if doc.get(source))
        if text:
            doc[name] = text
    for name in CATEGORY_FIELDS[:-1]:
        value = getattr(course, name)
        if value:
            doc[name] = value
    if course.municipality:
        doc["municipality_place"] = f"{course.municipality}|{course.place or ''}"
    doc["norwegian"] = "combined" if course.norwegian_training else "without"
    doc.update(start=_ordinal(course.start_date), end=_ordinal(course.end_date),
               age_min=course.age_min, age_max=course.age_max if course.age_max is not None else NO_AGE_MAX,
               places=course.places or 0)
    doc["id"] = course.id
    doc["title_key_nb"] = title_key(course.title_nb)
    doc["title_key_en"] = title_key(course.title_en or course.title_nb)
    doc["record"] = json.dumps(course.to_record(), ensure_ascii=False, separators=(",", ":"))
    return doc


def from_ordinal(ordinal):
    return dt.date.fromordinal(ordinal) if ordinal != NO_DATE else None


__all__ = ["CATEGORY_FIELDS", "NUMBER_FIELDS", "TEXT_FIELDS", "fold", "make_schema", "to_document"]

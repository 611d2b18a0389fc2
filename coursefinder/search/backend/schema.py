"""The Whoosh schema of a catalogue generation and how a course becomes a document.

Text fields (``textfields.TEXT_FIELDS``) carry the analysis of their kind.  Every column
of the filter registry (``filters.FILTERS.columns()``) is stored too: a codes column as
plain ``ID`` terms (one per value, so the engine reads each value's documents at once),
a numbers column as a numeric column.  The whole course is stored as JSON in ``record``
for display, so a page of results reads one stored field per course.
"""

import json

from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from ..columns import Codes
from ..filters import FILTERS
from ..textfields import TEXT_FIELDS, course_texts
from .analysis import ANALYZERS

# The version of the schema and analysis.  A generation written with another version is
# rebuilt from its own stored courses before a server starts (see catalogue/importing.py).
INDEX_VERSION = 12


def make_schema():
    analyzers = {kind: make() for kind, make in ANALYZERS.items()}
    fields = {name: TEXT(analyzer=analyzers[field.analysis]) for name, field in TEXT_FIELDS.items()}
    for column in FILTERS.columns().values():
        fields[column.name] = ID() if isinstance(column, Codes) else NUMERIC(int, bits=32, sortable=True)
    fields["id"] = ID(unique=True, sortable=True)
    fields["title_key_nb"] = ID(sortable=True)
    fields["title_key_en"] = ID(sortable=True)
    fields["record"] = STORED()
    return Schema(**fields)


# Norwegian alphabetical order puts æ, ø, å after z.
_COLLATION = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|"})


def title_key(title):
    return " ".join(title.casefold().translate(_COLLATION).split())


def to_document(course, columns):
    doc = course_texts(course)
    for column in columns.values():
        value = column.of(course)
        if value is not None:
            doc[column.name] = value
    doc["id"] = course.id
    doc["title_key_nb"] = title_key(course.title_nb)
    doc["title_key_en"] = title_key(course.title_en or course.title_nb)
    doc["record"] = json.dumps(course.to_record(), ensure_ascii=False, separators=(",", ":"))
    return doc

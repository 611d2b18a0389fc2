"""The Whoosh schema of a catalogue generation and how a course becomes a document.

Text fields (``textfields.TEXT_FIELDS``) carry the analysis of their kind.  Every column
of the filter registry (``filters.FILTERS.columns()``) is stored too: a codes column as
plain ``ID`` terms (one per value, so the engine reads each value's documents at once),
a numbers column as a numeric column.  Nothing is stored: the courses themselves are
written beside the index (``records.py``), where a page of results reads them faster.
"""

from collections import Counter

from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, ID, TEXT, Schema
from whoosh.system import pack_uint

from ..columns import Codes
from ..filters import FILTERS
from ..textfields import TEXT_FIELDS, course_texts
from .. import language
from .analysis import TermsAnalyzer

# The version of the schema and analysis.  A generation written with another version is
# rebuilt from its own stored courses before a server starts (see catalogue/importing.py).
INDEX_VERSION = 14


class AnalysedText(TEXT):
    """A text field of one of ``language.ANALYSES``, its terms counted in one step.

    Frequencies and lengths are all that scoring reads (no query asks for a phrase), so no
    positions are written; the postings are what Whoosh's ``Frequency`` format makes of
    the ``TermsAnalyzer``'s tokens, without a token object per word.
    """

    def __init__(self, kind):
        super().__init__(analyzer=TermsAnalyzer(kind), phrase=False)
        self.kind = kind

    def index(self, value, **kwargs):
        if not isinstance(value, str):
            return super().index(value, **kwargs)
        boost = self.format.field_boost
        counts = Counter(language.index_terms(self.kind, value))
        return ((term.encode("utf-8"), freq, freq * boost, pack_uint(freq)) for term, freq in counts.items())


class Code(ID):
    """An ``ID`` field (a course's id, a code of a filter column), its one posting made in one step:
    Whoosh's own way tokenizes the value as a stream of one token (20 fields a course)."""

    def index(self, value, **kwargs):
        if not isinstance(value, str):
            return super().index(value, **kwargs)
        return iter(((value.encode("utf-8"), 1, self.format.field_boost, b""),))


def make_schema():
    fields = {name: AnalysedText(field.analysis) for name, field in TEXT_FIELDS.items()}
    # A codes column is read from its terms (each value's documents at once); numbers and
    # the titles' sort keys only as columns, so they are not indexed (a number's terms at
    # several precisions were more than a third of all postings).
    for column in FILTERS.columns().values():
        fields[column.name] = Code() if isinstance(column, Codes) else COLUMN(NumericColumn("i", default=0))
    fields["id"] = Code(unique=True, sortable=True)
    # The order the courses were written in: the last tie-break of every sort, the same
    # however many processes wrote the index.
    fields["row"] = COLUMN(NumericColumn("i", default=0))
    fields["title_key_nb"] = COLUMN(VarBytesColumn())
    fields["title_key_en"] = COLUMN(VarBytesColumn())
    return Schema(**fields)


# Norwegian alphabetical order puts æ, ø, å after z.
_COLLATION = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|"})


def title_key(title):
    return " ".join(title.casefold().translate(_COLLATION).split())


def to_document(course, columns, row=0):
    doc = course_texts(course)
    for column in columns.values():
        value = column.of(course)
        if value is not None:
            doc[column.name] = value
    doc["id"] = course.id
    doc["row"] = row
    doc["title_key_nb"] = title_key(course.title_nb).encode()
    doc["title_key_en"] = title_key(course.title_en or course.title_nb).encode()
    return doc

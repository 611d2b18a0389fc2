"""The values a catalogue generation keeps for every course as arrays.

Filters, facets, sorting and the offer page compute with these arrays, never with the
engine: a *codes* column holds, per course, the position of its value in a vocabulary
(-1 when it has none); a *numbers* column one whole number per course.  Each column is
declared with how a course gives its value; the backend stores it when a generation is
written and reads it back as an array when the generation is opened.  A filter that
needs a column of its own declares it (see ``filter_kinds.Filter.columns``).
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..catalogue import vocabulary

NO_DATE = 0
NO_AGE_MAX = vocabulary.AGE_RANGE[1]


def ordinal(date):
    """A date as a whole number (proleptic Gregorian ordinal), ``NO_DATE`` for none."""
    return date.toordinal() if date else NO_DATE


@dataclass(frozen=True)
class Codes:
    name: str
    values: tuple | None        # the vocabulary; None: the values the catalogue holds, sorted
    of: Callable                # course -> value or None


@dataclass(frozen=True)
class Numbers:
    name: str
    of: Callable                # course -> int


def _norwegian(course):
    return "combined" if course.norwegian_training else "without"


# Columns that every generation has, whatever filters are registered.
BASE_COLUMNS = (
    Codes("county", tuple(vocabulary.COUNTIES), lambda course: course.county),
    Codes("municipality", None, lambda course: course.municipality),
    Codes("course_type", vocabulary.COURSE_TYPES, lambda course: course.course_type),
    Codes("sector", vocabulary.SECTORS, lambda course: course.sector),
    Codes("delivery", vocabulary.DELIVERIES, lambda course: course.delivery),
    Codes("status", vocabulary.STATUSES, lambda course: course.status),
    Codes("norwegian_level", vocabulary.LEVELS, lambda course: course.norwegian_level),
    Codes("start_type", vocabulary.START_TYPES, lambda course: course.start_type),
    Codes("norwegian", ("combined", "without"), _norwegian),
    Numbers("start", lambda course: ordinal(course.start_date)),
    Numbers("end", lambda course: ordinal(course.end_date)),
    Numbers("age_min", lambda course: course.age_min),
    Numbers("age_max", lambda course: NO_AGE_MAX if course.age_max is None else course.age_max),
    Numbers("places", lambda course: course.places or 0),
)


class ColumnTable:
    """The columns of one generation as NumPy arrays, all of the generation's size."""

    def __init__(self, size, codes, vocabularies, numbers):
        self.size = size
        self.codes = codes                  # name -> int16 array
        self.vocabularies = vocabularies    # name -> tuple of values
        self.numbers = numbers              # name -> int64 array
        self._positions = {name: {value: i for i, value in enumerate(values)}
                           for name, values in vocabularies.items()}

    def rows(self, rows):
        """The same columns for only the courses ``rows`` (document numbers, in order); each column is
        taken when it is first used."""
        table = ColumnTable.__new__(ColumnTable)
        table.size = int(rows.size)
        table.codes = _Rows(self.codes, rows)
        table.vocabularies = self.vocabularies
        table.numbers = _Rows(self.numbers, rows)
        table._positions = self._positions
        return table

    def is_in(self, name, values):
        """Which courses have one of ``values`` in the codes column ``name``."""
        positions = self._positions[name]
        codes = self.codes[name]
        wanted = [positions[value] for value in values if value in positions]
        if len(wanted) <= 4:
            found = np.zeros(self.size, dtype=bool)
            for code in wanted:
                found |= codes == code
            return found
        # A table of the column's codes, one more for -1 (no value): a lookup per course.
        table = np.zeros(len(positions) + 1, dtype=bool)
        table[wanted] = True
        return np.take(table, codes)

    def position(self, name, value):
        return self._positions[name].get(value, -1)

    def counts(self, name, mask):
        """``[(value, courses)]`` in vocabulary order, of the courses in ``mask``."""
        values = self.vocabularies[name]
        # One more for -1 (no value), counted first and left out.
        counts = np.bincount(self.codes[name][mask] + 1, minlength=len(values) + 1)[1:].tolist()
        return list(zip(values, counts))


class _Rows(dict):
    """Columns of some rows of a table, each sliced from the whole table's column when first asked for."""

    def __init__(self, columns, rows):
        super().__init__()
        self._columns, self._rows = columns, rows

    def __missing__(self, name):
        column = self[name] = self._columns[name][self._rows]
        return column

    def __contains__(self, name):
        return name in self._columns

    def __iter__(self):
        return iter(self._columns)

    def __len__(self):
        return len(self._columns)

    def keys(self):
        return self._columns.keys()

    def items(self):
        return ((name, self[name]) for name in self._columns)

    def values(self):
        return (self[name] for name in self._columns)

    def get(self, name, default=None):
        return self[name] if name in self._columns else default

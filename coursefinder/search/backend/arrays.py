"""What a generation reads into arrays when it is opened, and the order of results made from them.

Each column of the filter registry is read from its index terms (codes) or its Whoosh column
(numbers) once; titles get a rank each, so that sorting by title is sorting numbers.
"""

import numpy as np

from ...catalogue import vocabulary
from ..columns import Codes, ColumnTable
from ..filters import FILTERS


def read_columns(reader, size):
    """The registry's columns of a generation's ``size`` courses, from its Whoosh ``reader``."""
    codes, vocabularies, numbers = {}, {}, {}
    for column in FILTERS.columns().values():
        if isinstance(column, Codes):
            values = column.values
            if values is None:
                values = tuple(sorted(term.decode() for term in reader.lexicon(column.name))) \
                    if column.name in reader.schema else ()
            vocabularies[column.name] = values
            codes[column.name] = _codes(reader, size, column.name, values)
        elif column.name in reader.schema:
            numbers[column.name] = np.fromiter(reader.column_reader(column.name), dtype=np.int64, count=size)
        else:  # a column declared after this generation was written
            numbers[column.name] = np.zeros(size, dtype=np.int64)
    return ColumnTable(size, codes, vocabularies, numbers)


def _codes(reader, size, field, values):
    codes = np.full(size, -1, dtype=np.int16)
    if field not in reader.schema:
        return codes
    for code, value in enumerate(values):
        if reader.doc_frequency(field, value):
            codes[np.fromiter(reader.postings(field, value).all_ids(), dtype=np.int64)] = code
    return codes


def ranks(keys, rows):
    """Each course's rank by its sort key, equal keys in the order the courses were written (``rows``)."""
    keys, rows = list(keys), rows.tolist()
    order = sorted(range(len(rows)), key=lambda doc: (keys[doc], rows[doc]))
    found = np.empty(len(rows), dtype=np.int64)
    found[order] = np.arange(len(rows))
    return found


def result_order(docs, search_request, scores, kilometres, columns, title_rank, limit=None):
    """The order of ``docs`` for the search's sort; ``scores`` and ``kilometres`` (or None) are theirs, in line.

    With ``limit``, only the first ``limit`` positions of that order (a page needs no more).
    """
    # Title ranks are distinct (equal titles are ranked in the order they were written).
    title = title_rank["en" if search_request.lang == "en" else "nb"][docs]
    start = columns.numbers["start"][docs]
    sort = search_request.effective_sort
    if sort == "title":
        return _first(limit, title)
    if sort == "distance" and kilometres is not None:
        # Nearest first; online courses (and courses with no place) after those held somewhere.
        online = columns.codes["delivery"][docs] == vocabulary.DELIVERIES.index("online")
        return _first(limit, title, start, np.where(online | np.isnan(kilometres), np.inf, kilometres))
    if sort == "relevance" and scores is not None:
        return _first(limit, title, start, -scores)
    return _first(limit, title, start)


def _first(limit, *keys):
    """``np.lexsort(keys)`` (the last key first), or its first ``limit`` positions: those found among the
    positions whose first key is at most the ``limit``-th smallest (ties included), which is the same."""
    primary = keys[-1]
    if limit is None or limit * 4 >= primary.size:
        return np.lexsort(keys) if len(keys) > 1 else np.argsort(primary, kind="stable")
    bound = np.partition(primary, limit - 1)[limit - 1]
    near = np.flatnonzero(primary <= bound)
    return near[np.lexsort([key[near] for key in keys])][:limit]

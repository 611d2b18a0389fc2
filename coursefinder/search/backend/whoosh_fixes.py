"""A fix to Whoosh (unmaintained upstream, pinned): a segment's missing length columns are remembered.

Whoosh 3's per-document reader looks a field's length column up in a cache, but does not
remember that a field has none (an ``ID`` field: the filter columns, the id), so every
posting of such a field asks the file system again.  Writing a segment reads a length
for every posting, which made one ``stat`` call per posting of every ID field: a fifth of
an import's time.  A segment's files do not change once written, so the answer is kept.
"""

import logging

log = logging.getLogger(__name__)
_MISSING = object()


def apply():
    try:
        from whoosh.codec.whoosh3 import W3PerDocReader
    except ImportError:  # another Whoosh: nothing to fix
        return False
    original = getattr(W3PerDocReader, "_cached_reader", None)
    if original is None or getattr(original, "fixed", False):
        return bool(original)

    def _cached_reader(self, fieldname, column):
        absent = self.__dict__.setdefault("_absent_columns", set())
        if fieldname in absent:
            return None
        reader = original(self, fieldname, column)
        if reader is None:
            absent.add(fieldname)
        return reader

    _cached_reader.fixed = True
    W3PerDocReader._cached_reader = _cached_reader
    return True


apply()

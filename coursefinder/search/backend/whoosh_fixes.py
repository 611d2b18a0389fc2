"""Fixes to Whoosh (unmaintained upstream, pinned) for writing segments: lengths read once per field.

Writing a segment reads a document's field length for every posting (for each block's
shortest and longest), through Whoosh 3's per-document reader:

- It looks a field's length column up in a cache, but does not remember that a field has
  none (an ``ID`` field: the filter columns, the id), so every posting of such a field
  asked the file system again: one ``stat`` call per posting, a fifth of an import's time.
- It reads each length as one byte from the column file (a seek and a read per posting,
  a tenth of an import's time); a segment's columns are now read whole on first use
  (one byte a course and field, kept as bytes).

A segment's files do not change once written, so both answers are kept with the reader.
Searching does not go through these (scoring reads whole columns, ``read_byte_column``).
"""

import logging

import numpy as np
from whoosh.util.numeric import byte_to_length

log = logging.getLogger(__name__)
_MISSING = object()
# A length byte's field length, as Whoosh's readers answer it: a byte of 0 gives None.
LENGTH_OF_BYTE = [None] + [byte_to_length(code) for code in range(1, 256)]


def read_byte_column(column, size):
    """A one-byte Whoosh column's values for all ``size`` documents, read in one piece (Whoosh reads
    one at a time), as a uint8 array; None when the column is not the kind this knows."""
    count = min(getattr(column, "_count", -1), size)
    if getattr(column, "_fixedlen", None) == 1 and count >= 0:
        data = column._dbfile.get(column._basepos, count) if count else b""
        if len(data) == count:
            codes = np.zeros(size, dtype=np.uint8)     # documents after the last one written: 0, the default
            codes[:count] = np.frombuffer(data, dtype=np.uint8)
            return codes
    return None


def apply():
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, _lenfield
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

    one_by_one = W3PerDocReader.doc_field_length

    def doc_field_length(self, docnum, fieldname, default=0):
        whole = self.__dict__.setdefault("_whole_lengths", {})
        codes = whole.get(fieldname, _MISSING)
        if codes is _MISSING:
            reader = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if reader is None:
                codes = None            # the field has no lengths
            else:
                found = read_byte_column(reader, self._doccount + 1)
                codes = False if found is None else found.tobytes()     # False: one this cannot read whole
            whole[fieldname] = codes
        if codes is False or docnum > self._doccount:
            return one_by_one(self, docnum, fieldname, default)
        if codes is None:
            return default
        # As Whoosh answers: a length byte of 0 gives None, not the default.
        return LENGTH_OF_BYTE[codes[docnum]]

    _cached_reader.fixed = True
    W3PerDocReader._cached_reader = _cached_reader
    W3PerDocReader.doc_field_length = doc_field_length
    return True


apply()

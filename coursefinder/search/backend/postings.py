"""Reading a term's postings and a field's lengths from Whoosh, a block or a whole column at a time.

Whoosh's public readers give one posting (or one length) per call, in Python; its private
block and column readers give them all at once, which NumPy then decodes.
"""

import logging

import numpy as np

from .whoosh_fixes import LENGTH_OF_BYTE, read_byte_column

log = logging.getLogger(__name__)

# Whoosh's private readers give whole blocks of postings and whole length columns at once.
# When a Whoosh release changes them the slow public way is taken: said once in the log,
# and recorded here for the test that fails if the fast way is silently lost.
FAST_PATHS = {"block postings": None, "length column": None}


def _took(path, fast):
    if FAST_PATHS[path] is None or FAST_PATHS[path] != fast:
        if not fast:
            log.warning("the fast path %r of Whoosh is not available; searching the slower public way", path)
        FAST_PATHS[path] = fast


def _leaves(reader):
    """``[(segment reader, first document number)]``: an index written by several processes has a segment each."""
    leaves = getattr(reader, "leaf_readers", None)
    return leaves() if leaves is not None else [(reader, 0)]


def _postings(reader, field, text):
    """Document numbers and term frequencies of a term, a block at a time where possible, segment by segment."""
    found = [(_leaf_postings(leaf, field, text), offset) for leaf, offset in _leaves(reader)
             if (field, text) in leaf]
    if len(found) == 1 and not found[0][1]:
        return found[0][0]
    if not found:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64)
    return (np.concatenate([ids + offset for (ids, _), offset in found]).astype(np.int32),
            np.concatenate([weights for (_, weights), _ in found]))


def _leaf_postings(reader, field, text):
    matcher = reader.postings(field, text)
    block_reader = all(hasattr(matcher, name) for name in ("_read_data", "_next_block", "_byteids", "_blocklength"))
    _took("block postings", block_reader)
    if block_reader and matcher.is_active() and matcher._i == 0:
        return _block_postings(matcher)
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int32), np.asarray(weights, dtype=np.float64)


def _block_postings(matcher):
    """A Whoosh 3 leaf matcher's postings, decoded with NumPy from its blocks' raw data.

    Each block keeps its document numbers as differences from the previous one (the first
    from 0) and its weights as a tuple, one number for all, or nothing for all ones;
    Whoosh decodes them a posting at a time in Python, most of a common word's cost.
    Here the blocks' raw tuples are gathered and all decoded at once.
    """
    deltas, weights, lengths = [], [], []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        block_ids, block_weights = matcher._data[0], matcher._data[1]
        count = len(block_ids)
        deltas.extend(block_ids)
        if block_weights is None:
            weights.extend((1.0,) * count)
        elif isinstance(block_weights, float):
            weights.extend((block_weights,) * count)
        else:
            weights.extend(block_weights)
        lengths.append(count)
        matcher._next_block()
    ids = np.asarray(deltas, dtype=np.int64)
    if not matcher._byteids:
        # A running sum over all blocks, less the sum up to the start of each block.
        ids = np.cumsum(ids)
        ends = np.cumsum(lengths)
        ids -= np.repeat(np.concatenate(([0], ids[ends[:-1] - 1])), lengths)
    return ids.astype(np.int32), np.asarray(weights, dtype=np.float64)


# Each length byte's length as a number for scoring (a byte of 0: no length, 0).
_LENGTHS = np.array([length or 0 for length in LENGTH_OF_BYTE], dtype=np.float64)


def _stored_lengths(reader, field, size):
    """A field's lengths for all documents at once from Whoosh 3's length columns, or None.

    Whoosh keeps each length as one byte (``length_to_byte``); decoding the whole column
    with a 256-entry table gives exactly what ``doc_field_length`` gives one by one.
    """
    leaves = _leaves(reader)
    if len(leaves) == 1:
        return _leaf_lengths(reader, field, size)
    parts = [_leaf_lengths(leaf, field, leaf.doc_count_all()) for leaf, _offset in leaves]
    return None if any(part is None for part in parts) else np.concatenate(parts)


def _leaf_lengths(reader, field, size):
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return np.zeros(size, dtype=np.float64)
        codes = read_byte_column(column, size)
        _took("length column", codes is not None)
        if codes is None:
            codes = np.fromiter((column[doc] for doc in range(size)), dtype=np.uint8, count=size)
        return _LENGTHS[codes]
    except (AttributeError, ImportError, TypeError):
        _took("length column", False)
        return None

"""Scoring a text query with arrays: each term's BM25F scores computed once per generation.

Whoosh scores a query by walking every matching posting in Python on every search_request;
a common word matches thousands of courses.  Here each term's scores over the whole
generation (the documents that have it, and their BM25F score with Whoosh's own
statistics and parameters) are computed once and kept, and a search_request adds them up
with NumPy: a union sums its parts, an intersection sums them where all match, as
Whoosh's matchers do, so totals, facets and ranking stay the same.
"""

import logging

import numpy as np

from ..textquery import AllOf, AnyOf, Boosted, Term, node_size
from .cache import BoundedCache
from .whoosh_fixes import read_byte_column

log = logging.getLogger(__name__)

_EMPTY = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
_EMPTY_F64 = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64))
# How many postings the cache may hold (8 bytes each: a document number and a score)
# before it forgets the least recently used terms; every term counts, also unknown ones.
# The bound grows with the catalogue (a common word has a posting in most courses), from
# 4 MB to 16 MB, so that a stream of junk words costs a worker a few megabytes at most.
MAX_CACHED_POSTINGS = 2_000_000
MIN_CACHED_POSTINGS = 500_000
POSTINGS_PER_COURSE = 20
MAX_CACHED_TERMS = 20_000


def term_cache_postings(size):
    return max(MIN_CACHED_POSTINGS, min(MAX_CACHED_POSTINGS, POSTINGS_PER_COURSE * size))

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


_LENGTH_OF_BYTE = None


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
    global _LENGTH_OF_BYTE
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
        from whoosh.util.numeric import byte_to_length

        column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return np.zeros(size, dtype=np.float64)
        if _LENGTH_OF_BYTE is None:
            _LENGTH_OF_BYTE = np.array([0] + [byte_to_length(b) for b in range(1, 256)], dtype=np.float64)
        codes = read_byte_column(column, size)
        _took("length column", codes is not None)
        if codes is None:
            codes = np.fromiter((column[doc] for doc in range(size)), dtype=np.uint8, count=size)
        return _LENGTH_OF_BYTE[codes]
    except (AttributeError, ImportError, TypeError):
        _took("length column", False)
        return None


class TermScores:
    """The BM25F score vectors of one generation's terms: its common terms' as written
    (``common_terms.py``), the others computed on first use and kept while there is room."""

    def __init__(self, size, max_postings=MAX_CACHED_POSTINGS, max_terms=MAX_CACHED_TERMS, common=None):
        self.size = size
        self.common = common
        self._cache = BoundedCache(max_terms, max_bytes=max_postings * 8)
        self._lengths = {}

    def _field_lengths(self, reader, field):
        lengths = self._lengths.get(field)
        if lengths is None:
            lengths = _stored_lengths(reader, field, self.size)
            if lengths is None:
                lengths = np.fromiter((reader.doc_field_length(doc, field, 0) or 0 for doc in range(self.size)),
                                      dtype=np.float64, count=self.size)
            self._lengths[field] = lengths
        return lengths

    def vector(self, searcher, field, text):
        key = (field, text)
        found = self.common.get(key) if self.common is not None else None
        if found is None:
            found = self._cache.get(key)
        if found is None:
            found = self.compute(searcher, field, text)
            self._cache.put(key, found, size=found[0].size * 8 + len(text))
        return found

    def compute(self, searcher, field, text):
        """``(docs, scores)`` of a term, from its postings and Whoosh's statistics and parameters."""
        reader = searcher.reader()
        if (field, text) not in reader:
            return _EMPTY
        docs, tf = _postings(reader, field, text)
        weighting = searcher.weighting
        b, k1 = getattr(weighting, "B", 0.75), getattr(weighting, "K1", 1.2)
        avgfl = searcher.avg_field_length(field) or 1
        lengths = self._field_lengths(reader, field)[docs]
        scores = searcher.idf(field, text) * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths / avgfl))
        return docs, scores.astype(np.float32)

    def kept(self, clause):
        """The ``(docs, scores)`` of a clause of a query tree, when they were kept."""
        return self._cache.get(clause)

    def keep(self, clause, found):
        # The clause is the key: its terms are counted too (a typed word's clause holds dozens);
        # the nodes below it are kept, and counted, on their own.
        self._cache.put(clause, found, size=found[0].size * 12 + node_size(clause))


def evaluate(node, term_scores, searcher):
    """``(mask, scores)`` over all documents for a query tree of :mod:`.textquery`."""
    docs, scores = matches(node, term_scores, searcher)
    mask, dense = np.zeros(term_scores.size, dtype=bool), np.zeros(term_scores.size, dtype=np.float64)
    mask[docs] = True
    dense[docs] = scores
    return mask, dense


def matches(node, term_scores, searcher):
    """``(docs, scores)`` for a query tree: the matching document numbers in order, and their scores.

    Sparse, so that a query of many rare alternatives (the words of an occupation) costs
    what its postings cost, not a pass over the whole generation per clause.  Each
    document's score is the sum of its clauses' scores in the order of the tree, as the
    dense sums (and Whoosh's matchers) give it.  A clause's matches are kept with the
    terms' (a typed word, an occupation's words: the parts that searches share).
    """
    if isinstance(node, Term):
        docs, values = term_scores.vector(searcher, node.field, node.text)
        return docs, values * node.boost
    found = term_scores.kept(node)
    if found is None:
        found = _clause(node, term_scores, searcher)
        term_scores.keep(node, found)
    return found


def _clause(node, term_scores, searcher):
    if isinstance(node, AnyOf):
        return _union([matches(child, term_scores, searcher) for child in node.children], term_scores.size)
    if isinstance(node, AllOf):
        return _intersection([matches(child, term_scores, searcher) for child in node.children])
    if isinstance(node, Boosted):
        docs, scores = matches(node.required, term_scores, searcher)
        scores = scores.astype(np.float64, copy=True)
        for child in node.optional:
            child_docs, child_scores = matches(child, term_scores, searcher)
            found, at = _positions(child_docs, docs)
            scores[found] += child_scores[at[found]]
        return docs, scores
    raise TypeError(f"not a query node: {node!r}")


# Above this share of the generation a union is summed in whole-generation arrays, below
# it by sorting the parts' postings (cheaper for the rare words most clauses hold).
DENSE_SHARE = 0.125


def _union(parts, size):
    parts = [part for part in parts if part[0].size]
    if not parts:
        return _EMPTY_F64
    if len(parts) == 1:
        return parts[0][0], parts[0][1].astype(np.float64)
    total = sum(part[0].size for part in parts)
    if total > size * DENSE_SHARE:
        mask, scores = np.zeros(size, dtype=bool), np.zeros(size, dtype=np.float64)
        for docs, values in parts:   # each part's documents are distinct: one addition per document
            mask[docs] = True
            scores[docs] += values
        docs = np.flatnonzero(mask).astype(np.int32)
        return docs, scores[docs]
    docs, inverse = np.unique(np.concatenate([part[0] for part in parts]), return_inverse=True)
    # bincount adds the weights in the order given, so each document's parts in tree order.
    scores = np.bincount(inverse, weights=np.concatenate([part[1] for part in parts]), minlength=docs.size)
    return docs.astype(np.int32, copy=False), scores


def _intersection(parts):
    docs = None
    for part_docs, _ in sorted(parts, key=lambda part: part[0].size):
        docs = part_docs if docs is None else np.intersect1d(docs, part_docs, assume_unique=True)
        if not docs.size:
            return _EMPTY_F64
    if docs is None:
        return _EMPTY_F64
    scores = np.zeros(docs.size, dtype=np.float64)
    for part_docs, part_scores in parts:
        scores += part_scores[np.searchsorted(part_docs, docs)]
    return docs, scores


def _positions(docs, wanted):
    """``(found, at)``: which of ``wanted`` are in the sorted ``docs``, and where."""
    if not docs.size:
        return np.zeros(wanted.size, dtype=bool), np.zeros(wanted.size, dtype=np.int64)
    at = np.minimum(np.searchsorted(docs, wanted), docs.size - 1)
    return docs[at] == wanted, at


def whoosh_query(node):
    """The same query as Whoosh query objects, to check these scores against Whoosh's own."""
    from whoosh import query

    if isinstance(node, Term):
        return query.Term(node.field, node.text, boost=node.boost)
    if isinstance(node, Boosted):
        optional = [whoosh_query(child) for child in node.optional]
        return query.AndMaybe(whoosh_query(node.required), optional[0] if len(optional) == 1 else query.Or(optional))
    children = [whoosh_query(child) for child in node.children]
    return query.Or(children) if isinstance(node, AnyOf) else query.And(children)

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

from ..textquery import AllOf, AnyOf, Boosted, Term
from .cache import BoundedCache

log = logging.getLogger(__name__)

_EMPTY = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
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


def _postings(reader, field, text):
    """Document numbers and term frequencies of a term, a block at a time where possible."""
    matcher = reader.postings(field, text)
    ids, weights = [], []
    block_reader = all(hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_next_block"))
    _took("block postings", block_reader)
    while matcher.is_active():
        if block_reader and matcher._i == 0:
            # Whoosh 3 leaf matcher: take the whole block's arrays at once.
            if matcher._ids is None:
                matcher._read_ids()
            if matcher._weights is None:
                matcher._read_weights()
            ids.extend(matcher._ids)
            weights.extend(matcher._weights)
            matcher._next_block()
        else:
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return np.asarray(ids, dtype=np.int32), np.asarray(weights, dtype=np.float64)


_LENGTH_OF_BYTE = None


def _stored_lengths(reader, field, size):
    """A field's lengths for all documents at once from Whoosh 3's length column, or None.

    Whoosh keeps each length as one byte (``length_to_byte``); decoding the whole column
    with a 256-entry table gives exactly what ``doc_field_length`` gives one by one.
    """
    global _LENGTH_OF_BYTE
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
        from whoosh.util.numeric import byte_to_length

        column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return np.zeros(size, dtype=np.float64)
        if _LENGTH_OF_BYTE is None:
            _LENGTH_OF_BYTE = np.array([0] + [byte_to_length(b) for b in range(1, 256)], dtype=np.float64)
        codes = np.fromiter((column[doc] for doc in range(size)), dtype=np.uint8, count=size)
        _took("length column", True)
        return _LENGTH_OF_BYTE[codes]
    except (AttributeError, ImportError, TypeError):
        _took("length column", False)
        return None


class TermScores:
    """The BM25F score vectors of one generation's terms, computed on first use."""

    def __init__(self, size, max_postings=MAX_CACHED_POSTINGS, max_terms=MAX_CACHED_TERMS):
        self.size = size
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
        found = self._cache.get(key)
        if found is not None:
            return found
        reader = searcher.reader()
        if (field, text) not in reader:
            found = _EMPTY
        else:
            docs, tf = _postings(reader, field, text)
            weighting = searcher.weighting
            b, k1 = getattr(weighting, "B", 0.75), getattr(weighting, "K1", 1.2)
            avgfl = searcher.avg_field_length(field) or 1
            lengths = self._field_lengths(reader, field)[docs]
            scores = searcher.idf(field, text) * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths / avgfl))
            found = (docs, scores.astype(np.float32))
        self._cache.put(key, found, size=found[0].size * 8 + len(text))
        return found


def evaluate(node, term_scores, searcher):
    """``(mask, scores)`` over all documents for a query tree of :mod:`.textquery`."""
    size = term_scores.size
    if isinstance(node, Term):
        mask, scores = np.zeros(size, dtype=bool), np.zeros(size, dtype=np.float64)
        docs, values = term_scores.vector(searcher, node.field, node.text)
        mask[docs] = True
        scores[docs] = values * node.boost
        return mask, scores
    if isinstance(node, AnyOf):
        mask, scores = np.zeros(size, dtype=bool), np.zeros(size, dtype=np.float64)
        for child in node.children:
            if isinstance(child, Term):
                docs, values = term_scores.vector(searcher, child.field, child.text)
                mask[docs] = True
                scores[docs] += values * child.boost
            else:
                child_mask, child_scores = evaluate(child, term_scores, searcher)
                mask |= child_mask
                scores += child_scores
        return mask, scores
    if isinstance(node, AllOf):
        mask, scores = None, np.zeros(size, dtype=np.float64)
        for child in node.children:
            child_mask, child_scores = evaluate(child, term_scores, searcher)
            mask = child_mask if mask is None else mask & child_mask
            scores += child_scores
        scores[~mask] = 0.0
        return mask, scores
    if isinstance(node, Boosted):
        mask, scores = evaluate(node.required, term_scores, searcher)
        for child in node.optional:
            _child_mask, child_scores = evaluate(child, term_scores, searcher)
            scores += child_scores * mask
        return mask, scores
    raise TypeError(f"not a query node: {node!r}")


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

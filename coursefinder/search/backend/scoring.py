"""Scoring a text query with arrays: each term's BM25F scores computed once per generation.

Whoosh scores a query by walking every matching posting in Python on every search_request;
a common word matches thousands of courses.  Here each term's scores over the whole
generation (the documents that have it, and their BM25F score with Whoosh's own
statistics and parameters) are computed once and kept, and a search_request adds them up
with NumPy: a union sums its parts, an intersection sums them where all match, as
Whoosh's matchers do, so totals, facets and ranking stay the same.
"""

import numpy as np

from ..textquery import AllOf, AnyOf, Boosted, Term, node_size
from .cache import BoundedCache
from .postings import _postings, _stored_lengths

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

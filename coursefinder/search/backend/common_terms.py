"""The scores of a generation's common terms, computed once when it is written.

A term's scores are worked out from its postings, which Whoosh keeps as pickled blocks
of 128: a word in most of 100,000 courses ("kurs") has thousands of blocks, and reading
them takes tens of milliseconds the first time any worker meets the word, and again
whenever the term cache has let it go.  The terms in at least ``COMMON_FROM`` courses
are few (the rare ones are cheap to read) and are the ones nearly every search meets, so
their documents and scores are written beside the index when the generation is built,
exactly as ``TermScores`` computes them, and each worker maps them: no decoding, no
copy per worker, nothing held in the term cache.

Files, in the generation's folder::

    common-terms.json     {field: {term: [first, count]}}
    common-docs.npy       the terms' document numbers, one term after another (int32)
    common-scores.npy     their scores, in line (float32)
"""

import json
import os

import numpy as np

from .layout import GenerationError
from .scoring import TermScores

COMMON_FROM = 1000
TERMS = "common-terms.json"
DOCS = "common-docs.npy"
SCORES = "common-scores.npy"


def write_common_terms(folder, index, fields):
    """Write the documents and scores of the terms of ``fields`` in at least COMMON_FROM courses.

    The arrays are written a term at a time, so that what the import holds does not grow
    with the catalogue (their postings are a few times the number of courses), and with
    plain writes, so that a full disk is an ``OSError`` (a mapped file would be a signal).
    """
    table = {}
    with index.searcher() as searcher:
        reader = searcher.reader()
        common = [(field, text.decode("utf-8"), info.doc_frequency()) for field in fields if field in reader.schema
                  for text, info in reader.iter_field(field) if info.doc_frequency() >= COMMON_FROM]
        total = sum(count for _field, _text, count in common)
        term_scores, at = TermScores(reader.doc_count_all()), 0
        with open(os.path.join(folder, DOCS), "wb") as docs_file, open(os.path.join(folder, SCORES), "wb") as scores_file:
            for handle, dtype in ((docs_file, "<i4"), (scores_file, "<f4")):
                np.lib.format.write_array_header_1_0(handle, {"descr": dtype, "fortran_order": False, "shape": (total,)})
            for field, text, count in common:
                docs, scores = term_scores.compute(searcher, field, text)
                if docs.size != count:
                    raise GenerationError(f"the term {text!r} of {field} has {docs.size} postings, its frequency "
                                          f"is {count}")
                docs_file.write(docs.astype("<i4").tobytes())
                scores_file.write(scores.astype("<f4").tobytes())
                table.setdefault(field, {})[text] = [at, count]
                at += count
    with open(os.path.join(folder, TERMS), "w", encoding="utf-8") as handle:
        json.dump(table, handle, ensure_ascii=False)


class CommonTerms:
    """A written generation's common terms: ``get((field, text))`` is ``(docs, scores)`` or None."""

    def __init__(self, folder):
        with open(os.path.join(folder, TERMS), encoding="utf-8") as handle:
            table = json.load(handle)
        self._at = {(field, text): span for field, terms in table.items() for text, span in terms.items()}
        mode = "r" if self._at else None        # an empty array cannot be mapped
        self._docs = np.load(os.path.join(folder, DOCS), mmap_mode=mode)
        self._scores = np.load(os.path.join(folder, SCORES), mmap_mode=mode)
        if self._docs.shape != self._scores.shape or sum(count for _, count in self._at.values()) != self._docs.size:
            raise ValueError(f"{DOCS}, {SCORES} and {TERMS} do not match")

    @classmethod
    def open(cls, folder):
        """The common terms of a generation, or None for one written before they were."""
        return cls(folder) if os.path.exists(os.path.join(folder, TERMS)) else None

    def get(self, key):
        span = self._at.get(key)
        if span is None:
            return None
        first, count = span
        return self._docs[first:first + count], self._scores[first:first + count]

    def __len__(self):
        return len(self._at)

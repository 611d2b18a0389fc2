"""Searching one catalogue generation: free text through Whoosh, filters and facets as arrays.

When a generation is opened, each column of the filter registry is read from its index
terms once and kept as a NumPy array (``columns.ColumnTable``), so a search_request combines
filters and counts facets with a few vector operations instead of asking Whoosh per value.
"""

import datetime as dt
import os
import threading

import numpy as np

from ..filter_kinds import all_of
from ..filters import FILTERS
from ..interface import PageCourses, SearchResult
from ..location import distances, origin_of
from ..request import SearchRequest
from .. import thesaurus
from ..spelling import Speller
from ..suggest import Suggester
from ..textquery import build_query, lexicon
from .arrays import ranks, read_columns, result_order
from .bounds import (COURSE_CACHE, RESULT_CACHE, RESULT_CACHE_BYTES, TEXT_CACHE, TEXT_CACHE_BYTES,
                     VIEW_CACHE, VIEW_CACHE_BYTES, WORD_CACHE, WORD_CACHE_BYTES, result_size)
from .cache import BoundedCache
from .generations import (MANIFEST, REMOVED, SUGGESTIONS, WORDS, generation_path, open_generation, read_json,
                          read_manifest)
from .common_terms import CommonTerms
from .records import open_records, stored_fields_course
from .scoring import TermScores, matches, term_cache_postings

class Generation:
    """One opened, immutable catalogue generation (implements ``search.interface.Catalogue``)."""

    def __init__(self, index_dir, name):
        self.name = name
        self.index_dir = index_dir
        self.path = generation_path(index_dir, name)
        self.manifest = read_manifest(index_dir, name)
        self._speller = None
        self._suggester = None
        self._results = BoundedCache(RESULT_CACHE, max_bytes=RESULT_CACHE_BYTES)
        self._texts = BoundedCache(TEXT_CACHE, max_bytes=TEXT_CACHE_BYTES)
        self._courses = BoundedCache(COURSE_CACHE)
        self.views = BoundedCache(VIEW_CACHE, max_bytes=VIEW_CACHE_BYTES)
        self._words_memo = BoundedCache(WORD_CACHE, max_bytes=WORD_CACHE_BYTES)
        # Everything beside the index is read now, so that a generation removed from disk
        # while this process still serves it never fails a request half-way.
        self._words = read_json(index_dir, name, WORDS, None)
        self._suggestions = read_json(index_dir, name, SUGGESTIONS, None)
        self._removed = read_json(index_dir, name, REMOVED, {})
        if self._words is None or self._suggestions is None:
            raise ValueError(f"generation {name} has no {WORDS} or {SUGGESTIONS}")
        self.index = open_generation(index_dir, name)
        self._records = open_records(self.path, self.manifest)
        self._local = threading.local()
        with self.index.reader() as reader:
            self.size = reader.doc_count_all()
            if self.size != self.manifest["count"]:
                raise ValueError(f"generation {name} holds {self.size} courses, its manifest says "
                                 f"{self.manifest['count']}")
            self.term_scores = TermScores(self.size, max_postings=term_cache_postings(self.size),
                                          common=CommonTerms.open(self.path))
            self.columns = read_columns(reader, self.size)
            ids = list(reader.column_reader("id"))
            self.doc_of = {course_id: doc for doc, course_id in enumerate(ids)}
            # The order courses were written in (older generations: their document order).
            self.rows = np.fromiter(reader.column_reader("row"), dtype=np.int64, count=self.size) \
                if "row" in reader.schema else np.arange(self.size, dtype=np.int64)
            self.title_rank = {lang: ranks(reader.column_reader(f"title_key_{lang}"), self.rows)
                               for lang in ("nb", "en")}
        if self._records is not None and len(self._records) != self.size:
            raise ValueError(f"generation {name} has {len(self._records)} course records for {self.size} courses")

    def warm_up(self, today=None):
        """Read what the first searches need, before the generation is served (a search on ``today``)."""
        self.speller  # noqa: B018 - loads the words
        if today is not None:
            self.search(SearchRequest(q="kurs", today=today))

    def searcher(self):
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self.index.searcher()
        return searcher

    def still_on_disk(self):
        return os.path.exists(os.path.join(self.path, MANIFEST))

    @property
    def speller(self):
        """The catalogue's words for typo tolerance, made ready on first use."""
        if self._speller is None:
            self._speller = Speller(self._words, lexicon())
        return self._speller

    def removed(self, course_id):
        """Short facts of a course that earlier catalogues had and this one has not, or None."""
        return self._removed.get(course_id)

    def suggestions(self, typed, lang):
        """Course titles and occupations for what has been typed so far."""
        if self._suggester is None:
            self._suggester = Suggester(self._suggestions)
        return self._suggester.suggest(typed, lang)

    def correction(self, text):
        """``text`` with its unknown words replaced by the nearest known ones, or None."""
        return self.speller.correct(text, also_known=lambda word: bool(thesaurus.concepts_of_word(word)))

    @property
    def created(self):
        return dt.datetime.fromisoformat(self.manifest["created"])

    # -- looking up courses --------------------------------------------------

    def course(self, course_id):
        doc = self.doc_of.get(course_id)
        return None if doc is None else self._course(doc)

    def _course(self, doc):
        doc = int(doc)
        found = self._courses.get(doc)
        if found is None:
            if self._records is not None:
                found = self._records.course(int(self.rows[doc]))
            else:   # written before version 14
                found = stored_fields_course(self.searcher(), doc)
            self._courses.put(doc, found)
        return found

    # -- searching -----------------------------------------------------------

    def _text_matches(self, text, lang):
        """``(docs, scores)`` of the documents matching ``text`` (kept for the next search of it), or None for no text."""
        key = (text, lang)
        found = self._texts.get(key)
        if found is None:
            query = build_query(text, lang, self.speller, memo=self._words_memo)
            found = (None,) if query is None else matches(query, self.term_scores, self.searcher())
            self._texts.put(key, found, size=2 * len(text) + (12 * found[0].size if query is not None else 0))
        return None if found[0] is None else found

    def _masks(self, search_request, table=None, shared=None):
        """Each filter's mask of the courses of ``table`` (all of them by default) that pass it (None: no restriction).

        ``shared``: a dict kept by one request over its several counts (a search's ways out), which
        then compute the mask of a filter that depends on its value alone (``by_value``) once.
        """
        table = self.columns if table is None else table
        if shared is None:
            return {f.name: f.mask(table, getattr(search_request, f.name), search_request) for f in FILTERS}
        # Keyed by the table itself, held by the dict: a table's id is not reused while it is kept.
        kept = shared.setdefault(id(table), (table, {}))[1]
        masks = {}
        for f in FILTERS:
            value = getattr(search_request, f.name)
            if not f.by_value:
                masks[f.name] = f.mask(table, value, search_request)
                continue
            key = (f.name, value)
            if key not in kept:
                kept[key] = f.mask(table, value, search_request)
            masks[f.name] = kept[key]
        return masks

    def _candidates(self, search_request, shared=None):
        """``(table, docs, scores)``: the courses a search is decided among.

        With text that matches fewer than half of the catalogue, only the matching courses
        (their rows of the columns, their numbers and scores), so that filters, facets and
        order cost what the matches cost; else the whole catalogue, with the text's
        documents and scores (None without text) for ``_passing`` to leave the others out.
        """
        matched = self._text_matches(search_request.q, search_request.lang) if search_request.q else None
        if matched is None:
            return self.columns, None, None
        docs, scores = matched
        if docs.size * 2 < self.size:
            if shared is None:
                return self.columns.rows(docs), docs, scores
            # One table of the matching courses for all of one request's counts of the same text.
            key = ("rows", search_request.q, search_request.lang)
            if key not in shared:
                shared[key] = self.columns.rows(docs)
            return shared[key], docs, scores
        return self.columns, docs, scores

    def _passing(self, table, docs, masks):
        """Which rows of ``table`` pass the filters in ``masks`` and the text."""
        mask = all_of(masks, table.size)
        if docs is not None and table is self.columns:
            text = np.zeros(self.size, dtype=bool)
            text[docs] = True
            mask &= text
        return mask

    def filtered(self, search_request):
        """Which courses pass every filter of ``search_request`` (its text is not searched): a boolean array."""
        return all_of(self._masks(search_request).values(), self.size)

    def matching(self, search_request):
        """Every course that passes the filters of ``search_request``, unpaged (for a publisher's comparison)."""
        return [self._course(doc) for doc in np.flatnonzero(self.filtered(search_request))]

    def count(self, search_request, shared=None):
        """How many courses a search finds (its page, order and facets aside); kept like results.
        ``shared``: see ``_masks`` (one request's counts of searches that differ in a few filters)."""
        if search_request.today is None:
            raise ValueError("a search needs the day it is made on (search_request.today)")
        key = ("count", search_request.but(compare=(), page=1, per_page=1, sort=None), search_request.today)
        found = self._results.get(key)
        if found is None:
            table, docs, _scores = self._candidates(search_request, shared)
            if docs is not None and docs.size == 0:
                found = 0       # words that match nothing: no filter can change that
            else:
                masks = self._masks(search_request, table, shared).values()
                found = int(np.count_nonzero(self._passing(table, docs, masks)))
            self._results.put(key, found, size=2 * len(repr(key)))
        return found

    def search(self, search_request):
        """Results for a search_request; the same search_request on the same day is answered from a cache."""
        if search_request.today is None:
            raise ValueError("a search needs the day it is made on (search_request.today)")
        key = (search_request.but(compare=()), search_request.today)
        found = self._results.get(key)
        if found is None:
            found = self._search(search_request)
            self._results.put(key, found, size=result_size(key, found))
        total, page_docs, scores, facets, page_distances = found
        # The cache keeps document numbers, not courses: a page's courses are read when used.
        return SearchResult(total=total, page=search_request.page, per_page=search_request.per_page,
                            courses=PageCourses(page_docs, self._course), facets=facets, scores=scores,
                            distances=page_distances)

    def _search(self, search_request):
        table, text_docs, text_scores = self._candidates(search_request)
        masks = self._masks(search_request, table)
        facets = {f.name for f in FILTERS.facets()}
        mask = self._passing(table, text_docs, (m for name, m in masks.items() if name not in facets))
        counts = {}
        for name in facets:
            # Disjunctive counts: a facet's own selection is left out of its counts,
            # so each option shows what choosing it as well would give.
            others = all_of((masks[other] for other in facets if other != name), table.size)
            counts[name] = table.counts(FILTERS[name].column.name, mask & others)
        mask &= all_of((masks[name] for name in facets), table.size)
        # Facets in registry order, as the page and the API list them.
        counts = {f.name: counts[f.name] for f in FILTERS.facets()}

        rows = np.flatnonzero(mask)                 # rows of the table
        if table is self.columns:
            docs = rows
            scores = None
            if text_docs is not None:
                scores = np.zeros(self.size, dtype=np.float64)
                scores[text_docs] = text_scores
                scores = scores[docs]
        else:
            docs, scores = text_docs[rows], text_scores[rows]
        origin = origin_of(search_request)
        kilometres = distances(table, origin.municipality)[rows] if origin else None
        first = (search_request.page - 1) * search_request.per_page
        order = result_order(docs, search_request, scores, kilometres, self.columns, self.title_rank,
                             first + search_request.per_page)
        shown = order[first:first + search_request.per_page]
        page_docs = docs[shown]
        page_scores = [float(score) for score in scores[shown]] if scores is not None else [0.0] * len(shown)
        page_distances = [None if kilometres is None or np.isnan(kilometres[i]) else float(kilometres[i])
                          for i in shown]
        return int(docs.size), page_docs.tolist(), page_scores, counts, page_distances

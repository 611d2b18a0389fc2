"""Searching one catalogue generation: free text through Whoosh, filters and facets as arrays.

When a generation is opened, each column of the filter registry is read from its index
terms once and kept as a NumPy array (``columns.ColumnTable``), so a search_request combines
filters and counts facets with a few vector operations instead of asking Whoosh per value.
"""

import datetime as dt
import os
import threading

import numpy as np

from ...catalogue import vocabulary
from ..columns import Codes, ColumnTable
from ..filter_kinds import all_of
from ..filters import FILTERS
from ..interface import PageCourses, SearchResult
from ..location import distances, origin_of
from ..request import SearchRequest
from .. import thesaurus
from ..spelling import Speller
from ..suggest import Suggester
from ..textquery import build_query, lexicon
from .cache import BoundedCache
from .generations import (MANIFEST, REMOVED, SUGGESTIONS, WORDS, generation_path, open_generation, read_json,
                          read_manifest)
from .common_terms import CommonTerms
from .records import open_records, stored_fields_course
from .scoring import TermScores, matches, term_cache_postings

# What a generation keeps, bounded by bytes (estimated, each a little over what
# tracemalloc measures) and by entries, so that a worker's memory levels off however many
# different searches it answers: about 7 MB here, and the term scores' 4-16 MB (their
# bound is in scoring.py, the analysed words' in language.py).  Found by the soak run
# (benchmarks/soak.py): with twice these a worker grew by a quarter after its warm-up.
#
# Results by normalised request: popular searches cost no work.  Each entry is small (a
# page of document numbers and the facet counts); the bytes also count the key, which
# holds what was searched for.
RESULT_CACHE = 2048
RESULT_CACHE_BYTES = 2 * 1024 * 1024
# The courses a search's text matches, with their scores, by (text, language): the
# follow-ups of a search (a filter less, next door, online) search the same text again.
# Each entry is 12 bytes a matching course.
TEXT_CACHE = 256
TEXT_CACHE_BYTES = 2 * 1024 * 1024
# Courses read back from the index for pages of results (popular courses are shown often);
# a course is about 2.3 KB.
COURSE_CACHE = 512
# What the web makes of a course in a language (its facts in a result), by key: about 0.6 KB each.
VIEW_CACHE = 4096
VIEW_CACHE_BYTES = 4 * 1024 * 1024
# Each typed word's clause (its analysis, occupations, parts and near spellings in this catalogue).
WORD_CACHE = 4096
WORD_CACHE_BYTES = 2 * 1024 * 1024


def _result_size(key, found):
    """About what a cached result costs in memory: its key, a page of numbers, the facet counts (Python objects)."""
    _total, page_docs, _scores, facets, _distances = found
    return 2 * len(repr(key)) + 100 * len(page_docs) + 120 * sum(len(counts) for counts in facets.values())


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
            self.columns = self._columns(reader)
            ids = list(reader.column_reader("id"))
            self.doc_of = {course_id: doc for doc, course_id in enumerate(ids)}
            # The order courses were written in (older generations: their document order).
            self.rows = np.fromiter(reader.column_reader("row"), dtype=np.int64, count=self.size) \
                if "row" in reader.schema else np.arange(self.size, dtype=np.int64)
            self.title_rank = {lang: self._ranks(reader.column_reader(f"title_key_{lang}")) for lang in ("nb", "en")}
        if self._records is not None and len(self._records) != self.size:
            raise ValueError(f"generation {name} has {len(self._records)} course records for {self.size} courses")

    def _columns(self, reader):
        codes, vocabularies, numbers = {}, {}, {}
        for column in FILTERS.columns().values():
            if isinstance(column, Codes):
                values = column.values
                if values is None:
                    values = tuple(sorted(term.decode() for term in reader.lexicon(column.name))) \
                        if column.name in reader.schema else ()
                vocabularies[column.name] = values
                codes[column.name] = self._codes(reader, column.name, values)
            elif column.name in reader.schema:
                numbers[column.name] = np.fromiter(reader.column_reader(column.name), dtype=np.int64, count=self.size)
            else:  # a column declared after this generation was written
                numbers[column.name] = np.zeros(self.size, dtype=np.int64)
        return ColumnTable(self.size, codes, vocabularies, numbers)

    def _codes(self, reader, field, values):
        codes = np.full(self.size, -1, dtype=np.int16)
        if field not in reader.schema:
            return codes
        for code, value in enumerate(values):
            if reader.doc_frequency(field, value):
                codes[np.fromiter(reader.postings(field, value).all_ids(), dtype=np.int64)] = code
        return codes

    def _ranks(self, keys):
        keys, rows = list(keys), self.rows.tolist()
        order = sorted(range(self.size), key=lambda doc: (keys[doc], rows[doc]))
        ranks = np.empty(self.size, dtype=np.int64)
        ranks[order] = np.arange(self.size)
        return ranks

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
            self._results.put(key, found, size=_result_size(key, found))
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
        order = self._order(docs, search_request, scores, kilometres, first + search_request.per_page)
        shown = order[first:first + search_request.per_page]
        page_docs = docs[shown]
        page_scores = [float(score) for score in scores[shown]] if scores is not None else [0.0] * len(shown)
        page_distances = [None if kilometres is None or np.isnan(kilometres[i]) else float(kilometres[i])
                          for i in shown]
        return int(docs.size), page_docs.tolist(), page_scores, counts, page_distances

    def _order(self, docs, search_request, scores, kilometres, limit=None):
        """The order of ``docs`` for the search's sort; ``scores`` and ``kilometres`` (or None) are theirs, in line.

        With ``limit``, only the first ``limit`` positions of that order (a page needs no more).
        """
        # Title ranks are distinct (equal titles are ranked in the order they were written).
        title = self.title_rank["en" if search_request.lang == "en" else "nb"][docs]
        start = self.columns.numbers["start"][docs]
        sort = search_request.effective_sort
        if sort == "title":
            return _first(limit, title)
        if sort == "distance" and kilometres is not None:
            # Nearest first; online courses (and courses with no place) after those held somewhere.
            online = self.columns.codes["delivery"][docs] == vocabulary.DELIVERIES.index("online")
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

"""Searching one catalogue generation: free text through Whoosh, filters and facets as arrays.

When a generation is opened, each filter value's documents are read from its index
terms once and kept as NumPy arrays, so a request combines filters and counts facets
with a few vector operations instead of asking Whoosh per value.
"""

import datetime as dt
import json
import os
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass

import numpy as np

from ..catalogue import vocabulary as v
from ..catalogue.model import Course
from .generations import REMOVED, SUGGESTIONS, WORDS, generation_path, open_generation, read_json, read_manifest
from .request import FACET_GROUPS, SearchRequest
from .schema import NO_DATE, title_key
from .scoring import TermScores, evaluate
from .spelling import Speller
from .suggest import Suggester
from .textquery import build_query

RESULT_CACHE = 2048

VOCABULARIES = {
    "county": tuple(v.COUNTIES),
    "sector": v.SECTORS,
    "course_type": v.COURSE_TYPES,
    "delivery": v.DELIVERIES,
    "norwegian": ("combined", "without"),
    "status": v.STATUSES,
    "norwegian_level": v.LEVELS,
    "start_type": v.START_TYPES,
}


@dataclass
class SearchResult:
    total: int
    page: int
    per_page: int
    courses: list
    facets: dict            # group -> [(value, count), ...] in vocabulary order
    scores: list            # relevance score per course on the page (0 without text)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


class Generation:
    """One opened, immutable catalogue generation."""

    def __init__(self, index_dir, name):
        self.name = name
        self.index_dir = index_dir
        self.path = generation_path(index_dir, name)
        self.manifest = read_manifest(index_dir, name)
        self._speller = None
        self._suggester = None
        # Results by normalised request: popular searches are answered without any work.
        self._results = OrderedDict()
        self._results_lock = threading.Lock()
        self._removed = None
        self.index = open_generation(index_dir, name)
        self._local = threading.local()
        with self.index.reader() as reader:
            self.size = reader.doc_count_all()
            if self.size != self.manifest["count"]:
                raise ValueError(f"generation {name} holds {self.size} courses, its manifest says "
                                 f"{self.manifest['count']}")
            self.term_scores = TermScores(self.size)
            self.codes = {group: self._codes(reader, group, values) for group, values in VOCABULARIES.items()}
            municipalities = sorted(term.decode() for term in reader.lexicon("municipality"))
            self.municipalities = {m: i for i, m in enumerate(municipalities)}
            self.codes["municipality"] = self._codes(reader, "municipality", municipalities)
            self.numbers = {name: np.fromiter(reader.column_reader(name), dtype=np.int64, count=self.size)
                            for name in ("start", "end", "age_min", "age_max", "places")}
            ids = list(reader.column_reader("id"))
            self.doc_of = {course_id: doc for doc, course_id in enumerate(ids)}
            self.municipalities_by_county = self._municipality_names(reader)
            self.title_rank = {lang: self._ranks(reader.column_reader(f"title_key_{lang}")) for lang in ("nb", "en")}

    def _codes(self, reader, field, values):
        codes = np.full(self.size, -1, dtype=np.int16)
        for code, value in enumerate(values):
            if reader.doc_frequency(field, value):
                codes[np.fromiter(reader.postings(field, value).all_ids(), dtype=np.int64)] = code
        return codes

    def _municipality_names(self, reader):
        """``[(county, [(municipality, name), ...]), ...]``, named by the place courses there give most."""
        places = {}
        for value in reader.column_reader("municipality_place"):
            if value:
                number, place = value.split("|", 1)
                places.setdefault(number, Counter())[place or number] += 1
        by_county = {}
        for number, counter in places.items():
            by_county.setdefault(number[:2], []).append((number, counter.most_common(1)[0][0]))
        return [(county, sorted(by_county[county], key=lambda item: title_key(item[1])))
                for county in VOCABULARIES["county"] if county in by_county]

    def _ranks(self, keys):
        order = sorted(range(self.size), key=list(keys).__getitem__)
        ranks = np.empty(self.size, dtype=np.int64)
        ranks[order] = np.arange(self.size)
        return ranks

    def warm_up(self):
        """Read what the first searches need, before the generation is served."""
        self.speller  # noqa: B018 - loads the words
        self.search(SearchRequest(q="kurs"))

    def searcher(self):
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self.index.searcher()
        return searcher

    @property
    def speller(self):
        """The catalogue's words for typo tolerance, read on first use."""
        if self._speller is None:
            with open(os.path.join(self.path, WORDS), encoding="utf-8") as handle:
                self._speller = Speller(json.load(handle))
        return self._speller

    def removed(self, course_id):
        """Short facts of a course that earlier catalogues had and this one has not, or None."""
        if self._removed is None:
            self._removed = read_json(self.index_dir, self.name, REMOVED, {})
        return self._removed.get(course_id)

    def suggestions(self, typed, lang):
        """Course titles and occupations for what has been typed so far."""
        if self._suggester is None:
            with open(os.path.join(self.path, SUGGESTIONS), encoding="utf-8") as handle:
                self._suggester = Suggester(json.load(handle))
        return self._suggester.suggest(typed, lang)

    def correction(self, text):
        """``text`` with its unknown words replaced by the nearest known ones, or None."""
        return self.speller.correct(text)

    @property
    def created(self):
        return dt.datetime.fromisoformat(self.manifest["created"])

    # -- looking up courses --------------------------------------------------

    def course(self, course_id):
        doc = self.doc_of.get(course_id)
        return None if doc is None else self._course(doc)

    def _course(self, doc):
        return Course.from_record(json.loads(self.searcher().stored_fields(int(doc))["record"]))

    def all_courses(self):
        return [self._course(doc) for doc in range(self.size)]

    # -- searching -----------------------------------------------------------

    def _text_scores(self, text, lang):
        """``(mask, scores)`` of the documents matching ``text``, or None for no text."""
        query = build_query(text, lang, self.speller)
        if query is None:
            return None
        return evaluate(query, self.term_scores, self.searcher())

    def _group_mask(self, request, group):
        selected = request.selected(group)
        if not selected:
            return None
        wanted = [VOCABULARIES[group].index(value) for value in selected]
        return np.isin(self.codes[group], wanted)

    def _base_mask(self, request, today):
        mask = np.ones(self.size, dtype=bool)
        start, end = self.numbers["start"], self.numbers["end"]
        if not request.include_ended:
            mask &= ~((end != NO_DATE) & (end < today.toordinal()))
        if request.municipality:
            wanted = [self.municipalities[m] for m in request.municipality if m in self.municipalities]
            mask &= np.isin(self.codes["municipality"], wanted)
        if request.age is not None:
            mask &= (self.numbers["age_min"] <= request.age) & (self.numbers["age_max"] >= request.age)
        if request.level:
            mask &= self.codes["norwegian_level"] <= v.LEVELS.index(request.level)
        # A course with rolling start can be started on any day it runs, so it is in
        # every window that it overlaps; a fixed course is in a window if it starts there.
        if request.start_from and request.start_to and request.start_to < request.start_from:
            mask[:] = False  # a window that ends before it begins holds no day to start on
        rolling = self.codes["start_type"] == v.START_TYPES.index("rolling")
        if request.start_from:
            since = request.start_from.toordinal()
            mask &= np.where(rolling, (end == NO_DATE) | (end >= since), start >= since)
        if request.start_to:
            until = request.start_to.toordinal()
            mask &= np.where(rolling, (start == NO_DATE) | (start <= until), (start != NO_DATE) & (start <= until))
        return mask

    def filtered(self, request):
        """Which courses pass every filter of ``request`` (its text is not searched): a boolean array."""
        today = request.today or dt.date.today()
        mask = self._base_mask(request, today)
        for group in FACET_GROUPS:
            group_mask = self._group_mask(request, group)
            if group_mask is not None:
                mask &= group_mask
        return mask

    def search(self, request):
        """Results for a request; the same request on the same day is answered from a cache."""
        today = request.today or dt.date.today()
        key = (request.but(compare=(), today=None), today)
        found = self._results.get(key)
        if found is None:
            found = self._search(request, today)
            with self._results_lock:
                self._results[key] = found
                while len(self._results) > RESULT_CACHE:
                    self._results.popitem(last=False)
        total, page_docs, scores, facets = found
        # The cache keeps document numbers, not courses: a page's courses are read each time.
        return SearchResult(total=total, page=request.page, per_page=request.per_page,
                            courses=[self._course(doc) for doc in page_docs], facets=facets, scores=scores)

    def _search(self, request, today):
        mask = self._base_mask(request, today)
        matched = self._text_scores(request.q, request.lang) if request.q else None
        scores = None
        if matched is not None:
            text_mask, scores = matched
            mask &= text_mask
        groups = {group: self._group_mask(request, group) for group in FACET_GROUPS}
        facets = {}
        for group in FACET_GROUPS:
            # Disjunctive counts: a group's own selection is left out of its counts,
            # so each option shows what choosing it as well would give.
            group_mask = mask.copy()
            for other, other_mask in groups.items():
                if other != group and other_mask is not None:
                    group_mask &= other_mask
            codes = self.codes[group][group_mask]
            counts = np.bincount(codes[codes >= 0], minlength=len(VOCABULARIES[group]))
            facets[group] = list(zip(VOCABULARIES[group], (int(c) for c in counts)))
        for group_mask in groups.values():
            if group_mask is not None:
                mask &= group_mask

        docs = np.flatnonzero(mask)
        order = self._order(docs, request, scores)
        first = (request.page - 1) * request.per_page
        page_docs = docs[order[first:first + request.per_page]]
        page_scores = [float(scores[doc]) if scores is not None else 0.0 for doc in page_docs]
        return int(docs.size), page_docs.tolist(), page_scores, facets

    def _order(self, docs, request, scores):
        title = self.title_rank["en" if request.lang == "en" else "nb"][docs]
        start = self.numbers["start"][docs]
        sort = request.effective_sort
        if sort == "title":
            return np.argsort(title, kind="stable")
        if sort == "relevance" and scores is not None:
            return np.lexsort((title, start, -scores[docs]))
        return np.lexsort((title, start))

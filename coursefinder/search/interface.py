"""What a catalogue generation offers the web and the command line, whatever engine serves it.

The backend (``search/backend/``) implements :class:`Catalogue`; the rest of
coursefinder uses only these methods and attributes, so another engine can take its place.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..catalogue.model import Course
from .columns import ColumnTable
from .request import SearchRequest


class PageCourses(Sequence):
    """A page's courses, each read when first used: an answer made only of what is kept of each
    course (``Catalogue.views``, by ``keys``) reads none of them."""

    def __init__(self, keys, read):
        self.keys, self._read, self._courses = keys, read, [None] * len(keys)

    def __len__(self):
        return len(self.keys)

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[index] for index in range(*position.indices(len(self.keys)))]
        course = self._courses[position]
        if course is None:
            course = self._courses[position] = self._read(self.keys[position])
        return course

    def __iter__(self):
        return (self[position] for position in range(len(self.keys)))

    def __eq__(self, other):
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self):
        return f"PageCourses({self.keys!r})"


@dataclass
class SearchResult:
    total: int
    page: int
    per_page: int
    courses: Sequence       # a list, or PageCourses: each course's key in the generation as ``courses.keys``
    facets: dict            # facet filter name -> [(value, count), ...] in vocabulary order
    scores: list            # relevance score per course on the page (0 without text)
    distances: list = field(default_factory=list)   # km from the search's origin per course (None: unknown)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


class Catalogue(Protocol):
    """One immutable catalogue generation, as it is served."""

    name: str                   # the generation's name, for operators (gen-000042)
    size: int                   # how many courses it holds
    created: dt.datetime        # when it was imported (UTC)
    columns: ColumnTable        # per-course values for filters, facets and the offer page
    # What the web makes of a course once per generation (its facts in a language), by
    # (purpose, ``PageCourses.keys`` entry, ...): a bounded cache with ``get`` and ``put``.
    views: object

    def search(self, search_request: SearchRequest) -> SearchResult:
        """A page of results, with facet counts; ``search_request.today`` must be set."""

    def count(self, search_request: SearchRequest, shared: dict | None = None) -> int:
        """How many courses ``search_request`` finds (what ``search(...).total`` says, without a page or facets);
        ``shared``: a dict one request passes to its several counts, for what they can share."""

    def filtered(self, search_request: SearchRequest):
        """A boolean array: which courses pass every filter of ``search_request`` (its text is not searched)."""

    def matching(self, search_request: SearchRequest) -> list:
        """Every course that passes the filters of ``search_request``, unpaged."""

    def course(self, course_id: str) -> Course | None:
        """A course by its id."""

    def removed(self, course_id: str) -> dict | None:
        """Short facts of a course that an earlier catalogue had and this one has not."""

    def suggestions(self, typed: str, lang: str) -> list:
        """Course titles and occupations for what has been typed so far."""

    def correction(self, text: str) -> str | None:
        """``text`` with its unknown words replaced by the nearest known ones, or None."""

"""What a search asks for, independent of how it arrived (web form, JSON API, tests)."""

import datetime as dt
from dataclasses import dataclass, field, replace

# The filter groups that get facet counts.  Within a group the values are
# alternatives (county 03 or 46); across groups all must hold.
FACET_GROUPS = ("county", "sector", "course_type", "delivery", "norwegian")

SORTS = ("relevance", "start", "title")


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    county: tuple = ()
    municipality: tuple = ()
    age: int | None = None
    norwegian: str | None = None          # "combined" or "without"
    level: str | None = None              # the reader's own CEFR level
    course_type: tuple = ()
    sector: tuple = ()
    delivery: tuple = ()
    start_from: dt.date | None = None
    start_to: dt.date | None = None
    include_ended: bool = False
    sort: str | None = None               # None: relevance with q, else start
    page: int = 1
    per_page: int = 20
    lang: str = "nb"
    # Courses the reader has put in a comparison; not a filter, but kept in every
    # search link so that the comparison lives in the URL.
    compare: tuple = ()
    today: dt.date | None = field(default=None, compare=False)

    def selected(self, group):
        """The values selected in a facet group, as a tuple."""
        value = getattr(self, group)
        if value is None:
            return ()
        return value if isinstance(value, tuple) else (value,)

    @property
    def effective_sort(self):
        if self.sort == "relevance" and not self.q.strip():
            return "start"
        return self.sort or ("relevance" if self.q.strip() else "start")

    def but(self, **changes):
        return replace(self, **changes)

"""What a search asks for, independent of how it arrived (web form, JSON API, tests).

The filters are those of the registry (``filters.FILTERS``): a search request holds a value for
each filter that is on, and reads as ``search_request.county`` (the filter's ``off`` value when
it is not set), so a new filter needs no change here.
"""

from .filters import FILTERS

SORTS = ("relevance", "start", "title", "distance")
DEFAULT_PER_PAGE = 20


class SearchRequest:
    __slots__ = ("q", "sort", "page", "per_page", "lang", "compare", "today", "_filters", "_values")

    def __init__(self, q="", *, sort=None, page=1, per_page=DEFAULT_PER_PAGE, lang="nb", compare=(), today=None,
                 **filters):
        for name, value in (("q", q), ("sort", sort), ("page", page), ("per_page", per_page), ("lang", lang),
                            ("compare", tuple(compare)), ("today", today)):
            object.__setattr__(self, name, value)
        known = {}
        for name, value in filters.items():
            if name not in FILTERS:
                raise TypeError(f"SearchRequest has no filter named {name!r}")
            if isinstance(value, list):
                value = tuple(value)
            if value != FILTERS[name].off:
                known[name] = value
        # In registry order, so that equal searches are equal whatever order they were given in.
        object.__setattr__(self, "_filters", tuple((name, known[name]) for name in FILTERS.names() if name in known))
        object.__setattr__(self, "_values", known)

    def __getattr__(self, name):
        # Only called for names that are not slots: the filters.
        if name.startswith("_") or name not in FILTERS:
            raise AttributeError(name)
        return self._values[name] if name in self._values else FILTERS[name].off

    def __setattr__(self, name, value):
        raise AttributeError("a SearchRequest does not change; use but(...)")

    def filters_on(self):
        """``(name, value)`` of the filters that are on, in registry order."""
        return self._filters

    def filter_values(self):
        """``{name: value}`` of the filters that are on."""
        return dict(self._filters)

    def _key(self):
        # The day is not part of what was asked for; caches key on it separately.
        return (self.q, self._filters, self.sort, self.page, self.per_page, self.lang, self.compare)

    def __eq__(self, other):
        return isinstance(other, SearchRequest) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        parts = [f"{name}={value!r}" for name, value in (("q", self.q), *self._filters) if value]
        return f"SearchRequest({', '.join(parts)}, page={self.page})"

    def but(self, **changes):
        values = {"q": self.q, "sort": self.sort, "page": self.page, "per_page": self.per_page, "lang": self.lang,
                  "compare": self.compare, "today": self.today, **dict(self._filters)}
        values.update(changes)
        return SearchRequest(**values)

    def selected(self, name):
        """The values selected for a filter, as a tuple."""
        value = getattr(self, name)
        if value is None:
            return ()
        return value if isinstance(value, tuple) else (value,)

    @property
    def effective_sort(self):
        if self.sort == "relevance" and not self.q.strip():
            return "start"
        return self.sort or ("relevance" if self.q.strip() else "start")

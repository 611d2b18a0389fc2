"""Full-text search over the catalogue: the one interface the web and the command line use.

Outside this package, coursefinder imports only the names below.  Inside it, the
engine-neutral query understanding (the search_request, the filter registry, text queries,
spelling, the glossary, suggestions, the offer overview) sits beside ``backend/``, the
only package that talks to the search engine, so the engine can be swapped by writing
another backend.

- :class:`CatalogueStore` gives each search_request the current :class:`Catalogue` generation.
- :class:`SearchRequest` is what a search asks for; ``FILTERS`` the filters it can use.
- :func:`build_generation` writes a new generation and switches to it, all or nothing.
"""

from .backend.checking import check_index
from .backend.generations import (GenerationError, ImportBusy, build_generation, current_generation, import_lock,
                                  is_outdated, read_manifest)
from .backend.store import CatalogueStore, open_best
from .backend.stored import iter_stored_courses, served_courses, stored_courses
from .filter_kinds import MAX_VALUES, ParamError, split_values
from .filters import FILTERS, FORM_GROUPS
from .interface import Catalogue, SearchResult
from .location import origin_of, split_place
from .overview import Overview, compute_overview
from .request import DEFAULT_PER_PAGE, SORTS, SearchRequest


def load_shared_data():
    """Read what every catalogue's searches use and nothing changes: the thesaurus, the compound
    lexicon and its near spellings, the glossaries of every language, Norway's places.

    Done by analysing a few searches, the way a first request would.  A server does it once
    before its workers fork, so that they share those pages and no first search waits.
    """
    from .. import places
    from ..i18n import LANGUAGES
    from .location import resolve_place
    from .spelling import Speller
    from .textquery import build_query, lexicon

    for lang in LANGUAGES:
        build_query("sveisekurs truck pleier", lang)
    Speller({}, lexicon()).near("sveiskurs")       # the words of the trade every catalogue's speller knows
    resolve_place("Bergen")
    places.neighbours_of(("03",))
    places.postcode("0150")


def can_be_served(index_dir):
    """True when a generation in ``index_dir`` opens (so a server has a catalogue)."""
    return open_best(index_dir) is not None


__all__ = ["DEFAULT_PER_PAGE", "FILTERS", "FORM_GROUPS", "MAX_VALUES", "SORTS", "Catalogue", "CatalogueStore",
           "GenerationError", "ImportBusy", "Overview", "ParamError", "SearchRequest", "SearchResult", "build_generation",
           "can_be_served", "check_index", "compute_overview", "current_generation", "import_lock", "is_outdated",
           "iter_stored_courses", "load_shared_data", "origin_of", "read_manifest", "served_courses", "split_place", "split_values", "stored_courses"]

"""Full-text search over the catalogue.

Every ``import whoosh`` of coursefinder lives in this package, so that the engine can
be swapped without touching the catalogue, the web or the command line.  The rest of
the code talks to it through :class:`~.store.CatalogueStore`,
:func:`~.generations.build_generation` and :class:`~.request.SearchRequest`.
"""

from .generations import GenerationError, build_generation, current_generation
from .request import FACET_GROUPS, SearchRequest
from .store import CatalogueStore

__all__ = ["FACET_GROUPS", "CatalogueStore", "GenerationError", "SearchRequest",
           "build_generation", "current_generation"]

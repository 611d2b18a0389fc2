"""The search engine behind ``coursefinder.search``: Whoosh, through whoosh-reloaded.

Every module of coursefinder that imports ``whoosh`` is in this package.  Another engine
would replace this package and implement ``search.interface.Catalogue`` and the few
functions ``search/__init__.py`` takes from here.
"""

"""What a request's views share: the catalogue generation it is answered from, the day, the language.

The generation is looked up once per request and kept on ``g``, so the body, the ETag
and the ``X-Catalogue-Generation`` header of one answer always come from the same
catalogue, even when an import switches it while the request runs.
"""

from flask import Blueprint, abort, current_app, g

from .. import clock
from ..i18n import LANGUAGES


def catalogue():
    """The catalogue generation of this request (503 when the index holds none)."""
    found = current_catalogue()
    if found is None:
        abort(503)
    return found


def current_catalogue():
    """The same, or None when there is no catalogue to serve."""
    if "catalogue" not in g:
        g.catalogue = current_app.extensions["catalogue"].get()
    return g.catalogue


def today():
    return clock.today(current_app.config)


def language_blueprint(name, import_name):
    """A blueprint of pages under ``/<lang>/``: the language is taken from the path into ``g.lang``."""
    bp = Blueprint(name, import_name, url_prefix="/<lang>")

    @bp.url_value_preprocessor
    def take_language(endpoint, values):
        lang = (values or {}).pop("lang", None)
        if lang not in LANGUAGES:
            abort(404)
        g.lang = lang

    @bp.url_defaults
    def give_language(endpoint, values):
        if "lang" not in values and getattr(g, "lang", None):
            values["lang"] = g.lang

    return bp

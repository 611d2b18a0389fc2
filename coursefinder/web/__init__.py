"""The web side: HTML pages under /LANG/ and the JSON API under /api/v1/."""

from flask import g, request
from flask_babel import Babel

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, negotiate, translations_dir
from . import api, compare_views, course_views, errors, feeds, pages, templating  # noqa: F401 (routes)


def select_locale():
    lang = getattr(g, "lang", None)
    if lang is None and request:
        lang = request.args.get("lang") if request.path.startswith("/api/") else None
        if lang not in LANGUAGES:
            lang = DEFAULT_LANGUAGE if request.path.startswith("/api/") else negotiate(request.accept_languages)
    return LANGUAGES[lang].babel


def init_app(app):
    app.json.sort_keys = False
    Babel(app, locale_selector=select_locale, default_translation_directories=translations_dir())
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    errors.init_app(app)
    templating.init_app(app)

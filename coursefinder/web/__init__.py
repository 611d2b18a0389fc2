"""The web side: HTML pages under /LANG/ and the JSON API under /api/v1/."""

from flask import g, request
from flask_babel import Babel

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, negotiate, translations_dir
from . import (api, caching, compare_views, course_views, errors, feeds, health, offer, openapi,  # noqa: F401
               pages, security, templating)


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
    app.register_blueprint(health.bp)
    security.add_headers(app)
    caching.init_app(app)

    @app.after_request
    def generation_header(response):
        # Which catalogue answered: for operators and for checking that workers switched.
        generation = app.extensions["catalogue"].get()
        if generation is not None:
            response.headers.setdefault("X-Catalogue-Generation", generation.name)
        return response
    errors.init_app(app)
    templating.init_app(app)

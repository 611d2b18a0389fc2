"""The web side: HTML pages under /LANG/ and the JSON API under /api/v1/.

Each view module has its own blueprint; ``init_app`` registers them all, here and only here.
"""

from flask import g, request
from flask_babel import Babel

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, negotiate, translations_dir
from . import (api, caching, compare_views, course_views, errors, feed_views, health, info_views, json_provider,
               offer_views, openapi, publish_views, search_views, security, templating, translations)
from .context import current_catalogue

BLUEPRINTS = (search_views.bp, course_views.bp, compare_views.bp, feed_views.bp, offer_views.bp, info_views.bp,
              publish_views.bp, api.bp, openapi.bp, health.bp, errors.bp)


def select_locale():
    lang = getattr(g, "lang", None)
    if lang is None and request:
        lang = request.args.get("lang") if request.path.startswith("/api/") else None
        if lang not in LANGUAGES:
            lang = DEFAULT_LANGUAGE if request.path.startswith("/api/") else negotiate(request.accept_languages)
    return LANGUAGES[lang].babel


def init_app(app):
    json_provider.init_app(app)
    app.request_class = publish_views.InMemoryRequest
    babel = Babel(app, locale_selector=select_locale, default_translation_directories=translations_dir())
    translations.install(app, babel)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    security.init_app(app)
    caching.init_app(app)

    @app.after_request
    def generation_header(response):
        # Which catalogue answered: for operators and for checking that workers switched.
        generation = current_catalogue()
        if generation is not None:
            response.headers.setdefault("X-Catalogue-Generation", generation.name)
        return response
    errors.init_app(app)
    templating.init_app(app)

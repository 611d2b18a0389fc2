"""Error pages and the root redirect: every error answered in the reader's language."""

import logging

from flask import Blueprint, Response, g, jsonify, redirect, render_template, request, url_for
from flask.globals import request_ctx
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

from ..i18n import LANGUAGES, negotiate

bp = Blueprint("root", __name__)


@bp.get("/")
def root():
    """Send the reader to the interface in the language their browser asks for."""
    response = redirect(url_for("search.search", lang=negotiate(request.accept_languages)), code=302)
    response.headers["Vary"] = "Accept-Language"
    return response


def _language_of_path():
    first = request.path.strip("/").split("/")[0]
    return first if first in LANGUAGES else negotiate(request.accept_languages)


def _plain(code):
    """An answer without a page, for a request whose address cannot even be read (no links can be made)."""
    return Response(_("The request could not be read.") + f" ({code})\n", code, mimetype="text/plain")


def handle_http_error(error):
    if request_ctx.url_adapter is None:
        return _plain(error.code)
    if request.path.startswith("/api/"):
        return jsonify(error={"status": error.code, "message": error.name}), error.code
    if not getattr(g, "lang", None):
        g.lang = _language_of_path()
    if error.code == 404:
        return render_template("404.html"), 404
    if error.code == 503:
        # No catalogue yet: the index is empty and was not prepared (see `coursefinder prepare`).
        title = _("The courses cannot be shown right now")
    else:
        title = _("Something went wrong with your request")
    return render_template("error.html", title=title, code=error.code), error.code


def handle_unexpected(error):
    # A bug must still give the reader a page in their language, never a bare trace.
    log.exception("unexpected error on %s", request.path)
    if request_ctx.url_adapter is None:
        return _plain(500)
    if request.path.startswith("/api/"):
        return jsonify(error={"status": 500, "message": "Internal Server Error"}), 500
    if not getattr(g, "lang", None):
        g.lang = _language_of_path()
    return render_template("error.html", title=_("Something went wrong on our side"), code=500), 500


def init_app(app):
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)

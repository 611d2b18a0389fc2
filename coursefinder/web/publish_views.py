"""/LANG/publish/check: a publisher checks a file before importing it, in the page's language.

The file (JSON, JSON Lines, CSV, or Nav's own records; at most 10 MB) is read in memory,
checked exactly as ``coursefinder validate`` checks it, compared with the catalogue being
served for the chosen source, and dropped: nothing is stored, nothing changes, no cookie
is set.  The page works without JavaScript.
"""

import io

from flask import Request, render_template, request
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import RequestEntityTooLarge

from ..catalogue import sources
from ..catalogue.importing import plan_import
from ..catalogue.loading import FORMATS, load_sources
from ..search import SearchRequest
from .context import catalogue, language_blueprint, today

bp = language_blueprint("publish", __name__)

MAX_UPLOAD = 10 * 1024 * 1024
TOO_LARGE = _l("The file is larger than 10 MB. Check it in parts, or use coursefinder validate.")


class InMemoryRequest(Request):
    """Uploads stay in memory (Werkzeug would spool a large one to a temporary file on disk)."""

    max_content_length = MAX_UPLOAD + 64 * 1024     # the file and the form around it

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


def _check(upload, source, fmt):
    data = upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return {"too_large": True}
    label = upload.filename or "upload"
    loaded = load_sources([(label, data)], fmt=fmt)
    found = {"label": label, "problems": [p.render(gettext) for p in loaded.problems],
             "warnings": [p.render(gettext) for p in loaded.warnings], "count": len(loaded.courses)}
    if loaded.ok:
        served = catalogue().matching(SearchRequest(today=today(), include_ended=True))
        plan, clashes = plan_import(loaded, ".", source, [label], old=served)
        found["problems"] = [p.render(gettext) for p in clashes]
        found["plan"] = plan
    return found


@bp.route("/publish/check", methods=["GET", "POST"])
def check():
    result, error = None, None
    try:
        form, files = request.form, request.files
    except RequestEntityTooLarge:
        form, files = {}, {}
        error = TOO_LARGE
    source = (form.get("source") or "").strip().lower() or None
    fmt = form.get("format") if form.get("format") in FORMATS else "auto"
    if request.method == "POST" and not error:
        upload = files.get("file")
        if source is not None and not sources.valid_name(source):
            error = gettext("A source name has lower-case letters, digits and hyphens, for example nav-trondelag.")
        elif upload is None or not upload.filename:
            error = gettext("Choose a file to check.")
        else:
            result = _check(upload, source, fmt)
            if result.get("too_large"):
                error, result = TOO_LARGE, None
    known = sorted(name for name in catalogue().columns.vocabularies.get("source", ()) if sources.valid_name(name))
    status = 413 if error == TOO_LARGE else 400 if error else 200
    return render_template("publish_check.html", result=result, error=error and str(error), source=source or "", fmt=fmt,
                           known_sources=known, max_mb=MAX_UPLOAD // (1024 * 1024)), status

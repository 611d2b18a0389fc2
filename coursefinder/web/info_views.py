"""Pages about the site: the courses and the words we use, accessibility, privacy."""

from flask import render_template

from .context import language_blueprint

bp = language_blueprint("info", __name__)


@bp.get("/about")
def about():
    return render_template("about.html")


@bp.get("/accessibility")
def accessibility():
    return render_template("accessibility.html")


@bp.get("/privacy")
def privacy():
    return render_template("privacy.html")

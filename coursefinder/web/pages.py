"""The HTML pages under /LANG/: the blueprint, its language handling, and the search page.

Course, compare and feed views live in their own modules and register on ``bp``.
"""

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from .. import config
from ..i18n import LANGUAGES
from ..search import FACET_GROUPS, SearchRequest
from . import labels
from .alternatives import (did_you_mean, in_neighbouring_counties, online_elsewhere, without_filters,
                           without_one_filter)
from .navigation import FILTER_NAMES, chips, page_numbers, search_url
from .params import DEFAULT_PER_PAGE, MAX_COMPARE, MAX_QUERY, ParamError, parse_search, split_values
from .permalinks import upgraded_query
from .sharing import absolute_url

bp = Blueprint("pages", __name__, url_prefix="/<lang>")

PARAM_NAMES = {**FILTER_NAMES, "q": _l("Search for courses"), "sort": _l("Sort by"),
               "page": _l("Page"), "per_page": _l("Courses per page"), "lang": _l("Language"),
               "compare": _l("Comparison"), "v": _l("Link")}
# Parameters with a field of their own in the form (id="field-NAME"), for error links.
FORM_FIELDS = {"q", "county", "course_type", "sector", "delivery", "norwegian", "age", "level", "municipality",
               "start_from", "start_to", "include_ended", "sort"}


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


def catalogue():
    return current_app.extensions["catalogue"].get()


def today():
    return config.today(current_app.config)


def form_values():
    """What the reader entered, to fill the form again (also when it was invalid)."""
    values = {"q": request.args.getlist("q")}
    for name in request.args:
        if name != "q":
            values[name] = split_values(request.args.getlist(name))
    return values


def parse_page_search():
    """The search a page's query string asks for, and the error if it cannot be read."""
    args = request.args.copy()
    args.poplist("lang")  # the page's language is in its path; `lang` is for the API
    try:
        return parse_search(args, g.lang).but(lang=g.lang, today=today()), None
    except ParamError as problem:
        return SearchRequest(lang=g.lang, today=today()), problem


def compared_courses(generation, ids):
    return [course for course in (generation.course(course_id) for course_id in ids) if course is not None]


@bp.get("/")
def search():
    upgraded = upgraded_query(request.args)
    if upgraded is not None:
        return redirect(url_for("pages.search") + "?" + upgraded, code=301)
    search_request, error = parse_page_search()
    if error and error.personal:
        # Personal information goes into no link on the page, not even the language switch.
        g.language_urls = {code: url_for("pages.search", lang=code) for code in LANGUAGES}
    generation = catalogue()
    result = None if error else generation.search(search_request)
    facets = result.facets if result else {group: [(value, 0) for value in labels.GROUPS[group]]
                                          for group in FACET_GROUPS}
    help_ = {}
    if result:
        help_["did_you_mean"] = did_you_mean(generation, search_request, result.total)
        if result.total == 0:
            help_["without_filter"] = without_one_filter(generation, search_request)
            if help_["without_filter"] is None:
                help_["without_filters"] = without_filters(generation, search_request)
        if search_request.county:
            # Next door: the offer differs between counties, so show what is near.
            help_["neighbours"] = in_neighbouring_counties(generation, search_request)
            help_["online"] = online_elsewhere(generation, search_request)
    here = search_url(search_request, page=search_request.page)
    context = dict(
        alternatives=help_,
        request_=search_request, result=result, error=error, form=form_values(), facets=facets,
        municipalities=generation.municipalities_by_county, param_names=PARAM_NAMES, form_fields=FORM_FIELDS,
        default_per_page=DEFAULT_PER_PAGE,
        chips=chips(search_request) if not error else [], max_query=MAX_QUERY, max_compare=MAX_COMPARE,
        page_numbers=page_numbers(search_request.page, result.pages) if result else [],
        search_url=search_url, share_url=absolute_url(here),
        compared=compared_courses(generation, search_request.compare),
        feed_url=url_for("pages.feed") + here[here.index("?"):] if "?" in here else url_for("pages.feed"),
    )
    return render_template("search.html", **context), 400 if error else 200


@bp.get("/about")
def about():
    return render_template("about.html")


@bp.get("/accessibility")
def accessibility():
    return render_template("accessibility.html")


@bp.get("/privacy")
def privacy():
    return render_template("privacy.html")

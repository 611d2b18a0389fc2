"""The JSON API under /api/v1/: the same search as the pages, as data."""

from functools import lru_cache

from flask import Blueprint, jsonify, request
from flask_babel import get_locale

from ..catalogue.vocabulary import COUNTIES
from ..i18n import LANGUAGES, text_of
from ..search import FILTERS, ParamError
from .context import catalogue, today
from .course_views import course_path
from .alternatives import listed, ways_out
from .params import parse_choice, parse_query, parse_search
from .sharing import absolute_url

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _summary(course, lang, day, base, km=None):
    (course_id, title, title_lang, provider, county, county_name, place, start_type, start_date, status,
     path) = _course_facts(course, lang, request.script_root)
    found = {
        "id": course_id,
        "title": title,
        "title_lang": title_lang,
        "provider": provider,
        "county": county,
        "county_name": county_name,
        "place": place,
        "start_type": start_type,
        "start_date": start_date,
        "status": status,
        "ended": course.has_ended(day),
        "url": base + path,
    }
    if km is not None:
        found["distance_km"] = round(km, 1)
    return found


@lru_cache(maxsize=512)      # as many as a generation keeps courses (engine.COURSE_CACHE)
def _course_facts(course, lang, script_root):
    """What a result says of a course in a language that does not change with the day: made once per course."""
    title, title_lang = text_of(course, "title", lang)
    return (course.id, title, title_lang, course.provider, course.county, COUNTIES[course.county], course.place,
            course.start_type, course.start_date.isoformat() if course.start_date else None, course.status,
            course_path(course, lang))


def _problem(error):
    return jsonify(error={"parameter": error.parameter, "message": str(error.message)}), 400


# Facet labels in each interface language: {(filter, locale): {value: label}}; the
# registry's filters and their vocabularies are few, so this stays small.
_LABELS = {}


def _facets(result):
    locale = str(get_locale())
    facets = {}
    for name, values in result.facets.items():
        f = FILTERS[name]
        labels = _LABELS.setdefault((f, locale), {})
        facets[name] = [{"value": value, "label": labels[value] if value in labels else
                         labels.setdefault(value, str(f.display(value))), "count": count} for value, count in values]
    return facets


@bp.get("/courses")
def courses():
    try:
        search = parse_search(request.args, "nb")
    except ParamError as error:
        return _problem(error)
    day = today()
    search = search.but(today=day)
    generation = catalogue()
    result = generation.search(search)
    measured = search.postcode or search.place
    base = absolute_url("")
    body = dict(total=result.total, page=result.page, per_page=result.per_page,
                results=[_summary(course, search.lang, day, base, km if measured else None)
                         for course, km in zip(result.courses, result.distances or [None] * len(result.courses))],
                facets=_facets(result))
    if result.total == 0:
        body["alternatives"] = [{"label": str(way.label), "params": way.params, "total": way.total}
                                for way in listed(ways_out(generation, search, result))]
    return jsonify(**body)


@bp.get("/suggest")
def suggest():
    """Titles and occupations for search as you type: ``{"q": ..., "suggestions": [...]}``."""
    try:
        lang = parse_choice(request.args, "lang", tuple(LANGUAGES)) or "nb"
        # The same checks as a search: too long, or personal information, is refused and not echoed.
        typed = parse_query(request.args)
    except ParamError as error:
        return _problem(error)
    return jsonify(q=typed, suggestions=catalogue().suggestions(typed, lang))


@bp.get("/courses/<course_id>")
def course(course_id):
    found = catalogue().course(course_id)
    if found is None:
        return jsonify(error={"status": 404, "message": f"no course with id {course_id!r}"}), 404
    return jsonify(found.to_record())

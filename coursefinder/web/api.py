"""The JSON API under /api/v1/: the same search as the pages, as data."""

from flask import Blueprint, jsonify, request
from flask_babel import get_locale

from ..catalogue.model import has_ended
from ..catalogue.vocabulary import COUNTIES
from ..i18n import LANGUAGES, text_of
from ..search import FILTERS, ParamError
from .context import catalogue, today
from .course_views import course_path
from .alternatives import listed, ways_out
from .params import parse_choice, parse_query, parse_search
from .sharing import absolute_url

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _summaries(generation, result, lang, day, base, measured):
    """The page's results as the API gives them; what does not change with the day is made once per
    course and language in a generation (``views``), so a page of courses seen before reads none."""
    views, root, courses = generation.views, request.script_root, result.courses
    keys = getattr(courses, "keys", None) or [course.id for course in courses]
    distances = result.distances or [None] * len(keys)
    found = []
    for position, key in enumerate(keys):
        view = ("api", key, lang, root)
        facts = views.get(view)
        if facts is None:
            facts = _course_facts(courses[position], lang)
            views.put(view, facts, size=len(facts[2]) + sum(len(value) for value in facts[0].values()
                                                            if isinstance(value, str)))
        summary, end_date, path = facts
        summary = {**summary, "ended": has_ended(end_date, day), "url": base + path}
        km = distances[position]
        if measured and km is not None:
            summary["distance_km"] = round(km, 1)
        found.append(summary)
    return found


def _course_facts(course, lang):
    """What a result says of a course in a language that does not change with the day, its end date
    and its path under the script root."""
    title, title_lang = text_of(course, "title", lang)
    return {"id": course.id, "title": title, "title_lang": title_lang, "provider": course.provider,
            "county": course.county, "county_name": COUNTIES[course.county], "place": course.place,
            "start_type": course.start_type,
            "start_date": course.start_date.isoformat() if course.start_date else None, "status": course.status}, \
        course.end_date, course_path(course, lang)


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
    body = dict(total=result.total, page=result.page, per_page=result.per_page,
                results=_summaries(generation, result, search.lang, day, absolute_url(""),
                                   bool(search.postcode or search.place)),
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

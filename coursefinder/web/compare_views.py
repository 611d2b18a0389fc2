"""Courses side by side: /LANG/compare?ids=A,B,C (2 to 4 courses, kept in the URL)."""

from flask import g, render_template, request, url_for
from flask_babel import gettext as _

from ..search import split_values
from .context import catalogue, language_blueprint, today
from ..search import ParamError
from .navigation import search_url
from .params import MAX_COMPARE, URL_VERSION, parse_search
from .sharing import absolute_url

bp = language_blueprint("compare", __name__)


def compare_ids():
    return list(dict.fromkeys(split_values(request.args.getlist("ids"))))


def compare_url(ids):
    return url_for("compare.compare", ids=",".join(ids)) if ids else url_for("compare.compare")


# The rows of the comparison, in the order people choose by; each names the template
# macro that shows the value, and a key to tell whether the courses differ.
ROWS = ("where", "when", "deadline", "delivery", "length", "level", "training", "age", "target", "type",
        "content", "outcome", "provider", "places", "status")


def row_keys(course, today):
    return {
        "where": (course.delivery, course.county, course.place),
        "when": (course.start_type, course.start_date, course.end_date),
        "deadline": (course.application_deadline, course.deadline_passed(today)),
        "delivery": course.delivery,
        "target": course.target_groups,
        "type": (course.course_type, course.sector),
        "content": course.content,
        "length": (course.duration_weeks, course.hours_per_week),
        "level": course.norwegian_level,
        "training": (course.norwegian_training, course.norwegian_test),
        "age": (course.age_min, course.age_max),
        "outcome": (course.certifications, course.driving_licences),
        "provider": course.provider,
        "places": course.places,
        "status": ("ended" if course.has_ended(today) else course.status),
    }


def the_search_it_came_from(kept):
    """The search page this comparison was opened from (its parameters ride along), with the courses kept."""
    try:
        search_request = parse_search(request.args, g.lang)
    except ParamError:
        search_request = None       # a damaged search part: a plain search with the comparison
    if search_request is None:
        return url_for("search.search", compare=",".join(kept), v=URL_VERSION) if kept else url_for("search.search")
    return search_url(search_request, compare=tuple(kept)) + "#results-heading"


@bp.get("/compare")
def compare():
    ids = compare_ids()
    generation = catalogue()
    if len(ids) > MAX_COMPARE:
        message = _("You can compare at most %(max)d courses at a time. Choose fewer courses.", max=MAX_COMPARE)
        return render_template("compare.html", courses=[], missing=[], message=message, differs={}, rows=ROWS,
                               ids=ids[:MAX_COMPARE], share_url=None, search_link=None), 400
    found = {course_id: generation.course(course_id) for course_id in ids}
    courses = [course for course in found.values() if course is not None]
    missing = [course_id for course_id, course in found.items() if course is None]
    message = None
    if len(courses) < 2:
        message = _("Choose at least two courses to compare them. Use “Add to comparison” on the courses in the "
                    "search results.")
    keys = [row_keys(course, today()) for course in courses]
    differs = {row: len({repr(k[row]) for k in keys}) > 1 for row in ROWS}
    kept = [course.id for course in courses]
    search_link = the_search_it_came_from(kept)
    return render_template(
        "compare.html", courses=courses, missing=missing, message=message, differs=differs, rows=ROWS, ids=kept,
        share_url=absolute_url(compare_url(kept)) if kept else None, search_link=search_link,
        remove_urls={course.id: without(kept, course.id) for course in courses})


def without(kept, course_id):
    """This comparison without one course, the search it came from still riding along."""
    args = {name: values for name, values in request.args.to_dict(flat=False).items() if name != "ids"}
    others = [i for i in kept if i != course_id]
    return url_for("compare.compare", **args, **({"ids": ",".join(others)} if others else {}))

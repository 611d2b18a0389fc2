"""A course's own pages: the page itself (with a readable slug), its calendar file, and
the answers for courses that have ended (still there) or left the catalogue (410)."""

import re
from functools import lru_cache

from flask import abort, g, redirect, render_template, request, url_for

from .. import places
from ..catalogue.fields import ID_PATTERN
from ..i18n import LANGUAGES, content_order, text_of
from ..search import SearchRequest, origin_of, split_values
from .context import catalogue, language_blueprint, today
from .navigation import search_url
from .params import MAX_COMPARE, URL_VERSION
from .sharing import absolute_url, slugify
from .structured import calendar_ics, course_events, course_json_ld, ics_answer

bp = language_blueprint("courses", __name__)

SIMILAR = 4


def course_slug(course, lang):
    return _slug(text_of(course, "title", lang)[0] or "")


def course_path(course, lang, **args):
    title = text_of(course, "title", lang)[0]
    if args:
        return _path(course.id, title, lang, request.script_root, tuple(args.items()))
    # Ids and slugs are made of characters a path never quotes, so the path is the route's
    # own beginning and the two of them (a page of results links twenty; url_for costs 20 µs).
    return _course_prefix(lang, request.script_root) + course.id + "/" + _slug(title or "")


@lru_cache(maxsize=64)
def _course_prefix(lang, script_root):
    path = url_for("courses.course", lang=lang, course_id="x", slug="y")
    if not path.endswith("/x/y"):
        raise RuntimeError(f"a course's address is no longer .../<course_id>/<slug>: {path}")
    return path[:-len("x/y")]


@lru_cache(maxsize=4096)
def _slug(title):
    return slugify(title)


@lru_cache(maxsize=1024)
def _path(course_id, title, lang, script_root, args):
    """A course's path in a language with a query (the reader's comparison, postcode)."""
    return url_for("courses.course", lang=lang, course_id=course_id, slug=_slug(title or ""), **dict(args))


def compared():
    """The reader's comparison, the one parameter a course page knows (others are not passed on)."""
    ids = [value for value in split_values(request.args.getlist("compare")) if re.fullmatch(ID_PATTERN, value)]
    return list(dict.fromkeys(ids))[:MAX_COMPARE]


def postcode():
    """The reader's postcode, when the link carries one that exists (the course page then says its distance)."""
    code = request.args.get("postcode", "")
    return code if re.fullmatch(r"[0-9]{4}", code) and places.postcode(code) else None


def kept_args():
    ids = compared()
    return {**({"compare": ",".join(ids)} if ids else {}), **({"postcode": postcode()} if postcode() else {})}


def similar_open_courses(generation, facts, lang, leave_out=None):
    """Open courses like a course (same kind and sector; its county first)."""
    base = SearchRequest(course_type=(facts["course_type"],), sector=(facts["sector"],) if facts.get("sector") else (),
                         lang=lang, today=today(), per_page=SIMILAR + 1)
    found = []
    for search in (base.but(county=(facts["county"],)), base):
        for course in generation.search(search).courses:
            if course.id != leave_out and course.status != "cancelled" and course.id not in {c.id for c in found}:
                found.append(course)
    return found[:SIMILAR], base


def _gone(generation, course_id, lang):
    facts = generation.removed(course_id)
    if facts is None:
        abort(404)
    similar, search = similar_open_courses(generation, facts, lang)
    # The removed course's title in the reader's best language (as text_of chooses for a course).
    title_lang = next((code for code in content_order(lang) if facts.get(f"title_{code}")), "nb")
    title = facts.get(f"title_{title_lang}") or facts["title_nb"]
    return render_template("gone.html", title=title, title_lang=title_lang,
                           similar=similar, search_link=search_url(search), removed=facts.get("removed")), 410


@bp.get("/courses/<course_id>")
def course_by_id(course_id):
    generation = catalogue()
    found = generation.course(course_id)
    if found is None:
        return _gone(generation, course_id, g.lang)
    return redirect(course_path(found, g.lang, **kept_args()), code=301)


@bp.get("/courses/<course_id>/<slug>")
def course(course_id, slug):
    generation = catalogue()
    found = generation.course(course_id)
    lang = g.lang
    if found is None:
        return _gone(generation, course_id, lang)
    if slug != course_slug(found, lang):
        return redirect(course_path(found, lang, **kept_args()), code=301)
    ended = found.has_ended(today())
    similar = similar_open_courses(generation, found.__dict__, lang, leave_out=found.id)[0] if ended else []
    compare = compared()
    here = course_path(found, lang)
    g.language_urls = {code: course_path(found, code, **kept_args()) for code in LANGUAGES}
    origin = origin_of(SearchRequest(postcode=postcode())) if postcode() else None
    km = places.distance_km(origin.municipality, found.municipality) \
        if origin and found.municipality and places.municipality(found.municipality) else None
    return render_template(
        "course.html", course=found, ended=ended, similar=similar, compare=compare, max_compare=MAX_COMPARE,
        share_url=absolute_url(here), json_ld=course_json_ld(found, absolute_url(here), lang),
        url_version=URL_VERSION, origin=origin, km=km)


@bp.get("/courses/<course_id>/calendar.ics")
def course_calendar(course_id):
    generation = catalogue()
    found = generation.course(course_id)
    if found is None:
        abort(404)
    lang = g.lang
    events = course_events(found, absolute_url(course_path(found, lang)), lang, today())
    if not events:
        abort(404)
    title = text_of(found, "title", lang)[0]
    return ics_answer(calendar_ics(events, title, generation.created), slugify(title))

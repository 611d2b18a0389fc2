"""Following a search, with the search page's query string: its Atom feed (/LANG/feed.atom), a
calendar file of its courses' dates (/LANG/calendar.ics), and a page that explains both
(/LANG/follow), the one the search page links to.

The feed's newest courses (by when the catalogue last changed them) come first.  Feed and
calendar hold the search's first ``FEED_SIZE`` courses.
"""

import datetime as dt

from babel.lists import format_list
from flask import g, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import places
from ..i18n import LANGUAGES, text_of
from ..search import DEFAULT_PER_PAGE, FILTERS
from .context import catalogue, language_blueprint, today
from .course_views import course_path
from .navigation import chips, query_string
from .params import to_args
from .search_views import PARAM_NAMES, parse_page_search
from .sharing import absolute_url, slugify
from .structured import calendar_ics, course_events, ics_answer

bp = language_blueprint("feeds", __name__)

FEED_SIZE = 50
# The filters that say where the courses are held: "in Vestland or Rogaland" (those registered).
PLACE_FILTERS = ("county", "municipality", "place")
PLAIN = {"Content-Type": "text/plain; charset=utf-8"}


def _in_sentence(text):
    """``With Norwegian training`` -> ``with Norwegian training``, to stand inside a sentence (``B1`` stays)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _either(values):
    """``a, b or c`` in the page's language."""
    return format_list(list(values), style="or", locale=get_locale())


def _place(filter_name, value):
    if filter_name == "municipality":
        found = places.municipality(value)
        return found.name if found else value
    return value


def search_in_words(search_request):
    """A search said in words, from its text and its chips: ``Courses for “sveis” in Vestland, with Norwegian training``.

    Places are said as "in ...", a chip whose value names its filter ("With Norwegian
    training") by its value, a chip without a value (a flag) by its filter, and any other
    as "filter: value"; the values of one filter are alternatives ("online or partly online").
    """
    selected = {}
    for chip in chips(search_request):
        selected.setdefault(str(chip.name), []).append(str(chip.value))
    if not search_request.q and not selected:
        return _("New courses")
    place_labels = {str(FILTERS[name].label): name for name in PLACE_FILTERS if name in FILTERS}
    where, others = [], []
    for label, values in selected.items():
        if label in place_labels:
            where.append(_("in %(places)s", places=_either(_place(place_labels[label], v) for v in values)))
        elif not any(values):
            others.append(_in_sentence(label))
        elif all(label.casefold() in value.casefold() for value in values):
            others.append(_either(_in_sentence(value) for value in values))
        else:
            others.append(_("%(name)s: %(value)s", name=_in_sentence(label), value=_either(values)))
    words = _("Courses for “%(q)s”", q=search_request.q) if search_request.q else _("Courses")
    if where:
        words += " " + ", ".join(where)
    return ", ".join([words, *others])


def follow_query(search_request):
    """The query string of a search to follow: ``?q=sveis&county=46&v=1`` (no page, page size or comparison)."""
    return query_string(to_args(search_request.but(page=1, per_page=DEFAULT_PER_PAGE, compare=())))


def _refused(message, error):
    """The plain answer for a feed or calendar address that does not hold a valid search."""
    return message % {"problem": f"{error.parameter}: {error.message}"}, 400, PLAIN


def _first(search_request):
    """The search's result with its first ``FEED_SIZE`` courses."""
    return catalogue().search(search_request.but(page=1, per_page=FEED_SIZE))


def _updated(course, generation):
    if course.updated_at:
        stamp = course.updated_at
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
    return generation.created


@bp.get("/feed.atom")
def feed():
    search_request, error = parse_page_search()
    if error:
        return _refused(_("This feed address is not valid: %(problem)s"), error)
    generation = catalogue()
    entries = []
    for course in _first(search_request).courses:
        title, title_lang = text_of(course, "title", search_request.lang)
        summary, summary_lang = text_of(course, "summary", search_request.lang)
        entries.append({"course": course, "title": title, "title_lang": title_lang,
                        # The summary is in the feed's language: the course's own only when it is written in it.
                        "summary": summary if summary_lang == search_request.lang else None,
                        "url": absolute_url(course_path(course, search_request.lang)),
                        "updated": _updated(course, generation)})
    entries.sort(key=lambda entry: entry["updated"], reverse=True)
    query = follow_query(search_request)
    body = render_template("feed.xml", entries=entries, self_url=absolute_url(url_for("feeds.feed") + query),
                           html_url=absolute_url(url_for("search.search") + query),
                           title=search_in_words(search_request),
                           updated=max([e["updated"] for e in entries], default=generation.created))
    return body, 200, {"Content-Type": "application/atom+xml; charset=utf-8"}


def _events(courses, lang):
    """The calendar events of courses; cancelled courses are left out (they will not take place)."""
    day = today()
    return [event for course in courses if course.status != "cancelled"
            for event in course_events(course, absolute_url(course_path(course, lang)), lang, day)]


NO_DATES = _l("No course for this search has a start date or an application deadline yet, so there is nothing "
              "to add to a calendar.")


@bp.get("/calendar.ics")
def calendar():
    search_request, error = parse_page_search()
    if error:
        return _refused(_("This calendar address is not valid: %(problem)s"), error)
    events = _events(_first(search_request).courses, search_request.lang)
    if not events:
        return str(NO_DATES), 404, PLAIN
    words = search_in_words(search_request)
    return ics_answer(calendar_ics(events, f"{words} – {_('Course finder')}", catalogue().created), slugify(words))


@bp.get("/follow")
def follow():
    search_request, error = parse_page_search()
    if error:
        if error.personal:
            # Personal information goes into no link on the page, not even the language switch.
            g.language_urls = {code: url_for("feeds.follow", lang=code) for code in LANGUAGES}
            back = url_for("search.search")
        else:
            back = url_for("search.search") + query_string(list(request.args.items(multi=True)))
        return render_template("follow.html", error=error, param_names=PARAM_NAMES, search_link=back), 400
    result = _first(search_request)
    query = follow_query(search_request)
    g.language_urls = {code: url_for("feeds.follow", lang=code) + query for code in LANGUAGES}
    return render_template(
        "follow.html", error=None, words=search_in_words(search_request), total=result.total,
        search_link=url_for("search.search") + query, feed_url=absolute_url(url_for("feeds.feed") + query),
        calendar_url=url_for("feeds.calendar") + query if _events(result.courses, search_request.lang) else None,
        no_dates=NO_DATES, calendar_size=FEED_SIZE)

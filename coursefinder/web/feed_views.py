"""An Atom feed for any search: /LANG/feed.atom with the search page's query string.

Advisers and jobseekers can follow a search; the newest courses (by when the catalogue
last changed them) come first.
"""

import datetime as dt

from flask import render_template, url_for
from flask_babel import gettext as _

from ..i18n import text_of
from .context import catalogue, language_blueprint
from .course_views import course_path
from .navigation import search_url
from .search_views import parse_page_search
from .sharing import absolute_url

bp = language_blueprint("feeds", __name__)

FEED_SIZE = 50


def _updated(course, generation):
    if course.updated_at:
        stamp = course.updated_at
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
    return generation.created


@bp.get("/feed.atom")
def feed():
    search_request, error = parse_page_search()
    if error:
        return _("This feed address is not valid: %(problem)s", problem=f"{error.parameter}: {error.message}"), \
            400, {"Content-Type": "text/plain; charset=utf-8"}
    generation = catalogue()
    result = generation.search(search_request.but(page=1, per_page=FEED_SIZE))
    entries = []
    for course in result.courses:
        title, title_lang = text_of(course, "title", search_request.lang)
        summary, summary_lang = text_of(course, "summary", search_request.lang)
        entries.append({"course": course, "title": title, "title_lang": title_lang, "summary": summary,
                        "summary_lang": summary_lang, "url": absolute_url(course_path(course, search_request.lang)),
                        "updated": _updated(course, generation)})
    entries.sort(key=lambda entry: entry["updated"], reverse=True)
    page = search_url(search_request)
    self_url = absolute_url(url_for("feeds.feed") + page[page.index("?"):])
    body = render_template("feed.xml", entries=entries, self_url=self_url, html_url=absolute_url(page),
                           search=search_request, updated=max([e["updated"] for e in entries],
                                                               default=generation.created))
    return body, 200, {"Content-Type": "application/atom+xml; charset=utf-8"}

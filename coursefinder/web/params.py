"""Reading search parameters from a query string, the same for the web pages and the API.

Empty values count as absent (a GET form sends every field), repeatable parameters may
also be given comma-separated, and unknown parameters are ignored.  A bad value raises
:class:`ParamError` naming the parameter, with a message in the reader's language.  The
filters are read by the registry (``search.FILTERS``); the rest is here.
"""

import re

from flask_babel import lazy_gettext as _l

from ..catalogue.fields import ID_PATTERN
from ..i18n import LANGUAGES
from ..search import DEFAULT_PER_PAGE, FILTERS, SORTS, ParamError, SearchRequest, split_place, split_values
from ..text import visible
from .privacy import refuse_personal

MAX_QUERY = 200
MAX_COMPARE = 4
# The version of the search URL format, carried as v= in every search link the site
# makes; links in an older format are redirected to today's (see permalinks.py).
URL_VERSION = "1"
MAX_PAGE = 1000
MAX_PER_PAGE = 100
# At most this many values in all parameters of one search together: every value costs
# work in the chips and links of a page, and no person chooses more.
MAX_TOTAL_VALUES = 150


def _single(args, name):
    values = [value.strip() for value in args.getlist(name) if value.strip()]
    if len(values) > 1:
        raise ParamError(name, _l("give this parameter only once"))
    return values[0] if values else None


def _integer(args, name, low, high, default=None):
    value = _single(args, name)
    if value is None:
        return default
    if not re.fullmatch(r"[0-9]{1,6}", value) or not low <= int(value) <= high:
        raise ParamError(name, _l("must be a whole number from %(low)d to %(high)d") % {"low": low, "high": high})
    return int(value)


def parse_choice(args, name, allowed):
    value = _single(args, name)
    if value is not None and value not in allowed:
        raise ParamError(name, _l("'%(value)s' is not allowed; use one of: %(allowed)s")
                         % {"value": value, "allowed": ", ".join(allowed)})
    return value


def parse_query(args):
    """The search text, refused when too long or when it holds personal information.

    Control characters are taken out (they are never part of a word), so they reach no
    page, feed or log.
    """
    q = " ".join(visible(" ".join(args.getlist("q"))).replace("\ufffd", " ").split())
    if len(q) > MAX_QUERY:
        raise ParamError("q", _l("the search text is %(length)d characters long; at most %(max)d are allowed")
                         % {"length": len(q), "max": MAX_QUERY})
    refuse_personal("q", q)
    return q


def parse_filters(args):
    """``{name: value}`` of every filter of the registry, from query parameters."""
    return {f.name: f.parse(split_values(args.getlist(f.name))) for f in FILTERS}


def check_size(args):
    """Refuse a query string with more values than any search needs, naming the parameter with most."""
    counts = {name: len(split_values(args.getlist(name))) for name in args if name != "q"}
    if counts and sum(counts.values()) > MAX_TOTAL_VALUES:
        raise ParamError(max(counts, key=counts.get), _l("this search has %(count)d values; at most %(max)d are "
                                                          "allowed in all") % {"count": sum(counts.values()),
                                                                               "max": MAX_TOTAL_VALUES})


def parse_search(args, lang):
    """A :class:`SearchRequest` from query parameters, or :class:`ParamError`.

    A place named in the search text (``truck bergen``) is read as the ``place`` filter
    (courses held there) and taken out of the text, unless the link names a place itself.
    """
    check_size(args)
    q = parse_query(args)
    filters = parse_filters(args)
    if filters.get("place") is None:
        q, filters["place"] = split_place(q)
    has_origin = filters.get("postcode") or filters.get("place")
    if filters.get("distance") is not None and not has_origin:
        raise ParamError("distance", _l("a distance needs a postcode to be measured from"))
    answer_lang = parse_choice(args, "lang", tuple(LANGUAGES)) or lang
    version = _single(args, "v")
    if version is not None and version != URL_VERSION:
        raise ParamError("v", _l("this link is in a format the site does not know; start a new search"))
    compare = tuple(dict.fromkeys(split_values(args.getlist("compare"))))
    if len(compare) > MAX_COMPARE:
        raise ParamError("compare", _l("you can compare at most %(max)d courses at a time") % {"max": MAX_COMPARE})
    if any(not re.fullmatch(ID_PATTERN, value) for value in compare):
        raise ParamError("compare", _l("a course number in the comparison is not valid"))
    sort = parse_choice(args, "sort", SORTS)
    if sort == "distance" and not (has_origin or filters.get("municipality") or len(filters.get("county", ())) == 1):
        raise ParamError("sort", _l("sorting by distance needs a postcode to measure from"))
    return SearchRequest(
        q=q,
        sort=sort,
        page=_integer(args, "page", 1, MAX_PAGE, default=1),
        per_page=_integer(args, "per_page", 1, MAX_PER_PAGE, default=DEFAULT_PER_PAGE),
        lang=answer_lang,
        compare=compare,
        **filters,
    )


def to_args(search_request, **changes):
    """Query parameters (a list of pairs) that give ``search_request`` back; defaults left out."""
    search_request = search_request.but(**changes) if changes else search_request
    pairs = []
    if search_request.q:
        pairs.append(("q", search_request.q))
    # A filter that is off gives no parameter.
    for name, value in search_request.filters_on():
        pairs.extend((name, arg) for arg in FILTERS[name].to_args(value))
    if search_request.sort is not None:
        pairs.append(("sort", search_request.sort))
    if search_request.per_page != DEFAULT_PER_PAGE:
        pairs.append(("per_page", str(search_request.per_page)))
    if search_request.page != 1:
        pairs.append(("page", str(search_request.page)))
    if search_request.compare:
        pairs.append(("compare", ",".join(search_request.compare)))
    pairs.append(("v", URL_VERSION))
    return pairs

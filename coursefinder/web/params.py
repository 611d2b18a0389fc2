"""Reading search parameters from a query string, the same for the web pages and the API.

Empty values count as absent (a GET form sends every field), repeatable parameters may
also be given comma-separated, and unknown parameters are ignored.  A bad value raises
:class:`ParamError` naming the parameter, with a message in the reader's language.
"""

import datetime as dt
import re

from flask_babel import lazy_gettext as _l

from ..catalogue import vocabulary as v
from ..catalogue.fields import ID_PATTERN
from ..i18n import LANGUAGES
from ..search import SearchRequest
from ..search.request import SORTS

MAX_QUERY = 200
MAX_COMPARE = 4
# The version of the search URL format, carried as v= in every search link the site
# makes; links in an older format are redirected to today's (see permalinks.py).
URL_VERSION = "1"
MAX_PAGE = 1000
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20

_TRUE, _FALSE = {"1", "true", "yes", "ja", "on"}, {"0", "false", "no", "nei", "off"}


# What looks like a Norwegian national identity number (11 digits, maybe 6 + 5) or an
# e-mail address.  Such text is refused, not searched, and never written anywhere.
PERSONAL = re.compile(r"(?<!\d)\d{6}[ .-]?\d{5}(?!\d)|[^\s@]+@[^\s@]+\.[^\s@]{2,}")


class ParamError(ValueError):
    def __init__(self, parameter, message, personal=False):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message
        # The value held personal information: do not show it again, not even to its writer.
        self.personal = personal


def split_values(raw_values):
    """Values given repeated (``a=1&a=2``) or comma-separated (``a=1,2``), in order, blanks left out."""
    return [part.strip() for raw in raw_values for part in raw.split(",") if part.strip()]


def _values(args, name):
    return split_values(args.getlist(name))


def _single(args, name):
    values = [value.strip() for value in args.getlist(name) if value.strip()]
    if len(values) > 1:
        raise ParamError(name, _l("give this parameter only once"))
    return values[0] if values else None


def _codes(args, name, allowed, message):
    values = _values(args, name)
    for value in values:
        if value not in allowed:
            raise ParamError(name, message % {"value": value, "allowed": ", ".join(allowed)})
    return tuple(dict.fromkeys(values))


def _integer(args, name, low, high, default=None):
    value = _single(args, name)
    if value is None:
        return default
    if not re.fullmatch(r"[0-9]{1,6}", value) or not low <= int(value) <= high:
        raise ParamError(name, _l("must be a whole number from %(low)d to %(high)d") % {"low": low, "high": high})
    return int(value)


def _date(args, name):
    value = _single(args, name)
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ParamError(name, _l("must be a date written as YYYY-MM-DD, for example 2027-02-01")) from None


def _choice(args, name, allowed, transform=str):
    value = _single(args, name)
    if value is None:
        return None
    if transform(value) not in allowed:
        raise ParamError(name, _l("'%(value)s' is not allowed; use one of: %(allowed)s")
                         % {"value": value, "allowed": ", ".join(allowed)})
    return transform(value)


def parse_search(args, lang):
    """A :class:`SearchRequest` from query parameters, or :class:`ParamError`."""
    q = " ".join(args.getlist("q")).strip()
    if len(q) > MAX_QUERY:
        raise ParamError("q", _l("the search text is %(length)d characters long; at most %(max)d are allowed")
                         % {"length": len(q), "max": MAX_QUERY})
    if PERSONAL.search(q):
        raise ParamError("q", _l("Please do not write personal information, such as a national identity number or "
                                 "an e-mail address, in the search. Search for a job, a course or a place."),
                         personal=True)
    not_allowed = _l("'%(value)s' is not allowed; use one of: %(allowed)s")
    municipalities = _values(args, "municipality")
    for value in municipalities:
        if not re.fullmatch(r"[0-9]{4}", value):
            raise ParamError("municipality", _l("'%(value)s' is not a municipality number of four digits")
                             % {"value": value})
    include_ended = _single(args, "include_ended")
    if include_ended is not None and include_ended.lower() not in _TRUE | _FALSE:
        raise ParamError("include_ended", _l("use 1 to include courses that have ended, or 0"))
    # A window that ends before it starts is valid and finds nothing; the page then offers
    # the search without one of the two dates.
    start_from, start_to = _date(args, "start_from"), _date(args, "start_to")
    answer_lang = _choice(args, "lang", tuple(LANGUAGES)) or lang
    version = _single(args, "v")
    if version is not None and version != URL_VERSION:
        raise ParamError("v", _l("this link is in a format the site does not know; start a new search"))
    compare = tuple(dict.fromkeys(_values(args, "compare")))
    if len(compare) > MAX_COMPARE:
        raise ParamError("compare", _l("you can compare at most %(max)d courses at a time") % {"max": MAX_COMPARE})
    if any(not re.fullmatch(ID_PATTERN, value) for value in compare):
        raise ParamError("compare", _l("a course number in the comparison is not valid"))
    return SearchRequest(
        q=q,
        county=_codes(args, "county", tuple(v.COUNTIES), not_allowed),
        municipality=tuple(dict.fromkeys(municipalities)),
        age=_integer(args, "age", *v.AGE_RANGE),
        norwegian=_choice(args, "norwegian", ("combined", "without")),
        level=_choice(args, "level", v.LEVELS, str.upper),
        course_type=_codes(args, "course_type", v.COURSE_TYPES, not_allowed),
        sector=_codes(args, "sector", v.SECTORS, not_allowed),
        delivery=_codes(args, "delivery", v.DELIVERIES, not_allowed),
        start_from=start_from,
        start_to=start_to,
        include_ended=include_ended is not None and include_ended.lower() in _TRUE,
        sort=_choice(args, "sort", SORTS),
        page=_integer(args, "page", 1, MAX_PAGE, default=1),
        per_page=_integer(args, "per_page", 1, MAX_PER_PAGE, default=DEFAULT_PER_PAGE),
        lang=answer_lang,
        compare=compare,
    )


def to_args(request, **changes):
    """Query parameters (a list of pairs) that give ``request`` back; defaults left out."""
    request = request.but(**changes) if changes else request
    pairs = []
    if request.q:
        pairs.append(("q", request.q))
    for name in ("county", "municipality", "course_type", "sector", "delivery"):
        pairs.extend((name, value) for value in getattr(request, name))
    for name in ("age", "norwegian", "level", "start_from", "start_to", "sort"):
        value = getattr(request, name)
        if value is not None:
            pairs.append((name, value.isoformat() if isinstance(value, dt.date) else str(value)))
    if request.include_ended:
        pairs.append(("include_ended", "1"))
    if request.per_page != DEFAULT_PER_PAGE:
        pairs.append(("per_page", str(request.per_page)))
    if request.page != 1:
        pairs.append(("page", str(request.page)))
    if request.compare:
        pairs.append(("compare", ",".join(request.compare)))
    pairs.append(("v", URL_VERSION))
    return pairs

"""The search filters of coursefinder: the one registry that every layer loops over.

Parameter parsing (web pages, API, ``coursefinder report``), the links and chips of a
results page, the zero-result alternatives, the OpenAPI document, the search form, the
offer page's filters and the engine's masks and facets all take their filters from
``FILTERS``.  Adding a filter is one declaration here plus its labels in the catalogs
(see the README's developer section for a worked example).
"""

import numpy as np
from flask_babel import lazy_gettext as _l

from .. import places
from ..catalogue import vocabulary
from ..i18n import labels
from .columns import BASE_COLUMNS, NO_DATE, Codes
from .filter_kinds import AtMost, Choice, Day, Flag, Reference, Text, WholeNumber
from .location import distances, origin_of, resolve_place

# Fieldsets of the search form that hold more than one filter, in the order shown.
FORM_GROUPS = {"near": _l("Near you"), "you": _l("About you"), "start": _l("Start date")}
# The distances the form offers, as Nav's job search (arbeidsplassen) does.
DISTANCE_STEPS = (1, 3, 5, 7, 10, 20, 30, 50, 75, 100, 150)


class _MunicipalityNames:
    """Municipality number -> its name, for chips and labels (the places table)."""

    def get(self, number, default=None):
        found = places.municipality(number)
        return found.name if found else default


class Registry:
    """Filters by name, in the order their parameters are written into links."""

    def __init__(self, filters):
        self._filters = {f.name: f for f in filters}

    def __iter__(self):
        return iter(list(self._filters.values()))

    def __getitem__(self, name):
        return self._filters[name]

    def __contains__(self, name):
        return name in self._filters

    def names(self):
        return tuple(self._filters)

    def register(self, new, after=None):
        """Add a filter (after the one named ``after``, else last); returns it."""
        if new.name in self._filters:
            raise ValueError(f"a filter named {new.name!r} is registered already")
        items = list(self._filters.items())
        at = len(items) if after is None else [name for name, _ in items].index(after) + 1
        items.insert(at, (new.name, new))
        self._filters = dict(items)
        return new

    def unregister(self, name):
        del self._filters[name]

    def facets(self):
        """The filters that answer with a count for each option, in registry order."""
        return [f for f in self if f.facet]

    def columns(self):
        """Every column a generation keeps: the base ones and those the filters declare."""
        found = {column.name: column for column in BASE_COLUMNS}
        for f in self:
            for column in f.columns:
                found.setdefault(column.name, column)
        return found


def _column(name):
    return next(column for column in BASE_COLUMNS if column.name == name)


def _age(table, age, search_request):
    return (table.numbers["age_min"] <= age) & (table.numbers["age_max"] >= age)


def _rolling(table):
    return table.codes["start_type"] == vocabulary.START_TYPES.index("rolling")


# A course with rolling start can be started on any day it runs, so it is in every window
# that it overlaps; a fixed course is in a window if it starts there.
def _starts_from(table, day, search_request):
    if search_request.start_to is not None and search_request.start_to < day:
        # A window that ends before it begins holds no day to start on.
        return np.zeros(table.size, dtype=bool)
    start, end, since = table.numbers["start"], table.numbers["end"], day.toordinal()
    return np.where(_rolling(table), (end == NO_DATE) | (end >= since), start >= since)


def _starts_to(table, day, search_request):
    start, until = table.numbers["start"], day.toordinal()
    return np.where(_rolling(table), (start == NO_DATE) | (start <= until), (start != NO_DATE) & (start <= until))


def _held_in(table, match, search_request):
    if search_request.distance is not None:
        return None     # a distance from the place says where, instead of the place itself
    if match.kind == "county":
        return table.is_in("county", match.numbers)
    return table.is_in("municipality", match.numbers)


def _within(table, km, search_request):
    origin = origin_of(search_request)
    if origin is None:
        return np.zeros(table.size, dtype=bool)
    online = table.codes["delivery"] == vocabulary.DELIVERIES.index("online")
    # Online courses can be followed from anywhere; the delivery filter can still leave them out.
    return (distances(table, origin.municipality) <= km) | online


def _not_ended(table, include_ended, search_request):
    if include_ended:
        return None
    if search_request.today is None:
        raise ValueError("a search needs the day it is made on (search_request.today) to leave out ended courses")
    end = table.numbers["end"]
    return ~((end != NO_DATE) & (end < search_request.today.toordinal()))


FILTERS = Registry([
    Choice("county", _l("County"), _column("county"), labels=vocabulary.COUNTIES, facet=True, widget="checkboxes",
           description="County numbers; courses in any of them."),
    Choice("municipality", _l("Municipality"), _column("municipality"), widget="municipality",
           field_label=_l("Courses held in"), any_label=_l("All municipalities"), labels=_MunicipalityNames(),
           pattern=r"[0-9]{4}", pattern_message=_l("'%(value)s' is not a municipality number of four digits"),
           known=places.municipality, unknown_message=_l("'%(value)s' is not the number of a municipality"),
           description="Municipality numbers (2024 numbering); a number that is no municipality is refused (400)."),
    Text("place", _l("Near"), resolve=resolve_place, match=_held_in,
         unknown_message=_l("'%(value)s' is not a place in Norway that the site knows"),
         description="A place named in the search: a municipality, a postcode's place or a county (the site reads "
                     "it out of q; courses held there). A name the site does not know is refused (400)."),
    Reference("postcode", _l("Postcode"), widget="postcode", group="near", field_label=_l("Your postcode"),
              hint=_l("Your home or your Nav office. Four digits, for example 5003."),
              pattern=r"[0-9]{4}", pattern_message=_l("'%(value)s' is not a postcode of four digits"),
              known=places.postcode, unknown_message=_l("'%(value)s' is not a Norwegian postcode"),
              describe=lambda code: f"{code} {places.postcode(code).place}",
              description="A postcode (home or Nav office): distances are measured from its municipality. Four "
                          "digits that are no Norwegian postcode are refused (400)."),
    WholeNumber("distance", _l("Distance"), 1, 500, match=_within, widget="distance", group="near",
                field_label=_l("How far you can travel"), steps=DISTANCE_STEPS, step_label=_l("Within %(distance)s km"),
                any_label=_l("Any distance"),
                description="Kilometres in a straight line from the postcode's municipality (1 to 500); needs "
                            "postcode (or a place in q). Online courses are kept unless delivery leaves them out."),
    Choice("course_type", _l("Course type"), _column("course_type"), labels=labels.COURSE_TYPES, facet=True,
           widget="checkboxes", description="Course types.", on_offer=True),
    Choice("sector", _l("Sector"), _column("sector"), labels=labels.SECTORS, facet=True, widget="checkboxes",
           description="Sectors.", on_offer=True),
    Choice("delivery", _l("How it is taught"), _column("delivery"), labels=labels.DELIVERIES, facet=True,
           widget="checkboxes", description="How the course is taught."),
    WholeNumber("age", _l("Age"), *vocabulary.AGE_RANGE, match=_age, group="you", field_label=_l("Your age"),
                hint=_l("Shows courses that accept your age. From 16 to 67."),
                description="The reader's age: courses with age_min <= age <= age_max.",
                presets=(18, 24, 30, 50), preset_label=_l("Open to someone aged %(age)s")),
    Choice("norwegian", _l("Norwegian training"), _column("norwegian"),
           labels=labels.NORWEGIAN, multiple=False, facet=True, widget="radios",
           description="With or without Norwegian training.", on_offer=True),
    AtMost("level", _l("Your Norwegian level"), _column("norwegian_level"), labels=labels.LEVEL_CAN_DO,
           short_labels=labels.LEVEL_NAMES, multiple=False, floor="none", widget="select", group="you", any_label=_l("Any level"),
           hint=_l("Shows courses you can follow with the Norwegian you have now."),
           description="The reader's Norwegian: courses needing it or less; none: only courses that need no "
                       "Norwegian."),
    Day("start_from", _l("Starts on or after"), match=_starts_from, group="start",
        description="Starts on or after (YYYY-MM-DD)."),
    Day("start_to", _l("Starts on or before"), match=_starts_to, group="start",
        hint=_l("Courses with rolling start are shown for every date they run."),
        description="Starts on or before (YYYY-MM-DD)."),
    Choice("source", _l("Source"), Codes("source", None, lambda course: course.source or "catalogue"),
           labels=labels.SOURCES, pattern=r"[a-z0-9-]{1,64}", on_offer=True,
           pattern_message=_l("'%(value)s' is not a source name: use lower-case letters, digits and hyphens"),
           description="Sources (the county office, provider or feed that published the course; empty for a "
                       "import of the whole catalogue: catalogue). Not in the search form; the offer page and the "
                       "API use it."),
    Flag("include_ended", _l("Also courses that have ended"), match=_not_ended, narrows=False, group="start",
         field_label=_l("Also show courses that have ended"),
         message=_l("use 1 to include courses that have ended, or 0"),
         description="1 to include courses that have ended."),
])

"""The search page, /LANG/: the form, the results with their facets and chips, and ways out of a search."""

from functools import lru_cache

from flask import g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from .. import places
from ..catalogue.vocabulary import COUNTIES
from ..i18n import LANGUAGES
from ..text import fold
from ..search import DEFAULT_PER_PAGE, FILTERS, FORM_GROUPS, ParamError, SearchRequest, origin_of, split_values
from .alternatives import follow_ups
from .context import catalogue, language_blueprint, today
from .navigation import chips, compare_url, comparison_url, page_numbers, search_url, unfiltered
from .params import MAX_COMPARE, MAX_QUERY, parse_search
from .permalinks import upgraded_query
from .sharing import absolute_url

bp = language_blueprint("search", __name__)

PARAM_NAMES = {**{f.name: f.label for f in FILTERS}, "q": _l("Search for courses"), "sort": _l("Sort by"),
               "page": _l("Page"), "per_page": _l("Courses per page"), "lang": _l("Language"),
               "compare": _l("Comparison"), "v": _l("Link")}


def form_fields():
    """Parameters with a field of their own in the form (id="field-NAME"), for error links."""
    return {"q", "sort", *(f.name for f in FILTERS if f.widget)}


def form_layout():
    """The form's fieldsets: ``[(legend or None, [filter, ...])]``, a filter's own or a shared group's."""
    layout, groups = [], {}
    for f in FILTERS:
        if not f.widget:
            continue
        if f.group is None:
            layout.append((None, [f]))
        elif f.group in groups:
            groups[f.group].append(f)
        else:
            groups[f.group] = [f]
            layout.append((FORM_GROUPS[f.group], groups[f.group]))
    return layout


def fieldsets(form):
    """``form_layout()`` as ``(legend, members, plain)``: plain when nothing in it shows counts, what the
    reader entered or the catalogue's places (the municipality list, kept on its own), so it is the same
    on every page in a language (and kept, ``cached_fragment``)."""
    return [(legend, members, not any(f.facet or f.widget == "municipality" or any(form.get(f.name) or ())
                                      for f in members)) for legend, members in form_layout()]


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


def municipality_choices(generation):
    """``((county, ((number, name), ...)), ...)``: the municipalities with courses, named as the places table names them."""
    return _municipality_choices(generation.columns.vocabularies["municipality"])


class MunicipalityChoices(tuple):
    """The municipality list of a catalogue, and which of a link's values are in it."""

    def __init__(self, _counties):
        super().__init__()
        self.numbers = frozenset(number for _county, places in self for number, _name in places)

    def chosen(self, values):
        """The values that are municipalities of the list, in order: what a list written with them is kept by."""
        return tuple(sorted(self.numbers.intersection(values)))


@lru_cache(maxsize=4)       # by the generation's municipalities: the same for every page it serves
def _municipality_choices(numbers):
    by_county = {}
    for number in numbers:
        found = places.municipality(number)
        by_county.setdefault(number[:2], []).append((number, found.name if found else number))
    return MunicipalityChoices((county, tuple(sorted(by_county[county], key=lambda item: fold(item[1].casefold()))))
                               for county in COUNTIES if county in by_county)


def shown_origin(search_request):
    """Where the cards say their distance from: a postcode given, or a place named (not a county chosen)."""
    if search_request.postcode or search_request.place:
        return origin_of(search_request)
    return None


def compared_courses(generation, ids):
    return [course for course in (generation.course(course_id) for course_id in ids) if course is not None]


@bp.get("/")
def search():
    upgraded = upgraded_query(request.args)
    if upgraded is not None:
        return redirect(url_for("search.search") + "?" + upgraded, code=301)
    search_request, error = parse_page_search()
    if error and error.personal:
        # Personal information goes into no link on the page, not even the language switch.
        g.language_urls = {code: url_for("search.search", lang=code) for code in LANGUAGES}
    generation = catalogue()
    result = None if error else generation.search(search_request)
    facets = result.facets if result else {f.name: [(value, 0) for value in f.values] for f in FILTERS.facets()}
    here = search_url(search_request, page=search_request.page)
    origin = shown_origin(search_request)
    form = form_values()
    context = dict(
        alternatives=follow_ups(generation, search_request, result) if result else {},
        request_=search_request, result=result, error=error, form=form, fieldsets=fieldsets(form), facets=facets,
        municipalities=municipality_choices(generation), param_names=PARAM_NAMES, form_fields=form_fields(),
        default_per_page=DEFAULT_PER_PAGE, remove_all_url=search_url(unfiltered(search_request)),
        chips=chips(search_request) if not error else [], max_query=MAX_QUERY, max_compare=MAX_COMPARE,
        page_numbers=page_numbers(search_request.page, result.pages) if result else [],
        search_url=search_url, comparison_url=comparison_url, share_url=absolute_url(here),
        compared=compared_courses(generation, search_request.compare), origin=origin,
        # A card is the same on every page that shows its course, but for links that carry a
        # comparison or postcode and a distance from a place.
        cards_kept=bool(result) and hasattr(result.courses, "keys") and not search_request.compare
        and not search_request.postcode and origin is None,
        compare_link=compare_url(search_request) if search_request.compare else None,
        feed_url=url_for("feeds.feed") + here[here.index("?"):] if "?" in here else url_for("feeds.feed"),
    )
    return render_template("search.html", **context), 400 if error else 200

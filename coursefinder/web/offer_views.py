"""/LANG/offer: the offer across counties, with charts, tables and CSV downloads.

A chosen county (the registry's ``county`` filter, ``?county=50``) is shown beside its
neighbouring counties and the whole country; the national tables leave it out.  Every
count in the county and sector tables links to the same courses on the search page.
"""

from flask import Response, render_template, url_for
from markupsafe import Markup, escape
from flask_babel import format_date, format_decimal, format_percent, ngettext
from flask_babel import gettext as _

from .. import reports
from ..catalogue import vocabulary
from ..i18n import labels
from ..search import FILTERS, SearchRequest, compute_overview
from ..search.overview import compared
from .charts import bar_chart, tile_map
from .context import catalogue, language_blueprint, today
from .navigation import query_string
from .params import to_args
from .templating import isolate, page_language
from .search_views import parse_page_search

bp = language_blueprint("offer", __name__)


def offer_filters():
    return [f for f in FILTERS if f.on_offer]


def _overview():
    search_request, error = parse_page_search()
    # The offer's own filters and the chosen county count; the page has no text or municipality.
    search_request = SearchRequest(lang=search_request.lang, today=today(), county=search_request.county,
                                   **{f.name: getattr(search_request, f.name) for f in offer_filters()})
    return search_request, error, compute_overview(catalogue(), search_request, today())


def _pairs(search_request, **changes):
    """The query parameters of the offer page: its filters, the chosen county and ``v``."""
    names = {f.name for f in offer_filters()} | {"county", "v"}
    return [(name, value) for name, value in to_args(search_request.but(**changes)) if name in names]


def _query(search_request, **changes):
    return query_string(_pairs(search_request, **changes))


def _filter_links(search_request):
    """For each filter: ``(filter, [(text, url, chosen)], url without it, active)``, keeping the other filters."""
    groups = []
    for f in offer_filters():
        current = getattr(search_request, f.name)
        selected = search_request.selected(f.name)
        links = [(text, url_for("offer.offer") + _query(search_request, **{f.name: value}),
                  value == current if not isinstance(value, tuple) else value[0] in selected)
                 for value, text in f.offer_options(catalogue().columns)]
        groups.append((f, links, url_for("offer.offer") + _query(search_request, **{f.name: f.off}), current != f.off))
    return groups


def _search_url(search_request, county="", sector=None):
    """The search page with the offer's filters, in ``county`` (all of them for "") and ``sector`` (if given)."""
    values = {f.name: getattr(search_request, f.name) for f in offer_filters()}
    values.update(county=(county,) if county else (), **({"sector": (sector,)} if sector else {}))
    wanted = SearchRequest(lang=search_request.lang, **values)
    return url_for("search.search") + query_string(to_args(wanted))


def shown_sectors(search_request):
    """``[(index, sector, label)]`` of the sectors the tables show: the chosen ones, else all."""
    chosen = search_request.sector
    return [(index, sector, labels.SECTORS[sector]) for index, sector in enumerate(vocabulary.SECTORS)
            if not chosen or sector in chosen]


def _map(overview):
    per = {f.county: f.per_100k for f in overview.counties}
    ranked = sorted(overview.counties, key=lambda f: f.per_100k)
    if overview.total.courses:
        # Plain for the chart's description; on the page each county's name is isolated, so that
        # "Finnmark (24.0)" keeps its brackets in Arabic text.
        values = {"high": ranked[-1].name, "high_value": per_100k(ranked[-1]), "low": ranked[0].name,
                  "low_value": per_100k(ranked[0])}
        message = _("Most courses per 100,000 inhabitants: %(high)s (%(high_value)s). Fewest: %(low)s (%(low_value)s).")
        summary = message % values
        caption = Markup(escape(message)) % {key: isolate(value) for key, value in values.items()}
    else:
        summary = caption = _("No county has courses that match these filters.")
    chart = tile_map("map", _("Courses per 100,000 inhabitants, by county"), summary, per, vocabulary.COUNTIES,
                     {f.county: per_100k(f) for f in overview.counties}, page_language().direction)
    return chart, caption


def _sector_chart(overview, sectors):
    everywhere = sum(1 for index, _sector, _label in sectors
                     if all(overview.by_sector[county][index] for county in vocabulary.COUNTIES))
    summary = _("%(count)s of %(all)s sectors have courses in every county.", count=everywhere, all=len(sectors))
    items = [(str(label), overview.sector_totals[index], format_decimal(overview.sector_totals[index]))
             for index, _sector, label in sectors]
    return bar_chart("sectors", _("Courses by sector, all counties"), summary, items, page_language().direction), summary


def _month_chart(overview):
    busiest = max(overview.months, key=lambda item: item[1])
    if busiest[1]:
        summary = _("Most courses start in %(month)s (%(count)s).", month=format_month(busiest[0]),
                    count=format_decimal(busiest[1]))
    else:
        summary = _("No course starts in the next 12 months.")
    summary += " " + ngettext("%(count)s course has rolling start and can be started any time.",
                              "%(count)s courses have rolling start and can be started any time.",
                              overview.rolling, count=format_decimal(overview.rolling))
    months = [(format_month(start), count, format_decimal(count)) for start, count in overview.months]
    return (bar_chart("months", _("Courses starting each month, the next 12 months"), summary, months,
                      page_language().direction), summary)


def _comparison(search_request, overview):
    """What the page needs to show the chosen county beside its neighbours, or None when none is chosen."""
    if not search_request.county:
        return None
    chosen, neighbours = compared(overview, search_request.county)
    names = ", ".join(f.name for f in chosen)
    return {"chosen": chosen, "neighbours": neighbours, "rows": chosen + neighbours,
            "caption": ngettext("%(counties)s beside its neighbouring counties and the whole country",
                                "%(counties)s beside their neighbouring counties and the whole country",
                                len(chosen), counties=names),
            "neighbour_names": ", ".join(f.name for f in neighbours),
            "csv": url_for("offer.offer_comparison_csv") + _query(search_request),
            "csv_sectors": url_for("offer.offer_comparison_sectors_csv") + _query(search_request)}


@bp.get("/offer")
def offer():
    search_request, error, overview = _overview()
    sectors = shown_sectors(search_request)
    chart_map, map_summary = _map(overview)
    chart_sectors, sector_summary = _sector_chart(overview, sectors)
    chart_months, month_summary = _month_chart(overview)
    query = _query(search_request)
    return render_template(
        "offer.html", overview=overview, request_=search_request, error=error, filters=_filter_links(search_request),
        chart_map=chart_map, chart_sectors=chart_sectors, chart_months=chart_months, map_summary=map_summary,
        sector_summary=sector_summary, month_summary=month_summary, format_percent=format_percent,
        csv_counties=url_for("offer.offer_csv") + query, csv_sectors=url_for("offer.offer_sectors_csv") + query,
        search_url=lambda county="", sector=None: _search_url(search_request, county, sector),
        sectors=sectors, comparison=_comparison(search_request, overview), counties=vocabulary.COUNTIES,
        choice_fields=_pairs(search_request, county=()),
        clear_county=url_for("offer.offer") + _query(search_request, county=()),
        format_month=format_month, per_100k=per_100k), \
        400 if error else 200


def per_100k(figures):
    return format_decimal(round(figures.per_100k, 1), "#,##0.0")


def format_month(start):
    return format_date(start, "MMMM y")


def _csv(columns, rows, filename):
    return Response(reports.to_csv(columns, rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/offer.csv")
def offer_csv():
    _request, _error, overview = _overview()
    return _csv(reports.COUNTY_COLUMNS, reports.county_rows(overview), "course-offer-by-county.csv")


@bp.get("/offer-sectors.csv")
def offer_sectors_csv():
    _request, _error, overview = _overview()
    return _csv(reports.SECTOR_COLUMNS, reports.sector_rows(overview), "course-offer-by-county-and-sector.csv")


@bp.get("/offer-comparison.csv")
def offer_comparison_csv():
    search_request, _error, overview = _overview()
    chosen, neighbours = compared(overview, search_request.county)
    return _csv(reports.COUNTY_COLUMNS, reports.county_rows(overview, chosen + neighbours),
                "course-offer-county-and-neighbours.csv")


@bp.get("/offer-comparison-sectors.csv")
def offer_comparison_sectors_csv():
    search_request, _error, overview = _overview()
    chosen, neighbours = compared(overview, search_request.county)
    return _csv(reports.SECTOR_COLUMNS, reports.sector_rows(overview, [f.county for f in chosen + neighbours]),
                "course-offer-county-and-neighbours-by-sector.csv")

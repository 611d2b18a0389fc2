"""/LANG/offer: the offer across counties, with charts, tables and CSV downloads."""

from flask import Response, render_template, url_for
from flask_babel import format_date, format_decimal, format_percent
from flask_babel import gettext as _

from .. import reports
from ..catalogue import vocabulary
from ..i18n import labels
from ..search import FILTERS, SearchRequest, compute_overview
from .charts import bar_chart, tile_map
from .context import catalogue, language_blueprint, today
from .navigation import query_string
from .params import URL_VERSION, to_args
from .search_views import parse_page_search

bp = language_blueprint("offer", __name__)


def offer_filters():
    return [f for f in FILTERS if f.on_offer]


def _overview():
    search_request, error = parse_page_search()
    # Only the offer's own filters count; the page looks across places and has no text.
    search_request = SearchRequest(lang=search_request.lang, today=today(),
                            **{f.name: getattr(search_request, f.name) for f in offer_filters()})
    return search_request, error, compute_overview(catalogue(), search_request, today())


def _query(search_request, **changes):
    names = {f.name for f in offer_filters()} | {"v"}
    return query_string([(name, value) for name, value in to_args(search_request.but(**changes)) if name in names])


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


@bp.get("/offer")
def offer():
    search_request, error, overview = _overview()
    names = {county: vocabulary.COUNTIES[county] for county in vocabulary.COUNTIES}
    per_10k = {f.county: f.per_10k for f in overview.counties}
    ranked = sorted(overview.counties, key=lambda f: f.per_10k)
    map_summary = _("Most courses per 10,000 inhabitants: %(high)s (%(high_value)s). Fewest: %(low)s (%(low_value)s).",
                    high=ranked[-1].name, high_value=format_decimal(ranked[-1].per_10k, "#,##0.0"),
                    low=ranked[0].name, low_value=format_decimal(ranked[0].per_10k, "#,##0.0"))
    chart_map = tile_map("map", _("Courses per 10,000 inhabitants, by county"), map_summary, per_10k, names,
                         {county: format_decimal(value, "#,##0.0") for county, value in per_10k.items()})
    sectors = [(str(labels.SECTORS[sector]), count, format_decimal(count))
               for sector, count in zip(vocabulary.SECTORS, overview.sector_totals)]
    sector_summary = _("%(count)s of %(all)s sectors have courses in every county.",
                       count=sum(1 for i in range(len(vocabulary.SECTORS)) if all(overview.by_sector[c][i] for c in vocabulary.COUNTIES)),
                       all=len(vocabulary.SECTORS))
    chart_sectors = bar_chart("sectors", _("Courses by sector, all counties"), sector_summary, sectors)
    months = [(format_month(start), count, format_decimal(count)) for start, count in overview.months]
    busiest = max(overview.months, key=lambda item: item[1])
    month_summary = _("Most courses start in %(month)s (%(count)s). %(rolling)s courses have rolling start and can "
                      "be started any time.", month=format_month(busiest[0]), count=busiest[1], rolling=overview.rolling)
    chart_months = bar_chart("months", _("Courses starting each month, the next 12 months"), month_summary, months)
    query = _query(search_request)
    return render_template(
        "offer.html", overview=overview, request_=search_request, error=error, filters=_filter_links(search_request),
        chart_map=chart_map, chart_sectors=chart_sectors, chart_months=chart_months, map_summary=map_summary,
        sector_summary=sector_summary, month_summary=month_summary, format_percent=format_percent,
        csv_counties=url_for("offer.offer_csv") + query, csv_sectors=url_for("offer.offer_sectors_csv") + query,
        search_link=lambda county: url_for("search.search", county=county, v=URL_VERSION, **_search_args(search_request)),
        url_version=URL_VERSION, format_decimal=format_decimal, format_month=format_month), 400 if error else 200


def _search_args(search_request):
    args = {}
    for f in offer_filters():
        value = getattr(search_request, f.name)
        if value != f.off:
            args[f.name] = ",".join(f.to_args(value))
    return args


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

"""/LANG/offer: the offer across counties, with charts, tables and CSV downloads."""

from flask import Response, render_template, url_for
from flask_babel import format_date, format_decimal, format_percent
from flask_babel import gettext as _

from .. import reports
from ..catalogue import vocabulary as v
from ..search.overview import compute_overview
from . import labels
from .charts import bar_chart, tile_map
from .navigation import query_string
from .pages import bp, catalogue, parse_page_search, today
from .params import to_args, URL_VERSION

FILTERS = ("sector", "course_type", "norwegian", "age")


def _overview():
    request, error = parse_page_search()
    request = request.but(**{name: getattr(request, name) for name in FILTERS},
                          county=(), municipality=(), q="", page=1, today=today())
    return request, error, compute_overview(catalogue(), request, today())


def _query(request, **changes):
    return query_string([(name, value) for name, value in to_args(request.but(**changes))
                         if name in FILTERS or name == "v"])


def _filter_links(request):
    """For each filter: its options as links that keep the other filters."""
    groups = []
    for name, options in (("sector", v.SECTORS), ("course_type", v.COURSE_TYPES)):
        chosen = getattr(request, name)
        links = [(labels.label(name, value), url_for("pages.offer") + _query(request, **{name: (value,)}),
                  value in chosen) for value in options]
        groups.append((name, links, url_for("pages.offer") + _query(request, **{name: ()}), bool(chosen)))
    links = [(labels.NORWEGIAN[value], url_for("pages.offer") + _query(request, norwegian=value),
              request.norwegian == value) for value in ("combined", "without")]
    groups.append(("norwegian", links, url_for("pages.offer") + _query(request, norwegian=None),
                   request.norwegian is not None))
    links = [(_("Open to someone aged %(age)s", age=age), url_for("pages.offer") + _query(request, age=age),
              request.age == age) for age in (18, 24, 30, 50)]
    groups.append(("age", links, url_for("pages.offer") + _query(request, age=None), request.age is not None))
    return groups


@bp.get("/offer")
def offer():
    request, error, overview = _overview()
    names = {county: v.COUNTIES[county] for county in v.COUNTIES}
    per_10k = {f.county: f.per_10k for f in overview.counties}
    ranked = sorted(overview.counties, key=lambda f: f.per_10k)
    map_summary = _("Most courses per 10,000 inhabitants: %(high)s (%(high_value)s). Fewest: %(low)s (%(low_value)s).",
                    high=ranked[-1].name, high_value=format_decimal(ranked[-1].per_10k, "#,##0.0"),
                    low=ranked[0].name, low_value=format_decimal(ranked[0].per_10k, "#,##0.0"))
    chart_map = tile_map("map", _("Courses per 10,000 inhabitants, by county"), map_summary, per_10k, names,
                         {county: format_decimal(value, "#,##0.0") for county, value in per_10k.items()})
    sectors = [(str(labels.SECTORS[sector]), count, format_decimal(count))
               for sector, count in zip(v.SECTORS, overview.sector_totals)]
    sector_summary = _("%(count)s of %(all)s sectors have courses in every county.",
                       count=sum(1 for i in range(len(v.SECTORS)) if all(overview.by_sector[c][i] for c in v.COUNTIES)),
                       all=len(v.SECTORS))
    chart_sectors = bar_chart("sectors", _("Courses by sector, all counties"), sector_summary, sectors)
    months = [(format_month(start), count, format_decimal(count)) for start, count in overview.months]
    busiest = max(overview.months, key=lambda item: item[1])
    month_summary = _("Most courses start in %(month)s (%(count)s). %(rolling)s courses have rolling start and can "
                      "be started any time.", month=format_month(busiest[0]), count=busiest[1], rolling=overview.rolling)
    chart_months = bar_chart("months", _("Courses starting each month, the next 12 months"), month_summary, months)
    query = _query(request)
    return render_template(
        "offer.html", overview=overview, request_=request, error=error, filters=_filter_links(request),
        chart_map=chart_map, chart_sectors=chart_sectors, chart_months=chart_months, map_summary=map_summary,
        sector_summary=sector_summary, month_summary=month_summary, format_percent=format_percent,
        csv_counties=url_for("pages.offer_csv") + query, csv_sectors=url_for("pages.offer_sectors_csv") + query,
        search_link=lambda county: url_for("pages.search", county=county, v=URL_VERSION, **_search_args(request)),
        url_version=URL_VERSION, format_decimal=format_decimal, format_month=format_month), 400 if error else 200


def _search_args(request):
    args = {}
    for name in FILTERS:
        value = getattr(request, name)
        if value not in ((), None):
            args[name] = ",".join(value) if isinstance(value, tuple) else value
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

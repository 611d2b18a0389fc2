"""Commands for operators: serve the site, prepare and check the index, report the offer."""

import logging
import sys

import click

from .. import clock, settings
from ..search import FILTERS, ParamError
from .catalogue_commands import INDEX_HELP
from .common import start_logging


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--index", "index_option", type=click.Path(file_okay=False), help=INDEX_HELP)
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256), help="Threads per process.")
@click.option("--workers", type=click.IntRange(1, 64),
              help="Processes (default: one per core); 1 runs waitress, more run gunicorn.")
def serve_command(host, port, index_option, threads, workers):
    """Serve the site with a production WSGI server (imports the sample catalogue if the index is empty)."""
    from ..serving import PortInUse, serve

    start_logging(logging.INFO)
    try:
        server, processes, run = serve(host, port, index_option, threads, workers)
    except PortInUse as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Serving coursefinder on http://{host}:{port}/ with {server}: {processes} worker process(es) "
               f"of {threads} threads")
    run()


@click.command("prepare")
@click.option("--index", "index_option", type=click.Path(file_okay=False), help=INDEX_HELP)
def prepare_command(index_option):
    """Make the index ready to serve: rebuild an outdated catalogue, or import the sample into an empty index.

    Run it once before starting a WSGI server with several workers on the app factory.
    """
    from ..catalogue.importing import ensure_catalogue

    start_logging(logging.INFO)
    index_dir = settings.index_dir(index_option)
    configured = settings.load()
    outcome = ensure_catalogue(index_dir, clock.today(configured), sample=configured["AUTO_SAMPLE"])
    if outcome is None:
        click.echo(f"The index in {index_dir} is ready.")
    else:
        click.echo(f"Prepared the index in {index_dir}: {outcome.count} courses as {outcome.generation}.")


@click.command("check")
@click.option("--index", "index_option", type=click.Path(file_okay=False), help=INDEX_HELP)
def check_command(index_option):
    """Check the index on disk: every generation whole, and the one a server would serve."""
    from ..search import check_index

    ok, lines = check_index(settings.index_dir(index_option))
    for line in lines:
        click.echo(line)
    sys.exit(0 if ok else 1)


def _offer_options(command):
    """A ``--NAME`` option for each filter of the offer (the registry's ``on_offer`` filters)."""
    for f in reversed([f for f in FILTERS if f.on_offer]):
        command = click.option(f"--{f.name.replace('_', '-')}", f.name, multiple=getattr(f, "multiple", False),
                               help=f"{f.description} Values as in the API.")(command)
    return command


@click.command("report")
@click.option("--index", "index_option", type=click.Path(file_okay=False), help=INDEX_HELP)
@click.option("--format", "fmt", type=click.Choice(["csv", "markdown"]), default="markdown", show_default=True)
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Count as if it were this day (default: today).")
@_offer_options
def report_command(index_option, fmt, today, **filter_values):
    """Print the offer across counties: per county, per county and sector, and starts per month."""
    from .. import reports
    from ..search import CatalogueStore, SearchRequest, compute_overview

    generation = CatalogueStore(settings.index_dir(index_option)).get()
    if generation is None:
        click.echo("The index holds no catalogue; import one first.", err=True)
        sys.exit(1)
    day = today.date() if today else clock.today(settings.load())
    try:
        values = {name: FILTERS[name].parse([str(v) for v in (value if isinstance(value, tuple) else [value])
                                             if v is not None])
                  for name, value in filter_values.items()}
    except ParamError as error:
        raise click.BadParameter(str(error.message), param_hint=f"--{error.parameter.replace('_', '-')}") from None
    overview = compute_overview(generation, SearchRequest(today=day, **values), day)
    render = reports.to_csv if fmt == "csv" else reports.to_markdown
    tables = [(reports.COUNTY_COLUMNS, reports.county_rows(overview)),
              (reports.SECTOR_COLUMNS, reports.sector_rows(overview)),
              (["month", "starts"], reports.month_rows(overview))]
    click.echo("\n".join(render(columns, rows) for columns, rows in tables), nl=False)
    if fmt == "markdown":
        click.echo(f"\nInhabitants: {overview.source['en']}.")

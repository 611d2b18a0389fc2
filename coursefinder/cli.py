"""The ``coursefinder`` command: thin click commands over plain functions."""

import sys
import time

import click

from . import config
from .catalogue import vocabulary
from .i18n import terminal_language, translations_for


class Progress:
    """What a long import is doing, on a terminal: records read and checked, then courses indexed."""

    def __init__(self):
        self.read = 0
        self.started = time.monotonic()
        self.bar = None

    def record(self):
        self.read += 1
        if self.read % 500 == 0:
            rate = self.read / max(time.monotonic() - self.started, 1e-6)
            click.echo(f"\rReading and checking: {self.read:,} records ({rate:,.0f}/s)", nl=False, err=True)

    def valid(self, count):
        seconds = time.monotonic() - self.started
        click.echo(f"\rRead and checked {count:,} courses in {seconds:.1f} s.{' ' * 20}", err=True)
        self.bar = click.progressbar(length=count, label="Indexing", file=sys.stderr, show_eta=True,
                                     show_percent=True, item_show_func=None)
        self.bar._is_atty = True  # Progress is only made for a terminal (see import_command)
        self.bar.__enter__()

    def course(self):
        self.bar.update(1)

    def close(self):
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _translations():
    return translations_for(terminal_language())


def _print_problems(problems):
    translations = _translations()
    for problem in problems:
        click.echo(problem.render(translations.gettext), err=True)
    click.echo(translations.ngettext("%(count)d problem found; nothing was changed.",
                                     "%(count)d problems found; nothing was changed.", len(problems))
               % {"count": len(problems)}, err=True)


@click.group()
@click.version_option(package_name="coursefinder")
def main():
    """Find labour-market training courses (AMO): import catalogues and serve the site."""


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate_command(files):
    """Check import files against the import format v1 without changing anything."""
    from .importing import validate_files

    loaded = validate_files(files)
    if not loaded.ok:
        _print_problems(loaded.problems)
        sys.exit(1)
    click.echo(_translations().ngettext("%(count)d course is valid.", "%(count)d courses are valid.",
                                        len(loaded.courses)) % {"count": len(loaded.courses)})


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--index", "index_option", type=click.Path(file_okay=False), help="Index folder (default: "
              "$COURSEFINDER_INDEX, else ./index).")
def import_command(files, index_option):
    """Validate the files and, if every course is valid, replace the whole catalogue."""
    from .importing import import_files

    progress = Progress() if sys.stderr.isatty() else None
    hooks = dict(on_record=progress.record, on_valid=progress.valid, on_course=progress.course) if progress else {}
    try:
        outcome = import_files(files, config.index_dir(index_option), **hooks)
    finally:
        if progress:
            progress.close()
    if not outcome.ok:
        _print_problems(outcome.problems)
        sys.exit(1)
    click.echo(_translations().ngettext("Imported %(count)d course as %(generation)s.",
                                        "Imported %(count)d courses as %(generation)s.", outcome.count)
               % {"count": outcome.count, "generation": outcome.generation})


@main.command("check")
@click.option("--index", "index_option", type=click.Path(file_okay=False), help="Index folder.")
def check_command(index_option):
    """Check the index on disk: every generation whole, and the one a server would serve."""
    from .search.checking import check_index

    ok, lines = check_index(config.index_dir(index_option))
    for line in lines:
        click.echo(line)
    sys.exit(0 if ok else 1)


@main.command("report")
@click.option("--index", "index_option", type=click.Path(file_okay=False), help="Index folder.")
@click.option("--format", "fmt", type=click.Choice(["csv", "markdown"]), default="markdown", show_default=True)
@click.option("--sector", multiple=True, type=click.Choice(list(vocabulary.SECTORS)))
@click.option("--course-type", multiple=True, type=click.Choice(list(vocabulary.COURSE_TYPES)))
@click.option("--norwegian", type=click.Choice(["combined", "without"]))
@click.option("--age", type=click.IntRange(*vocabulary.AGE_RANGE))
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Count as if it were this day (default: today).")
def report_command(index_option, fmt, sector, course_type, norwegian, age, today):
    """Print the offer across counties: per county, per county and sector, and starts per month."""
    from . import reports
    from .search import CatalogueStore, SearchRequest
    from .search.overview import compute_overview

    generation = CatalogueStore(config.index_dir(index_option)).get()
    if generation is None:
        click.echo("The index holds no catalogue; import one first.", err=True)
        sys.exit(1)
    day = today.date() if today else None
    request = SearchRequest(sector=tuple(sector), course_type=tuple(course_type), norwegian=norwegian, age=age,
                            today=day)
    overview = compute_overview(generation, request, day)
    render = reports.to_csv if fmt == "csv" else reports.to_markdown
    tables = [(reports.COUNTY_COLUMNS, reports.county_rows(overview)),
              (reports.SECTOR_COLUMNS, reports.sector_rows(overview)),
              (["month", "starts"], reports.month_rows(overview))]
    click.echo("\n".join(render(columns, rows) for columns, rows in tables), nl=False)
    if fmt == "markdown":
        click.echo(f"\nInhabitants: {overview.source['en']}.")


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--index", "index_option", type=click.Path(file_okay=False), help="Index folder.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256), help="Threads per process.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes: 1 runs waitress, more run gunicorn.")
def serve_command(host, port, index_option, threads, workers):
    """Serve the site with a production WSGI server (imports the sample catalogue if the index is empty)."""
    from .serving import serve

    click.echo(f"Serving coursefinder on http://{host}:{port}/ with {workers} process(es) of {threads} threads")
    serve(host, port, index_option, threads, workers)


@main.command("sample")
@click.option("--count", required=True, type=click.IntRange(1, 10_000_000))
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write: .jsonl for JSON Lines, else a JSON array; - for standard output.")
def sample_command(count, seed, output):
    """Write a synthetic catalogue of COUNT valid courses (for benchmarks and load tests)."""
    from .catalogue import synthetic

    records = synthetic.generate(count, seed=seed)
    fmt = "jsonl" if output.endswith((".jsonl", ".ndjson")) else "json"
    with click.open_file(output, "w", encoding="utf-8") as handle:
        synthetic.write(records, handle, fmt)
    if output != "-":
        click.echo(f"Wrote {count} courses to {output}.", err=True)

"""Commands for publishers: check import files, import them, write a synthetic catalogue."""

import sys

import click

from .. import settings
from .common import Progress, print_problems, say, translations

INDEX_HELP = "Index folder (default: $COURSEFINDER_INDEX_DIR or $COURSEFINDER_INDEX, else ./index)."


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate_command(files):
    """Check import files against the import format v1 without changing anything."""
    from ..catalogue.importing import validate_files

    loaded = validate_files(files)
    if not loaded.ok:
        print_problems(loaded.problems)
        sys.exit(1)
    click.echo(translations().ngettext("%(count)d course is valid.", "%(count)d courses are valid.",
                                       len(loaded.courses)) % {"count": len(loaded.courses)})


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--index", "index_option", type=click.Path(file_okay=False), help=INDEX_HELP)
@click.option("--no-wait", is_flag=True, help="Fail at once when another import is writing to the index.")
def import_command(files, index_option, no_wait):
    """Validate the files and, if every course is valid, replace the whole catalogue."""
    from ..catalogue.importing import import_files

    progress = Progress() if sys.stderr.isatty() else None
    hooks = dict(on_record=progress.record, on_valid=progress.valid, on_course=progress.course) if progress else {}
    try:
        outcome = import_files(files, settings.index_dir(index_option), wait=not no_wait,
                               on_wait=lambda: say("Another import is writing to this index; waiting for it to "
                                                   "finish.", err=True), **hooks)
    finally:
        if progress:
            progress.close()
    if not outcome.ok:
        print_problems(outcome.problems)
        sys.exit(1)
    click.echo(translations().ngettext("Imported %(count)d course as %(generation)s.",
                                       "Imported %(count)d courses as %(generation)s.", outcome.count)
               % {"count": outcome.count, "generation": outcome.generation})


@click.command("sample")
@click.option("--count", required=True, type=click.IntRange(1, 10_000_000))
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write: .jsonl for JSON Lines, else a JSON array; - for standard output.")
def sample_command(count, seed, output):
    """Write a synthetic catalogue of COUNT valid courses (for benchmarks and load tests)."""
    from ..catalogue import synthetic

    records = synthetic.generate(count, seed=seed)
    fmt = "jsonl" if output.endswith((".jsonl", ".ndjson")) else "json"
    with click.open_file(output, "w", encoding="utf-8") as handle:
        synthetic.write(records, handle, fmt)
    if output != "-":
        click.echo(f"Wrote {count} courses to {output}.", err=True)

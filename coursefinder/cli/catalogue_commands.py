"""Commands for publishers: check import files, import them (the whole catalogue or one source), list and remove sources.

What an import will do is said before it is done, in the terminal's language: courses
added, changed and removed per source, the catalogue's size before and after, and the
index folder it writes to.  People read dates and counts; generation names are for operators.
"""

import sys

import click

from .. import settings
from .common import Progress, _, ngettext, print_problems, say

INDEX_HELP = "Index folder (default: $COURSEFINDER_INDEX_DIR or $COURSEFINDER_INDEX, else ./index)."


def _source_name(name):
    from ..catalogue import sources

    return {sources.WHOLE: _("(whole catalogue)"), sources.SAMPLE: _("(the bundled sample)")}.get(name, name)


def _print_plan(plan, doing):
    if not plan.index_exists:
        say(_("There is no index in %(folder)s yet: this import makes a new one there. If that is not the folder "
              "the site reads, use --index or COURSEFINDER_INDEX."), folder=plan.index_dir)
    if plan.replaces_sample:
        say(_("The bundled sample catalogue is replaced."))
    for name, change in sorted(plan.changes.items()):
        if name == "sample":
            continue
        say(_("Source %(source)s: %(added)d added, %(changed)d changed, %(removed)d removed, %(same)d unchanged."),
            source=_source_name(name), added=len(change.added), changed=len(change.changed),
            removed=len(change.removed), same=change.unchanged)
    say(doing, before=plan.before, after=plan.after, folder=plan.index_dir)
    for warning in plan.warnings:
        click.echo(warning.render(_), err=True)


def _approver(yes):
    """Asks before an import that removes more than half of what it replaces: at a prompt, or --yes."""
    def approve(plan):
        if yes:
            return True
        question = _("This removes %(removed)d of the %(replaced)d courses it replaces. Go on?") % {
            "removed": plan.removed, "replaced": plan.replaced}
        if sys.stdin.isatty():
            return click.confirm(question, default=False, err=True)
        say(_("This removes %(removed)d courses, more than half of what it replaces; nothing was changed. Run it "
              "again with --yes if that is what you want."), err=True, removed=plan.removed)
        return False
    return approve


def _finish(outcome, dry_run):
    if not outcome.ok and outcome.problems:
        print_problems(outcome.problems)
        sys.exit(1)
    if outcome.refused:
        sys.exit(1)
    if dry_run:
        _print_plan(outcome.plan, _("The catalogue would go from %(before)d to %(after)d courses in %(folder)s. "
                                    "Nothing was changed (--dry-run)."))
        return
    _print_plan(outcome.plan, _("The catalogue went from %(before)d to %(after)d courses in %(folder)s."))


def _waiting():
    say(_("Another import is writing to this index; waiting for it to finish."), err=True)


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["auto", "nav"]), default="auto", show_default=True,
              help="auto: the import format (JSON, JSON Lines, CSV); nav: Nav's own course records.")
def validate_command(files, fmt):
    """Check import files against the import format v1 without changing anything."""
    from ..catalogue.importing import validate_files

    loaded = validate_files(files, fmt=fmt)
    for warning in loaded.warnings:
        click.echo(warning.render(_), err=True)
    if not loaded.ok:
        print_problems(loaded.problems)
        sys.exit(1)
    click.echo(ngettext("%(count)d course is valid.", "%(count)d courses are valid.", len(loaded.courses))
               % {"count": len(loaded.courses)})


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--source", help="Import the files as the whole catalogue of this source (lower-case letters, digits "
                               "and hyphens); the other sources keep their courses. Without it the files are the "
                               "whole catalogue.")
@click.option("--format", "fmt", type=click.Choice(["auto", "nav"]), default="auto", show_default=True,
              help="auto: the import format (JSON, JSON Lines, CSV); nav: Nav's own course records.")
@click.option("--dry-run", is_flag=True, help="Say what the import would do and change nothing.")
@click.option("--yes", is_flag=True, help="Go on without asking when the import removes more than half of what "
                                          "it replaces.")
@click.option("--index", "index_option", type=click.Path(file_okay=False), help=INDEX_HELP)
@click.option("--no-wait", is_flag=True, help="Fail at once when another import is writing to the index.")
def import_command(files, source, fmt, dry_run, yes, index_option, no_wait):
    """Validate the files and, if every course is valid, switch the site to the new catalogue."""
    from ..catalogue.importing import import_files

    progress = Progress() if sys.stderr.isatty() and not dry_run else None
    hooks = dict(on_record=progress.record, on_valid=progress.valid, on_course=progress.course) if progress else {}
    try:
        outcome = import_files(files, settings.index_dir(index_option), source=source, fmt=fmt,
                               approve=_approver(yes), dry_run=dry_run, wait=not no_wait, on_wait=_waiting, **hooks)
    finally:
        if progress:
            progress.close()
    _finish(outcome, dry_run)


@click.command("sources")
@click.option("--index", "index_option", type=click.Path(file_okay=False), help=INDEX_HELP)
def sources_command(index_option):
    """List the sources of the catalogue: courses, counties and when each was last imported."""
    from ..catalogue.importing import served_sources
    from ..catalogue.vocabulary import COUNTIES

    found = served_sources(settings.index_dir(index_option))
    if not found:
        say(_("The index holds no catalogue; import one first."), err=True)
        sys.exit(1)
    for name, summary in found.items():
        counties = ", ".join(COUNTIES.get(county, county) for county in summary["counties"])
        say(_("%(source)s: %(count)d courses in %(counties)s; last imported %(when)s"),
            source=_source_name(name), count=summary["courses"], counties=counties,
            when=summary["imported"].replace("T", " ")[:16] + " UTC")


@click.command("remove-source")
@click.argument("name")
@click.option("--dry-run", is_flag=True, help="Say what would be removed and change nothing.")
@click.option("--yes", is_flag=True, help="Go on without asking.")
@click.option("--index", "index_option", type=click.Path(file_okay=False), help=INDEX_HELP)
@click.option("--no-wait", is_flag=True, help="Fail at once when another import is writing to the index.")
def remove_source_command(name, dry_run, yes, index_option, no_wait):
    """Take one source's courses out of the catalogue (as safely as an import)."""
    from ..catalogue.importing import remove_source

    outcome = remove_source(settings.index_dir(index_option), name, approve=_approver(yes), dry_run=dry_run,
                            wait=not no_wait, on_wait=_waiting)
    _finish(outcome, dry_run)


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

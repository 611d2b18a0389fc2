"""Importing a catalogue: validate every file, then build and switch to a new generation.

All or nothing: with any problem in any file nothing is written, and a failure while
writing leaves the generation being served as it was.
"""

import logging
from dataclasses import dataclass, field

from ..search import (GenerationError, ImportBusy, build_generation, can_be_served, current_generation, import_lock,
                      is_outdated, read_manifest, stored_courses)
from . import sample
from .loading import load_files, load_sources
from .problems import NO_FIELD, N_, Problem

log = logging.getLogger(__name__)


@dataclass
class ImportOutcome:
    problems: list = field(default_factory=list)
    generation: str | None = None
    count: int = 0

    @property
    def ok(self):
        return not self.problems


def validate_files(paths, on_record=None):
    return load_files([str(p) for p in paths], on_record)


def import_files(paths, index_dir, on_record=None, on_course=None, on_valid=None, wait=True, on_wait=None):
    """Validate, then write a new generation; the ``on_*`` hooks report progress.

    The whole import holds the index's lock: a second import at the same moment waits
    for this one (``on_wait`` says so), or with ``wait=False`` fails at once, changing nothing.
    """
    try:
        with import_lock(index_dir, wait=wait, on_wait=on_wait):
            return _import(validate_files(paths, on_record), index_dir, paths, on_course, on_valid)
    except ImportBusy as busy:
        return ImportOutcome(problems=[Problem(str(index_dir), 0, NO_FIELD, N_("the import failed and nothing was "
                                                                               "changed: %(reason)s"),
                                               {"reason": str(busy)})])


def import_sample(index_dir, today):
    """Import the bundled sample catalogue, its dates moved to ``today`` (see catalogue/sample.py)."""
    label, data = sample.sample_source(today)
    return _import(load_sources([(label, data)]), index_dir, [label], notes={"sample": sample.anchor_for(today)})


def _import(loaded, index_dir, sources, on_course=None, on_valid=None, notes=None):
    if not loaded.ok:
        return ImportOutcome(problems=loaded.problems)
    if on_valid:
        on_valid(len(loaded.courses))
    try:
        name = build_generation(index_dir, loaded.courses, sources=sources, on_course=on_course, notes=notes)
    except GenerationError as error:
        return ImportOutcome(problems=[Problem(str(index_dir), 0, NO_FIELD, N_("the import failed and nothing was "
                                                                               "changed: %(reason)s"),
                                               {"reason": str(error)})])
    log.info("imported %d courses into generation %s", len(loaded.courses), name)
    return ImportOutcome(generation=name, count=len(loaded.courses))


def ensure_catalogue(index_dir, today, sample=True):
    """Make the index servable: rebuild an outdated generation, import the sample into an empty one,
    or move a served sample to ``today``'s week.

    Run once before a server's workers start (``coursefinder serve``, ``coursefinder
    prepare``), never per worker, so that workers do not race to import.
    """
    name = current_generation(index_dir)
    if name is not None and sample and _stale_sample(index_dir, name, today):
        log.info("moving the bundled sample catalogue to the week of %s", today.isoformat())
        return _imported_sample(index_dir, today)
    if name is not None and is_outdated(index_dir, name):
        log.warning("generation %s was written by another version of coursefinder: rebuilding it", name)
        courses = stored_courses(index_dir, name)
        rebuilt = build_generation(index_dir, courses, sources=[f"{name} (rebuilt)"])
        log.info("rebuilt %d courses as generation %s", len(courses), rebuilt)
        return ImportOutcome(generation=rebuilt, count=len(courses))
    if name is not None and can_be_served(index_dir):
        return None
    if not sample:
        return None
    if name is not None:
        log.error("no generation in %s can be opened: importing the bundled sample catalogue", index_dir)
    else:
        log.warning("no catalogue in %s yet: importing the bundled sample catalogue", index_dir)
    return _imported_sample(index_dir, today)


def _stale_sample(index_dir, name, today):
    """True when the served generation is the bundled sample moved to another week than today's."""
    try:
        moved_to = read_manifest(index_dir, name).get("sample")
    except (OSError, ValueError):
        return False
    return moved_to is not None and moved_to != sample.anchor_for(today)


def _imported_sample(index_dir, today):
    outcome = import_sample(index_dir, today)
    if not outcome.ok:
        raise GenerationError("; ".join(p.render() for p in outcome.problems))
    return outcome

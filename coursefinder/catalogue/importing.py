"""Importing a catalogue or one source's part of it: validate everything, say what will change, then switch.

All or nothing: with any problem in any file nothing is written, and a failure while
writing leaves the generation being served as it was.  An import first makes a
:class:`Plan` (what it adds, changes and removes, per source), under the index's lock;
an import that would remove more than half of the courses it replaces is carried out
only when ``approve(plan)`` says so (the command line asks, or wants ``--yes``).
"""

import logging
import os
from dataclasses import dataclass, field

from .. import clock
from ..search import (GenerationError, ImportBusy, build_generation, can_be_served, current_generation, import_lock,
                      is_outdated, iter_stored_courses, read_manifest, served_courses)
from . import sample, sources
from .loading import CourseStream, LoadResult, load_files, load_sources, scan_files
from .problems import NO_FIELD, N_, Problem

log = logging.getLogger(__name__)


@dataclass
class Plan:
    """What an import will do, worked out before anything is written."""
    index_dir: str                  # absolute
    source: str | None              # the source imported for; None: the whole catalogue
    index_exists: bool              # False: a new index is made in index_dir
    before: int                     # courses of the catalogue served now (all sources)
    # The catalogue after the import (all sources): a list, or a CourseStream that reads
    # the files and the served generation again, one course at a time.
    courses: list = field(default_factory=list)
    changes: dict = field(default_factory=dict)     # source -> sources.Change
    files: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    facts: list = field(default_factory=list)       # sources.Facts of the catalogue after
    served: dict = field(default_factory=dict)      # the manifest of the generation served before

    @property
    def after(self):
        return len(self.courses)

    def _scope(self):
        """The changes to the courses this import replaces: its source's, or all (the bundled sample does not count)."""
        return [change for name, change in self.changes.items()
                if name != sources.SAMPLE and (self.source is None or name == self.source)]

    @property
    def removed(self):
        return sum(len(change.removed) for change in self._scope())

    @property
    def replaced(self):
        return sum(change.replaced for change in self._scope())

    @property
    def added(self):
        return sum(len(change.added) for change in self._scope())

    @property
    def shrinks(self):
        """True when it removes more than half of the courses it replaces, and adds fewer than it removes.

        (An import that renumbers a catalogue it also grows is not what this guards against.)
        """
        return self.replaced > 0 and self.removed * 2 > self.replaced and self.added < self.removed

    @property
    def replaces_sample(self):
        change = self.changes.get(sources.SAMPLE)
        return change is not None and change.replaced > 0 and len(change.removed) == change.replaced


@dataclass
class ImportOutcome:
    problems: list = field(default_factory=list)
    plan: Plan | None = None
    generation: str | None = None
    refused: bool = False           # it would shrink the catalogue and was not approved
    count: int = 0                  # courses in the catalogue written

    @property
    def ok(self):
        return not self.problems and not self.refused


def _failure(index_dir, reason):
    return ImportOutcome(problems=[Problem(str(index_dir), 0, NO_FIELD, N_("the import failed and nothing was "
                                                                           "changed: %(reason)s"),
                                           {"reason": reason})])


def validate_files(paths, on_record=None, fmt="auto"):
    return load_files([str(p) for p in paths], on_record, fmt)


def _as_whole(course):
    """Courses from before sources count as the whole catalogue's."""
    return course if course.source is not None else course.but(source=sources.WHOLE)


def _served(index_dir):
    """``(facts, manifest, name)`` of the generation served now; its courses are read once, one at a time."""
    name, facts = served_courses(index_dir, each=lambda course: sources.facts_of(_as_whole(course)))
    if name is None:
        return [], {}, None
    return facts, read_manifest(index_dir, name), name


def _served_courses(index_dir, name, ids):
    """The courses of generation ``name`` whose ids are in ``ids``, one at a time."""
    for course in iter_stored_courses(index_dir, name):
        if course.id in ids:
            yield _as_whole(course)


def plan_import(loaded, index_dir, source, files, old=None):
    """The plan for importing ``loaded`` (a valid LoadResult or Scan) for ``source`` (None: the whole catalogue).

    ``old`` (courses) is the catalogue it replaces: by default the one served from
    ``index_dir``, which is then read again, one course at a time, when the plan is carried out.
    """
    index_dir = os.path.abspath(index_dir)
    served, name = {}, None
    if old is None:
        old_facts, served, name = _served(index_dir)
        old_courses = None
    else:
        old_facts, old_courses = [sources.facts_of(course) for course in old], old
    owner = sources.WHOLE if source is None else source
    if isinstance(loaded, LoadResult):
        new = [course.but(source=owner) for course in loaded.courses]
        new_facts = [sources.facts_of(course) for course in new]
        located = [(label, line, course.id) for label, line, course in loaded.located]
    else:
        new = None
        new_facts = [sources.Facts(found.id, owner, found.digest, found.county) for found in loaded.located]
        located = [(found.label, found.line, found.id) for found in loaded.located]
    problems = []
    # The other sources' courses stay; the bundled sample was a stand-in and goes.
    kept = [] if source is None else [facts for facts in old_facts if facts.source not in (source, sources.SAMPLE)]
    held = {facts.id: facts.source for facts in kept}
    for label, line, course_id in located:
        if course_id in held:
            problems.append(Problem(label, line, "id", N_("'%(id)s' is a course of source '%(other)s' already; "
                                                          "ids are unique in the whole catalogue"),
                                    {"id": course_id, "other": held[course_id] or "-"}))
    kept_ids = set(held)

    def catalogue():
        if kept_ids:
            yield from ((course for course in old_courses if course.id in kept_ids) if old_courses is not None
                        else _served_courses(index_dir, name, kept_ids))
        yield from new if new is not None else loaded.courses(source=owner)

    plan = Plan(index_dir, source, os.path.isdir(os.path.join(index_dir, "generations")), len(old_facts),
                CourseStream(len(kept) + len(new_facts), catalogue), sources.compare(old_facts, kept + new_facts),
                [str(f) for f in files], loaded.warnings, kept + new_facts, served)
    return plan, problems


def _apply(plan, on_course=None, notes=None):
    now = clock.now().isoformat(timespec="seconds")
    imported = {plan.source if plan.source is not None else sources.WHOLE}
    previous = plan.served.get("sources") or {}
    if not isinstance(previous, dict):
        previous = {}
    notes = {"files": [os.path.basename(f) for f in plan.files],
             "sources": sources.summarise(plan.facts, previous, imported, now), **(notes or {})}
    try:
        name = build_generation(plan.index_dir, plan.courses, on_course=on_course, notes=notes)
    except GenerationError as error:
        return _failure(plan.index_dir, str(error))
    log.info("imported %d courses into generation %s", plan.after, name)
    return ImportOutcome(plan=plan, generation=name, count=plan.after)


def import_files(paths, index_dir, source=None, fmt="auto", approve=None, dry_run=False, wait=True, on_wait=None,
                 on_record=None, on_course=None, on_valid=None):
    """Validate the files; plan; unless ``dry_run``, switch to the new catalogue. Returns an :class:`ImportOutcome`.

    ``source`` names the source the files are the whole catalogue of (None: the whole
    catalogue).  ``approve(plan)`` is asked when the import would remove more than half
    of what it replaces (default: approved, for callers that mean it).  The whole import
    holds the index's lock: a second import at the same moment waits for this one
    (``on_wait`` says so), or with ``wait=False`` fails at once, changing nothing.
    """
    if source is not None and not sources.valid_name(source):
        return ImportOutcome(problems=[Problem("--source", 0, NO_FIELD, N_("'%(name)s' is not a source name: use "
                                                                          "lower-case letters, digits and hyphens"),
                                               {"name": source})])
    try:
        with import_lock(index_dir, wait=wait, on_wait=on_wait):
            loaded = scan_files(paths, on_record, fmt, spool_dir=index_dir)
            try:
                if not loaded.ok:
                    return ImportOutcome(problems=loaded.problems)
                plan, problems = plan_import(loaded, index_dir, source, paths)
                # The plan of a dry run or of a refused import says what would change; its courses
                # are not kept (the checked courses' temporary file is closed on the way out).
                if problems or dry_run:
                    return ImportOutcome(problems=problems, plan=plan)
                if plan.shrinks and approve is not None and not approve(plan):
                    return ImportOutcome(plan=plan, refused=True)
                if on_valid:
                    on_valid(plan.after)
                return _apply(plan, on_course)
            finally:
                loaded.close()
    except ImportBusy as busy:
        return _failure(index_dir, str(busy))


def remove_source(index_dir, source, approve=None, dry_run=False, wait=True, on_wait=None):
    """Take one source's courses out of the catalogue, as an import of nothing for it would."""
    try:
        with import_lock(index_dir, wait=wait, on_wait=on_wait):
            old, manifest, name = _served(index_dir)
            if not any(facts.source == source for facts in old):
                return ImportOutcome(problems=[Problem(str(index_dir), 0, NO_FIELD, N_("the catalogue has no source "
                                                                                       "'%(name)s'"), {"name": source})])
            kept = [facts for facts in old if facts.source != source]
            ids = {facts.id for facts in kept}
            plan = Plan(os.path.abspath(index_dir), source, True, len(old),
                        CourseStream(len(kept), lambda: _served_courses(index_dir, name, ids)),
                        sources.compare(old, kept), facts=kept, served=manifest)
            if dry_run:
                return ImportOutcome(plan=plan)
            if approve is not None and not approve(plan):
                return ImportOutcome(plan=plan, refused=True)
            if not kept:
                return ImportOutcome(plan=plan, problems=[Problem(str(index_dir), 0, NO_FIELD, N_(
                    "this is the catalogue's only source; import another catalogue instead of removing it"))])
            return _apply(plan)
    except ImportBusy as busy:
        return _failure(index_dir, str(busy))


def served_sources(index_dir):
    """The manifest's summary of the catalogue served now: ``{source: {"courses", "counties", "imported"}}``."""
    found = _served(index_dir)[1].get("sources")
    return found if isinstance(found, dict) else {}


def import_sample(index_dir, today):
    """Import the bundled sample catalogue, its dates moved to ``today`` (see catalogue/sample.py)."""
    label, data = sample.sample_source(today)
    loaded = load_sources([(label, data)])
    if not loaded.ok:
        return ImportOutcome(problems=loaded.problems)
    with import_lock(index_dir):
        plan, _ = plan_import(loaded, index_dir, None, [label])
        plan.courses = [course.but(source=sources.SAMPLE) for course in plan.courses]
        plan.facts = [sources.facts_of(course) for course in plan.courses]
        plan.source = sources.SAMPLE
        return _apply(plan, notes={"sample": sample.anchor_for(today)})


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
        with import_lock(index_dir):
            manifest = read_manifest(index_dir, name)
            courses = CourseStream(manifest["count"], lambda: iter_stored_courses(index_dir, name))
            notes = {key: value for key, value in manifest.items() if key in ("sources", "files", "sample")}
            rebuilt = build_generation(index_dir, courses, notes=notes)
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

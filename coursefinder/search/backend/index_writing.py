"""Writing one generation's index: Whoosh's segments, the course records and summaries beside it,
and what the generation keeps of its words and titles, in one pass over its courses."""

import os
import shutil
from collections import Counter
from dataclasses import dataclass, field

import orjson
from whoosh import index as whoosh_index

from ...faults import checkpoint
from ..filters import FILTERS
from ..spelling import count_words
from ..suggest import count_titles, new_titles
from ..textfields import TEXT_FIELDS
from . import whoosh_fixes  # noqa: F401 - before any index is written
from .common_terms import write_common_terms
from .forked import run_forked
from .layout import SUMMARIES, GenerationError
from .records import RecordsWriter, join_parts
from .segment_writer import ShareWriter
from .schema import make_schema, to_document


def _summary(course):
    return {"title_nb": course.title_nb, "title_en": course.title_en, "course_type": course.course_type,
            "sector": course.sector, "county": course.county}


# From this many courses an index is written by WRITER_PROCS processes, each its share of
# the courses into a segment of its own (writing is most of an import's time, on one core).
PARALLEL_FROM = 20_000
WRITER_PROCS = 2
WRITER_MB = 64


@dataclass
class Written:
    """What writing a generation's index (or a share of it) gathered on the way, in one pass over its courses."""
    count: int = 0
    words: Counter = field(default_factory=Counter)
    titles: dict = field(default_factory=new_titles)
    ids: set = field(default_factory=set)

    def add(self, share):
        """Add what the next share of the courses gathered (the same as one pass over both gathers)."""
        twice = self.ids & share.ids
        if twice:
            raise GenerationError(f"the course id {min(twice)!r} comes twice")
        self.ids |= share.ids
        self.count = len(self.ids)
        self.words.update(share.words)
        for lang, titles in share.titles.items():
            self.titles[lang].update(titles)


class _Progress:
    """Courses written so far: told to the caller (``on_course``, once a course) and to the crash tests' checkpoint."""

    def __init__(self, count, on_course):
        self.done, self._half, self._on_course = 0, (count or 0) // 2, on_course

    def to(self, done):
        if self.done <= self._half < done:
            checkpoint("writing")
        if self._on_course:
            for _ in range(done - self.done):
                self._on_course()
        self.done = done

    def tick(self):
        self.to(self.done + 1)


def writer_procs(count):
    """How many processes write an index of ``count`` courses (None: not known)."""
    if count is None or count < PARALLEL_FROM or not hasattr(os, "fork"):
        return 1
    return max(1, min(WRITER_PROCS, os.cpu_count() or 1))


def write_index(folder, courses, on_course, procs=None):
    """Write the index, the course records and summaries and gather the rest, in one pass over ``courses``.

    ``courses`` is any iterable (an import streams them from its files); each course is
    held only while it is written.  With more than one process (``writer_procs``) each
    writes its share of the courses, in the order they come, into a segment of its own
    and its part of the records; a column ``row`` keeps the order the courses came in.
    """
    count = len(courses) if hasattr(courses, "__len__") else None
    procs = writer_procs(count) if procs is None else procs
    ix = whoosh_index.create_in(folder, make_schema())
    progress = _Progress(count, on_course)
    if procs > 1:
        # The last share takes whatever comes after the others', as one pass would.
        bounds = [count * share // procs for share in range(procs)] + [None]
        shares = run_forked(folder, procs, lambda share, tick: _write_share(
            ix, folder, courses, share, bounds[share], bounds[share + 1], tick), progress.to)
    else:
        shares = [_write_share(ix, folder, courses, 0, 0, None, progress.tick)]
    written, segments = Written(), []
    for segment, share in shares:
        written.add(share)
        if segment is not None:
            segments.append(segment)
    join_parts(folder, range(len(shares)))
    _join_summaries(folder, len(shares))
    # The segments the shares wrote become the index, as Whoosh's own parallel writer makes them one.
    writer = ix.writer()
    try:
        writer._close_segment()
        writer._commit_toc(segments)
    except BaseException:
        writer.cancel()
        raise
    writer._finish()
    index = whoosh_index.open_dir(folder)
    with index.reader() as reader:
        if reader.doc_count_all() != written.count:
            raise GenerationError(f"the index holds {reader.doc_count_all()} courses of the {written.count} written")
    write_common_terms(folder, index, TEXT_FIELDS)
    return written


def _write_share(ix, folder, courses, share, start, stop, tick):
    """Write the courses numbered ``start`` up to ``stop`` (None: the end) as share number ``share``:
    a segment (None when there are no courses), records and summaries; returns it and its :class:`Written`."""
    # One writer and one commit give one segment, the fastest to search.  No compound
    # file: Whoosh copies a compound segment's parts into memory for every reader (one
    # per thread), while separate files are mapped and shared.
    alone = start == 0 and stop is None     # the only share: the memory of the processes there would have been
    writer = ShareWriter(ix, share, limitmb=2 * WRITER_MB if alone else WRITER_MB, compound=False)
    columns = FILTERS.columns()
    written = Written()
    records = None
    try:
        records = RecordsWriter(folder, share)
        with open(_summaries_part(folder, share), "wb") as summaries:
            for number, course in enumerate(courses):
                if number < start:
                    continue
                if stop is not None and number >= stop:
                    break
                if course.id in written.ids:
                    raise GenerationError(f"the course id {course.id!r} comes twice")
                writer.add_document(**to_document(course, columns, number))
                records.add(course)
                summaries.write((b"," if written.ids else b"") + orjson.dumps(course.id) + b":"
                                + orjson.dumps(_summary(course)))
                written.ids.add(course.id)
                count_words(course, written.words)
                count_titles(course, written.titles)
                tick()
        records.close()
        written.count = len(written.ids)
        segment = None
        if written.count:
            segment = writer._finalize_segment()
        else:
            writer._close_segment()
        writer._finish()
    except BaseException:
        if records is not None:
            records.abandon()
        writer.cancel()
        raise
    return segment, written


def _summaries_part(folder, share):
    return os.path.join(folder, f"{SUMMARIES}.part-{share}")


def _join_summaries(folder, shares):
    """One JSON object of every course's summary, from the shares' parts (each "id": {…} pairs, comma-separated)."""
    with open(os.path.join(folder, SUMMARIES), "wb") as joined:
        joined.write(b"{")
        first = True
        for share in range(shares):
            path = _summaries_part(folder, share)
            if os.path.getsize(path):
                if not first:
                    joined.write(b",")
                with open(path, "rb") as part:
                    shutil.copyfileobj(part, joined, 1 << 20)
                first = False
            os.unlink(path)
        joined.write(b"}")

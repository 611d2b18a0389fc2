"""Writing one generation's index: Whoosh's segments, the course records and summaries beside it,
and what the generation keeps of its words and titles, in one pass over its courses."""

import gc
import json
import os
from collections import Counter
from dataclasses import dataclass, field

from whoosh import index as whoosh_index

from ...faults import checkpoint
from ..filters import FILTERS
from ..spelling import count_words
from ..suggest import count_titles, new_titles
from ..textfields import TEXT_FIELDS
from . import whoosh_fixes  # noqa: F401 - before any index is written
from .common_terms import write_common_terms
from .layout import SUMMARIES, GenerationError
from .records import RecordsWriter
from .schema import make_schema, to_document


def _summary(course):
    return {"title_nb": course.title_nb, "title_en": course.title_en, "course_type": course.course_type,
            "sector": course.sector, "county": course.county}


# From this many courses an index is written by WRITER_PROCS processes, one segment each
# (a 100,000-course import spends most of its time in Whoosh's writer, on one core).
PARALLEL_FROM = 20_000
WRITER_PROCS = 2
WRITER_MB = 64


@dataclass
class Written:
    """What writing a generation's index gathered on the way, in the one pass over its courses."""
    count: int = 0
    words: Counter = field(default_factory=Counter)
    titles: dict = field(default_factory=new_titles)
    ids: set = field(default_factory=set)


def writer_procs(count):
    """How many processes write an index of ``count`` courses (None: not known)."""
    if count is None or count < PARALLEL_FROM or not hasattr(os, "fork"):
        return 1
    return max(1, min(WRITER_PROCS, os.cpu_count() or 1))


def write_index(folder, courses, on_course, procs=None):
    """Write the index, the course summaries and gather the rest, in one pass over ``courses``.

    ``courses`` is any iterable (an import streams them from its files); each course is
    held only while it is written.  With more than one process (``writer_procs``) each
    writes a segment of its own; a column ``row`` keeps the order the courses came in.
    """
    count = len(courses) if hasattr(courses, "__len__") else None
    procs = writer_procs(count) if procs is None else procs
    ix = whoosh_index.create_in(folder, make_schema())
    columns = FILTERS.columns()
    written = Written()
    # One writer and one commit give one segment (or one per process), the fastest to
    # search.  No compound file: Whoosh copies a compound segment's parts into memory for
    # every reader (one per thread), while separate files are mapped and shared.
    if procs > 1:
        # The writing processes are forked from this one: frozen, its objects stay shared
        # with them (the collector would otherwise touch, and so copy, every page of them).
        gc.collect()
        gc.freeze()
        writer = ix.writer(procs=procs, batchsize=256, multisegment=True, limitmb=WRITER_MB, compound=False)
    else:
        writer = ix.writer(limitmb=2 * WRITER_MB, compound=False)
    records = None
    try:
        records = RecordsWriter(folder)
        with open(os.path.join(folder, SUMMARIES), "w", encoding="utf-8") as summaries:
            summaries.write("{")
            for number, course in enumerate(courses):
                if course.id in written.ids:
                    raise GenerationError(f"the course id {course.id!r} comes twice")
                writer.add_document(**to_document(course, columns, number))
                records.add(course)
                written.ids.add(course.id)
                count_words(course, written.words)
                count_titles(course, written.titles)
                summaries.write(("," if number else "") + json.dumps(course.id, ensure_ascii=False) + ":"
                                + json.dumps(_summary(course), ensure_ascii=False))
                if number == (count or 0) // 2:
                    checkpoint("writing")
                if on_course:
                    on_course()
            summaries.write("}")
        written.count = len(written.ids)
        records.close()
        writer.commit(optimize=procs == 1)
    except BaseException:
        if records is not None:
            records.abandon()
        writer.cancel()
        raise
    finally:
        if procs > 1:
            gc.unfreeze()
    index = whoosh_index.open_dir(folder)
    with index.reader() as reader:
        if reader.doc_count_all() != written.count:
            raise GenerationError(f"the index holds {reader.doc_count_all()} courses of the {written.count} written")
    write_common_terms(folder, index, TEXT_FIELDS)
    return written

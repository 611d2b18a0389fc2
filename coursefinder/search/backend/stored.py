"""The courses of a written generation, read back (what an import for one source builds on, and what
a generation of an older version is rebuilt from)."""

import logging

from .generations import candidates, generation_path, open_generation, read_manifest
from .records import open_records, stored_fields_course

log = logging.getLogger(__name__)


def served_courses(index_dir, each=None):
    """``(name, courses)`` of the generation a server would serve (the first that reads), or ``(None, [])``.

    What an import for one source builds on: a damaged newest generation is passed over
    the way a server passes it over.  With ``each`` (a function of a course) the list
    holds ``each(course)`` instead, and no more than one course is held at a time.
    """
    for name in candidates(index_dir):
        try:
            return name, [course if each is None else each(course) for course in iter_stored_courses(index_dir, name)]
        except Exception as error:  # any damage: the next candidate, as open_best does
            log.error("cannot read the courses of generation %s in %s: %s", name, index_dir, error)
    return None, []


def stored_courses(index_dir, name):
    """The courses of a generation, read back from its stored records."""
    return list(iter_stored_courses(index_dir, name))


def iter_stored_courses(index_dir, name):
    """The same, one at a time (in the order they were written)."""
    records = open_records(generation_path(index_dir, name), read_manifest(index_dir, name))
    if records is not None:
        yield from records.courses()
        return
    with open_generation(index_dir, name).searcher() as searcher:
        reader = searcher.reader()
        rows = list(reader.column_reader("row")) if "row" in reader.schema else None
        docs = range(reader.doc_count_all()) if rows is None else sorted(range(len(rows)), key=rows.__getitem__)
        for doc in docs:
            yield stored_fields_course(searcher, doc)

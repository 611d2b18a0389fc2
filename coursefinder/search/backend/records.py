"""A generation's courses as written, one JSON line each, read back by row through a memory map.

A page of results shows its courses whole, so every search reads a page of them back.
Whoosh keeps stored fields pickled and compressed in each segment (about 28 µs a course,
and 19 µs more to parse the JSON inside); here a course is a slice of a mapped file that
orjson parses (about 8 µs), and the file's pages are shared by every worker process
through the page cache instead of being copied into each.

Layout, beside the index in the generation's folder::

    courses.jsonl          one course record (``Course.to_record``) a line, in the order written
    courses.offsets.npy    where each line starts, and the file's length at the end (int64)

Rows are the order the courses were written in (the index's ``row`` column), which is
not a document number when several processes wrote the index.
"""

import mmap
import os
import shutil
from array import array

import json

import numpy as np

from ...catalogue.model import Course, record_line

COURSES = "courses.jsonl"
OFFSETS = "courses.offsets.npy"
# The index version from which every generation has them (before it, the index's stored fields held the courses).
RECORDS_FROM = 14


def _part_names(part):
    return f"courses.part-{part}.jsonl", f"courses.part-{part}.offsets.npy"


class RecordsWriter:
    """Writes one share (``part``) of the courses of a generation being built, one course at a
    time (each is held only while written); :func:`join_parts` makes the shares the generation's."""

    def __init__(self, folder, part):
        self._folder = folder
        self._names = _part_names(part)
        self._file = open(os.path.join(folder, self._names[0]), "wb")
        self._offsets = array("q", [0])     # 8 bytes a course (a list of ints: 36)

    def add(self, course):
        line = record_line(course.to_record())
        self._file.write(line)
        self._offsets.append(self._offsets[-1] + len(line))

    def close(self):
        self._file.close()
        np.save(os.path.join(self._folder, self._names[1]), np.frombuffer(self._offsets, dtype=np.int64))

    def abandon(self):
        self._file.close()


def join_parts(folder, parts):
    """The records of ``parts`` (each written by a ``RecordsWriter``), in that order, as the generation's."""
    parts = list(parts)
    if len(parts) == 1:     # one part is the whole: moved into place, not copied
        for part_name, name in zip(_part_names(parts[0]), (COURSES, OFFSETS)):
            os.replace(os.path.join(folder, part_name), os.path.join(folder, name))
        return
    offsets, end = [np.zeros(1, dtype=np.int64)], 0
    with open(os.path.join(folder, COURSES), "wb") as joined:
        for part in parts:
            data, part_offsets = (os.path.join(folder, name) for name in _part_names(part))
            with open(data, "rb") as handle:
                shutil.copyfileobj(handle, joined, 1 << 20)
            starts = np.load(part_offsets)
            offsets.append(starts[1:] + end)
            end += int(starts[-1])
            os.unlink(data)
            os.unlink(part_offsets)
    np.save(os.path.join(folder, OFFSETS), np.concatenate(offsets))


def open_records(folder, manifest):
    """The course records of a generation, or None for one written before version 14 (its index's
    stored fields hold its courses: ``stored_fields_course``); ValueError when they are missing."""
    if os.path.exists(os.path.join(folder, OFFSETS)):
        return Records(folder)
    if manifest.get("index_version", 0) >= RECORDS_FROM:
        raise ValueError(f"generation {os.path.basename(folder)} has no course records ({OFFSETS} is missing)")
    return None


def stored_fields_course(searcher, doc):
    """A course of a generation written before version 14, from the index's stored fields."""
    return Course.from_record(json.loads(searcher.stored_fields(doc)["record"]))


class Records:
    """The courses of a written generation: ``course(row)`` rebuilds one, ``courses()`` all in row order."""

    def __init__(self, folder):
        self._offsets = np.load(os.path.join(folder, OFFSETS), mmap_mode="r")
        with open(os.path.join(folder, COURSES), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size != int(self._offsets[-1]):
                raise ValueError(f"{COURSES} holds {size} bytes, {OFFSETS} says {int(self._offsets[-1])}")
            # An empty catalogue has an empty file, which cannot be mapped.
            self._data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else b""

    def __len__(self):
        return len(self._offsets) - 1

    def course(self, row):
        return Course.from_line(self._data[int(self._offsets[row]):int(self._offsets[row + 1])])

    def courses(self):
        for row in range(len(self)):
            yield self.course(row)

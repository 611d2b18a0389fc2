"""The writer of one Whoosh segment for this schema: Whoosh's own segment, in fewer steps.

Whoosh's writer hands every posting to a pool as a tuple, pickles the pool to disk in sorted
runs, merges them back one posting at a time and gives each to its postings writer with a
look-up of the document's field length: most of an import's time.  This writer gathers the
postings by term as they come (a term's documents, weights and values in arrays), sorts only
the terms, and gives the postings writer a block at a time.  The files are the same (tested
against Whoosh's own writer); only how they are made differs.  Memory is bounded as
Whoosh's is: past ``limitmb`` the gathered terms go to a run on disk, and the runs are
joined term by term at the end (a run's documents all come before the next run's).
"""

import heapq
import os
import struct
from array import array
from itertools import groupby

from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from .layout import GenerationError
from .whoosh_fixes import LENGTH_OF_BYTE

# What a term costs in memory besides its postings (its bytes, a tuple, two arrays and a
# bytearray with their headers and spare room), and what a posting costs: used to bound it.
_TERM_BYTES = 360
_POSTING_BYTES = 10
_RUN_HEAD = struct.Struct("<BHIB")      # field name's length, term's length, postings, value size


class TermPool:
    """A segment's postings gathered by field and term, in the order of their documents."""

    def __init__(self, folder, limitmb):
        self.fields, self.size, self.limit = {}, 0, limitmb * 1024 * 1024
        self._folder, self._runs = folder, []

    def terms_of(self, fieldname):
        """The field's terms, each ``(documents, weights, values)``: an ``array("I")``, an ``array("f")``
        and the values' bytes one after the other."""
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
        return terms

    def save(self):
        """Write the gathered terms to a run on disk, in order, and start again."""
        path = os.path.join(self._folder, f"terms-{len(self._runs)}.run")
        self._runs.append(path)
        with open(path, "wb", buffering=1 << 20) as run:
            for fieldname, term, (docs, weights, values) in self._in_order():
                name = fieldname.encode("utf-8")
                run.write(_RUN_HEAD.pack(len(name), len(term), len(docs), len(values) // len(docs)))
                run.write(name)
                run.write(term)
                run.write(docs.tobytes())
                run.write(weights.tobytes())
                run.write(values)
        self.fields, self.size = {}, 0

    def _in_order(self):
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for term in sorted(terms):
                yield fieldname, term, terms[term]

    def terms(self):
        """``(fieldname, term, (documents, weights, values))`` of every term, in Whoosh's order
        (field names, then the terms' bytes), a term's postings in the order of their documents."""
        if not self._runs:
            yield from self._in_order()
            return
        sources = [_read_run(path, number) for number, path in enumerate(self._runs)]
        sources.append((fieldname, term, len(self._runs), postings) for fieldname, term, postings in self._in_order())
        merged = heapq.merge(*sources, key=lambda item: item[:3])
        for (fieldname, term), parts in groupby(merged, key=lambda item: item[:2]):
            parts = [postings for _, _, _, postings in parts]
            if len(parts) == 1:
                yield fieldname, term, parts[0]
                continue
            docs, weights, values = array("I"), array("f"), bytearray()
            for part_docs, part_weights, part_values in parts:
                docs.extend(part_docs)
                weights.extend(part_weights)
                values += part_values
            yield fieldname, term, (docs, weights, values)

    def cleanup(self):
        self.fields = {}
        for path in self._runs:
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
        self._runs = []


def _read_run(path, number):
    with open(path, "rb", buffering=1 << 20) as run:
        while True:
            head = run.read(_RUN_HEAD.size)
            if not head:
                return
            name_size, term_size, count, value_size = _RUN_HEAD.unpack(head)
            fieldname = run.read(name_size).decode("utf-8")
            term = run.read(term_size)
            docs, weights = array("I"), array("f")
            docs.frombytes(run.read(4 * count))
            weights.frombytes(run.read(4 * count))
            yield fieldname, term, number, (docs, weights, run.read(value_size * count))


class ShareWriter(SegmentWriter):
    """Whoosh's writer of one segment, for this schema's fields (``schema.py``: analysed text and
    codes, no stored values, boosts, spelling or vectors), with its own pool (:class:`TermPool`),
    postings writing and a folder of temporary files of its own: Whoosh names that folder after
    the index, the same in every process, and the first to finish would remove it."""

    def __init__(self, ix, share, limitmb=64, **kwargs):
        storage = ix.storage
        temp_storage = storage.temp_storage
        storage.temp_storage = lambda name=None: temp_storage(f"{ix.indexname}.share-{share}.tmp")
        try:
            super().__init__(ix, _lk=False, limitmb=limitmb, **kwargs)
        finally:
            del storage.temp_storage
        self.pool = TermPool(self._tempstorage.folder, limitmb)
        self._fields = [(name, field, field.indexed, field.scorable, field.column_type)
                        for name, field in sorted(self.schema.items())]
        # Each scorable field's length byte per document, as its length column holds it.
        self._length_codes = {name: bytearray() for name, _, _, scorable, _ in self._fields if scorable}

    def add_document(self, **document):
        """Whoosh's ``add_document`` for this schema's fields: the same postings, lengths and columns."""
        docnum, pool, perdoc, codes = self.docnum, self.pool, self.perdocwriter, self._length_codes
        size = 0
        perdoc.start_doc(docnum)
        for name, field, indexed, scorable, column in self._fields:
            value = document.get(name)
            if value is None:
                if scorable:
                    codes[name].append(0)
                continue
            length = 0
            if indexed:
                terms = pool.terms_of(name)
                for term, freq, weight, vbytes in field.index(value):
                    postings = terms.get(term)
                    if postings is None:
                        postings = terms[term] = (array("I"), array("f"), bytearray())
                        size += _TERM_BYTES + len(term)
                    postings[0].append(docnum)
                    postings[1].append(weight)
                    postings[2].extend(vbytes)
                    size += _POSTING_BYTES + len(vbytes)
                    length += freq
            if scorable:
                codes[name].append(length_to_byte(length) if length else 0)
            perdoc.add_field(name, field, None, length if scorable else 0)
            if column:
                perdoc.add_column_value(name, column, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1
        pool.size += size
        if pool.size > pool.limit:
            pool.save()

    def _flush_segment(self):
        self.perdocwriter.close()
        fields, current = self.fieldwriter, None
        for fieldname, term, postings in self.pool.terms():
            if fieldname != current:
                if current is not None:
                    fields.finish_field()
                fields.start_field(fieldname, self.schema[fieldname])
                current, codes = fieldname, self._length_codes.get(fieldname)
                value_size = self.schema[fieldname].format.fixed_value_size()
            fields.start_term(term)
            _write_postings(fields._postwriter, postings, value_size, codes)
            fields.finish_term()
        if current is not None:
            fields.finish_field()
        fields.close()


def _write_postings(writer, postings, value_size, codes):
    """Give Whoosh's postings writer a term's postings a block at a time, each block's figures as
    ``add_posting`` would have found them; ``finish_term`` writes the last block."""
    docs, weights, values = postings
    if value_size is None or value_size < 0 or len(values) != value_size * len(docs):
        raise GenerationError("a field's postings are not of a fixed size; this writer cannot write them")
    limit = writer._blocklimit
    for start in range(0, len(docs), limit):
        if start:
            writer._write_block()
        stop = start + limit
        block = docs[start:stop]
        writer._ids = block
        writer._weights = block_weights = weights[start:stop]
        writer._values = [bytes(values[start * value_size:stop * value_size])] if value_size else []
        writer._maxweight = max(0, max(block_weights))
        if codes is not None:
            lengths = [length for length in (LENGTH_OF_BYTE[codes[doc]] for doc in block) if length]
            if lengths:
                writer._minlength, writer._maxlength = min(lengths), max(lengths)

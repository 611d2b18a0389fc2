"""Reading the records of an import file: a JSON array, JSON Lines or CSV.

A reader yields ``(line, record, source)`` where ``record`` is the raw mapping of the
file (or whatever the JSON held there) and ``source`` is ``"json"`` or ``"csv"``, which
tells the validator how to read the values.  Problems with the file itself (not UTF-8,
broken JSON, a bad CSV header) are reported as :class:`Problem` with the line they are on.
"""

import codecs
import csv
import io
import json
import os
from collections import Counter

from ..text import shorten
from .fields import FIELDS, closest_field, read_json_int
from .problems import N_, NO_FIELD, Problem


class FileProblem(Exception):
    def __init__(self, line, message, field=NO_FIELD, **params):
        super().__init__(message)
        self.line, self.message, self.field, self.params = line, message, field, params


def _reject_constant(name):
    raise ValueError(f"{name} is not allowed in JSON")


class Fields(dict):
    """A JSON object's fields, remembering the names that appeared more than once (the last value counts)."""

    repeated = ()


def _fields(pairs):
    found = Fields(pairs)
    if len(found) != len(pairs):
        counts = Counter(name for name, _ in pairs)
        found.repeated = tuple(name for name, count in counts.items() if count > 1)
    return found


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_int=read_json_int, object_pairs_hook=_fields)


def _line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def _json_error(text, error):
    if isinstance(error, json.JSONDecodeError):
        return FileProblem(error.lineno, N_("broken JSON: %(detail)s"), detail=error.msg)
    if isinstance(error, RecursionError):
        return FileProblem(1, N_("broken JSON: %(detail)s"), detail="nested too deeply")
    return FileProblem(1, N_("broken JSON: %(detail)s"), detail=str(error))


def _skip_space(text, pos):
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def read_json_array(text, problems, label):
    """Yield ``(line, value)`` for each element, the line being where the element starts."""
    pos = _skip_space(text, 0)
    if pos >= len(text) or text[pos] != "[":
        raise FileProblem(_line_of(text, pos), N_("a JSON file must hold one array of courses: [ {...}, {...} ]"))
    pos = _skip_space(text, pos + 1)
    if pos < len(text) and text[pos] == "]":
        pos += 1
    else:
        line, counted_to = 1, 0
        while True:
            line += text.count("\n", counted_to, pos)
            counted_to = pos
            try:
                value, pos = _DECODER.raw_decode(text, pos)
            except (ValueError, RecursionError) as error:
                raise _json_error(text, error) from None
            yield line, value
            pos = _skip_space(text, pos)
            if pos < len(text) and text[pos] == ",":
                pos = _skip_space(text, pos + 1)
                continue
            if pos < len(text) and text[pos] == "]":
                pos += 1
                break
            raise FileProblem(_line_of(text, pos), N_("broken JSON: %(detail)s"),
                              detail="expected ',' or ']' after a course")
    if _skip_space(text, pos) != len(text):
        raise FileProblem(_line_of(text, pos), N_("broken JSON: %(detail)s"), detail="text after the closing ']'")


def _is_one_object(text):
    """A pretty-printed single course, which is neither an array nor JSON Lines."""
    try:
        return isinstance(_DECODER.decode(text), dict)
    except (ValueError, RecursionError):
        return False


def read_json_lines(text, problems, label):
    return _json_lines(text.split("\n"), lambda: text)


def _json_lines(lines, whole):
    """``(line, value)`` of each line of JSON; ``whole()`` gives the file's text (read only to explain an error)."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            value = _DECODER.decode(raw)
        except (ValueError, RecursionError) as error:
            if number == 1 and _is_one_object(whole()):
                raise FileProblem(1, N_("a JSON file must hold one array of courses: [ {...}, {...} ]")) from None
            problem = _json_error(raw, error)
            problem.line = number
            raise problem from None
        yield number, value


def _csv_separator(header_line):
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _header_problems(label, names):
    """One problem per distinct unknown or repeated column; the columns the rows are read with."""
    problems, counts, known = [], Counter(names), set(names) & set(FIELDS)
    for name, count in counts.items():
        if name == "":
            # Excel adds empty columns after the data when cells there were touched;
            # they are fine as long as they stay empty.
            continue
        if name not in FIELDS:
            near = closest_field(name, taken=known)
            if near:
                problems.append(Problem(label, 1, shorten(name), N_("unknown column '%(name)s'; did you mean "
                                                                    "'%(closest)s'?"), {"name": name, "closest": near}))
            else:
                problems.append(Problem(label, 1, shorten(name), N_("unknown column '%(name)s'; the format's columns "
                                                                    "are listed in the import format guide"),
                                        {"name": name}))
        elif count > 1:
            problems.append(Problem(label, 1, name, N_("the column appears %(count)d times in the header; only the "
                                                       "first is read"), {"count": count}))
    # Rows are still read with the known columns (each name's first place), so one run
    # lists every problem of the file.
    first = {}
    for place, name in enumerate(names):
        first.setdefault(name, place)
    return problems, [(place, name) for name, place in first.items() if name == "" or name in FIELDS]


def read_csv(text, problems, label):
    header_line = text.split("\n", 1)[0]
    separator = _csv_separator(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise FileProblem(1, N_("broken CSV: %(detail)s"), detail=str(error)) from None
    if not header:
        raise FileProblem(1, N_("a CSV file must start with a header row of field names"))
    names = [name.strip() for name in header]
    header_problems, columns = _header_problems(label, names)
    problems.extend(header_problems)
    consumed = reader.line_num
    while True:
        start = consumed + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileProblem(reader.line_num, N_("broken CSV: %(detail)s"), detail=str(error)) from None
        consumed = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names):
            raise FileProblem(start, N_("the row has %(cells)d cells but the header has %(columns)d columns"),
                              cells=len(row), columns=len(names))
        yield start, {name: row[place] for place, name in columns if place < len(row) and row[place].strip() != ""}


def detect_format(path, text):
    extension = os.path.splitext(path)[1].lower()
    if extension == ".csv":
        return "csv"
    if extension in (".jsonl", ".ndjson"):
        return "jsonl"
    first = text.lstrip()[:1]
    if first == "[":
        return "json"
    if first == "{":
        return "jsonl"
    return "csv" if extension not in (".json",) else "json"


READERS = {"json": (read_json_array, "json"), "jsonl": (read_json_lines, "json"), "csv": (read_csv, "csv")}


def decode(path, data):
    """Decode a file's bytes as UTF-8 (a BOM is allowed) or raise a FileProblem."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(data.count(b"\n", 0, error.start) + 1,
                          N_("the file is not UTF-8 text; save it as UTF-8 (in Excel: CSV UTF-8)")) from None
    if "\x00" in text:
        raise FileProblem(_line_of(text, text.index("\x00")), N_("the file holds a NUL byte; it is not a text file"))
    return text.replace("\r\n", "\n") if not path.lower().endswith(".csv") else text


def read_records(path, data, label=None):
    """Read one file's bytes; return ``(records, problems)``.

    ``records`` is a list of ``(line, record, source)``.  When the file cannot be read
    to its end the records read so far are still returned with the problem, so that
    their own problems can be listed in the same run.
    """
    problems = []
    records = list(iter_records(path, data, problems, label))
    return records, problems


def iter_file_records(path, problems, label=None):
    """The records of a file on disk, one at a time.  JSON Lines are read a line at a time, after a first pass
    that checks the file is UTF-8 text (so its problems are those of :func:`read_records`); a JSON array or a
    CSV file is read whole."""
    label = label or path
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if detect_format(path, head.decode("utf-8-sig", errors="ignore")) != "jsonl":
        with open(path, "rb") as handle:
            data = handle.read()
        yield from iter_records(path, data, problems, label)
        return
    try:
        _check_text(path)
        with open(path, "rb") as handle:
            yield from ((line, record, "json") for line, record in _json_lines(_text_lines(handle), lambda: _whole(path)))
    except FileProblem as problem:
        problems.append(Problem(label, problem.line, problem.field, problem.message, problem.params))


def _text_lines(handle):
    """A binary file's lines as text, as ``decode`` and a split at line breaks give them."""
    for number, raw in enumerate(handle):
        raw = raw[:-1] if raw.endswith(b"\n") else raw
        raw = raw[:-1] if raw.endswith(b"\r") else raw
        yield raw.decode("utf-8-sig" if number == 0 else "utf-8")


def _whole(path):
    with open(path, "rb") as handle:
        return decode(path, handle.read())


def _check_text(path, chunk=1 << 20):
    """Raise the FileProblem ``decode`` would raise for the file, reading it a megabyte at a time."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    lines, nul, final = 1, None, False
    with open(path, "rb") as handle:
        while not final:
            data = handle.read(chunk)
            final = not data
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(data, final=final)
            except UnicodeDecodeError as error:
                raise FileProblem(lines + data.count(b"\n", 0, max(error.start - pending, 0)),
                                  N_("the file is not UTF-8 text; save it as UTF-8 (in Excel: CSV UTF-8)")) from None
            if nul is None and "\x00" in text:
                nul = lines + text.count("\n", 0, text.index("\x00"))
            lines += data.count(b"\n")
    if nul is not None:
        raise FileProblem(nul, N_("the file holds a NUL byte; it is not a text file"))


def iter_records(path, data, problems, label=None):
    """The same records one at a time, as they are read (an import holds one record at a time, not a file's
    worth); the file's problems are added to ``problems``."""
    label = label or path
    try:
        text = decode(path, data)
        del data
        kind = detect_format(path, text)
        read, source = READERS[kind]
        for line, record in read(text, problems, label):
            yield line, record, source
    except FileProblem as problem:
        problems.append(Problem(label, problem.line, problem.field, problem.message, problem.params))

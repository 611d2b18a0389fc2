"""A problem found in an import file, reported as ``FILE:LINE: FIELD: message``.

Messages are kept as a gettext message id plus parameters so that the command line
and the web can show them in the reader's language; ``N_`` only marks them for
``pybabel extract``.
"""

import re
from dataclasses import dataclass, field

from ..text import shorten

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_PLAIN_FIELD = re.compile(r"[A-Za-z0-9_.-]+")


def printable(text):
    """Text with control characters written as escapes, so a problem stays on one line."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def field_label(name):
    """A field name as one word: as it is when plain, else quoted with spaces and controls escaped."""
    if _PLAIN_FIELD.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + printable(escaped).replace(" ", "\\x20") + '"'


def N_(message):
    """Mark a message for translation without translating it here."""
    return message


# The FIELD part of a problem that is not about one field (broken JSON, a record
# that is not an object, a file that is not UTF-8).
NO_FIELD = "-"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str
    params: dict = field(default_factory=dict, compare=False)
    # A warning is shown but does not stop an import (a place that names another municipality).
    warning: bool = field(default=False, compare=False)

    def render(self, gettext=None):
        gettext = gettext or (lambda s: s)
        text = gettext(self.message)
        if self.params:
            # What is quoted from a file is cut to a readable length (a "field name" may be
            # megabytes long); a reason is the program's own words and is kept whole.
            text = text % {key: printable(value if key == "reason" else shorten(value)) if isinstance(value, str)
                           else value for key, value in self.params.items()}
        if self.warning:
            text = gettext(N_("warning")) + ": " + text
        return f"{printable(self.file)}:{self.line}: {field_label(shorten(self.field))}: {text}"


class Invalid(Exception):
    """Raised by a field kind for a value that breaks the format."""

    def __init__(self, message, **params):
        super().__init__(message)
        self.message = message
        self.params = params

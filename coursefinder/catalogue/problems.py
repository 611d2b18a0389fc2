"""A problem found in an import file, reported as ``FILE:LINE: FIELD: message``.

Messages are kept as a gettext message id plus parameters so that the command line
and the web can show them in the reader's language; ``N_`` only marks them for
``pybabel extract``.
"""

from dataclasses import dataclass, field


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

    def render(self, gettext=None):
        text = (gettext or (lambda s: s))(self.message)
        if self.params:
            text = text % self.params
        return f"{self.file}:{self.line}: {self.field}: {text}"


class Invalid(Exception):
    """Raised by a field kind for a value that breaks the format."""

    def __init__(self, message, **params):
        super().__init__(message)
        self.message = message
        self.params = params

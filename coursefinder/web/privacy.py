"""Personal information has no place in a search: such text is refused, not searched, and never written anywhere.

What looks like a Norwegian national identity number (a date of birth and five digits,
however it is written) or an e-mail address is refused with a plain message, and the page
does not show it again.  The text is first made plain (Unicode NFKC, so that a full-width
＠ or digits from another script count) and the separators people put between digits
(spaces, dots, dashes, slashes) are taken out, so ``010 190 123 45`` and ``01.01.90 12345``
are seen for what they are.  Every endpoint that takes text runs this check, the
suggestions while typing included, and the page's script sends nothing it would refuse.
"""

import re
import unicodedata

from flask_babel import lazy_gettext as _l

from ..search import ParamError

# Separators between two digits: "010 190 123 45", "01.01.90-12345".
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[\s./\-_,:]+(?=\d)")
_IDENTITY_NUMBER = re.compile(r"(?<!\d)\d{11}(?!\d)")
# A date of birth with a four-digit year and five digits: 01.01.1990 12345.
_BIRTH_DATE_AND_NUMBER = re.compile(r"(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}\d{5}(?!\d)")
_EMAIL = re.compile(r"[^\s@]+\s*@\s*[^\s@]+\.[^\s@.]{2,}")

MESSAGE = _l("Please do not write personal information, such as a national identity number or an e-mail address, "
             "in the search. Search for a job, a course or a place.")


def plain(text):
    return unicodedata.normalize("NFKC", text)


def looks_personal(text):
    text = plain(text)
    digits = _BETWEEN_DIGITS.sub("", text)
    return bool(_IDENTITY_NUMBER.search(digits) or _BIRTH_DATE_AND_NUMBER.search(digits) or _EMAIL.search(text))


def refuse_personal(parameter, text):
    """Raise :class:`ParamError` (marked personal) when ``text`` holds personal information."""
    if looks_personal(text):
        raise ParamError(parameter, MESSAGE, personal=True)

"""Personal information has no place in a search: such text is refused, not searched, and never written anywhere.

What looks like a Norwegian national identity number (11 digits, maybe 6 + 5) or an
e-mail address is refused with a plain message, and the page does not show it again.
"""

import re

from flask_babel import lazy_gettext as _l

from ..search import ParamError

PERSONAL = re.compile(r"(?<!\d)\d{6}[ .-]?\d{5}(?!\d)|[^\s@]+@[^\s@]+\.[^\s@]{2,}")

MESSAGE = _l("Please do not write personal information, such as a national identity number or an e-mail address, "
             "in the search. Search for a job, a course or a place.")


def refuse_personal(parameter, text):
    """Raise :class:`ParamError` (marked personal) when ``text`` holds personal information."""
    if PERSONAL.search(text):
        raise ParamError(parameter, MESSAGE, personal=True)

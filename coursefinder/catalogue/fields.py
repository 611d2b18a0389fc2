"""The fields of the import format v1 and how each value is read and checked.

Every field has a *kind* that turns a JSON value, or the text of a CSV cell, into a
Python value, or raises :class:`Invalid`.  JSON is typed, so a JSON value must have
the right type; a CSV cell is text, so it is converted the way a spreadsheet writes it
(``ja``/``nei``, a decimal comma, a county number whose leading zero Excel dropped).
"""

import datetime as dt
import re
from functools import lru_cache

from ..text import fold
from . import vocabulary
from .problems import N_, Invalid


# A suggestion is made only when it is close to what was written, and never for text far
# longer than any name (comparing a 50 MB "field name" would cost minutes and memory).
CLOSE_ENOUGH = 0.6
MAX_COMPARED = 80


def closest(word, choices, taken=()):
    """The choice most like ``word`` (ignoring case), or None when none is close or the closest is ``taken``."""
    import difflib

    word = str(word)
    if len(word) > MAX_COMPARED:
        return None
    found = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=CLOSE_ENOUGH)
    best = next((c for c in choices if c.lower() == found[0]), None) if found else None
    # The best match being one already given means the text was not meant as it: no suggestion.
    return None if best in taken else best


# Characters that cannot be shown or exchanged as text: C0 and C1 controls, the
# noncharacters (U+FDD0-U+FDEF and the last two code points of every plane) and lone
# surrogates (which a JSON escape like "\ud800" can make).  Tab and line breaks are
# allowed only in the texts that have paragraphs; a lone CR never (it ends lines in
# calendar files).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                              for plane in range(17))
_UNSHOWABLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS
_NOT_TEXT = re.compile(f"[{_UNSHOWABLE}]|\r(?!\n)")
_NOT_ONE_LINE = re.compile(f"[{_UNSHOWABLE}\t\n\r]")


class Kind:
    def from_json(self, value):
        return self.check(value)

    def from_csv(self, text):
        return self.check(text)

    def check(self, value):
        raise NotImplementedError


class Text(Kind):
    def __init__(self, min_len=0, max_len=None, pattern=None, pattern_message=None, not_blank=False,
                 paragraphs=False):
        self.min_len, self.max_len, self.not_blank = min_len, max_len, not_blank
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_message = pattern_message
        self.forbidden = _NOT_TEXT if paragraphs else _NOT_ONE_LINE

    def check(self, value):
        if not isinstance(value, str):
            raise Invalid(N_("must be text"))
        if len(value) < self.min_len or (self.not_blank and not value.strip()):
            raise Invalid(N_("must not be empty"))
        if self.max_len is not None and len(value) > self.max_len:
            raise Invalid(N_("is %(length)d characters long; at most %(max)d are allowed"),
                          length=len(value), max=self.max_len)
        bad = self.forbidden.search(value)
        if bad:
            raise Invalid(N_("holds a character that cannot be shown as text (%(code)s, character %(position)d); "
                             "remove it"), code=f"U+{ord(bad.group()[0]):04X}", position=bad.start() + 1)
        if self.pattern and not self.pattern.fullmatch(value):
            raise Invalid(self.pattern_message, value=value)
        return value


class ZeroPadded(Text):
    """Digits with a fixed width; a CSV cell may have lost its leading zeros to Excel."""

    def __init__(self, width, message):
        super().__init__(pattern=r"[0-9]{%d}" % width, pattern_message=message)
        self.width = width

    def from_csv(self, text):
        text = text.strip()
        if text.isdigit() and len(text) < self.width:
            text = text.zfill(self.width)
        return self.check(text)


class Enum(Kind):
    """A code of a vocabulary.  In CSV, where people type, also its name in any interface language
    (``named``: a function giving ``{name: code}``), in any case."""

    def __init__(self, values, zero_pad=0, named=None, upper=False):
        self.values = tuple(values)
        self.zero_pad = zero_pad
        self.named = named
        self.upper = upper      # codes written in capitals (A2) may be typed in lower case in CSV

    def check(self, value, names=None):
        if not isinstance(value, str) or value not in self.values:
            if isinstance(value, str) and value.strip():
                near = self._suggestion(value, names or {})
                if near:
                    raise Invalid(N_("'%(value)s' is not allowed (did you mean '%(closest)s'?); use one of: "
                                     "%(allowed)s"), value=value, closest=near, allowed=", ".join(self.values))
                raise Invalid(N_("'%(value)s' is not allowed; use one of: %(allowed)s"), value=value,
                              allowed=", ".join(self.values))
            raise Invalid(N_("use one of: %(allowed)s"), allowed=", ".join(self.values))
        return value

    def _suggestion(self, value, names):
        """The code (or name and code: ``Trøndelag (50)``) most like ``value``; never one far from it."""
        near = closest(value, list(self.values) + list(names))
        if near in names:
            return f"{near} ({names[near]})"
        return near

    def from_csv(self, text):
        text = text.strip()
        if self.zero_pad and text.isdigit() and len(text) < self.zero_pad:
            text = text.zfill(self.zero_pad)
        if self.upper and text.upper() in self.values:
            return text.upper()
        names = self.named() if self.named else {}
        # Any case, and without æ, ø and å (Trondelag for Trøndelag).
        by_key = {fold(name.casefold()): code for name, code in names.items()}
        if text not in self.values and fold(text.casefold()) in by_key:
            return by_key[fold(text.casefold())]
        return self.check(text, names)


class Date(Kind):
    def check(self, value):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise Invalid(N_("'%(value)s' is not a date written as YYYY-MM-DD"), value=str(value))

    def from_csv(self, text):
        text = text.strip()
        # A Norwegian Excel turns 2027-02-01 in a cell into 01.02.2027 when it saves.
        match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                pass
        return self.check(text)


class DateTime(Kind):
    # RFC 3339, as JSON Schema's date-time: seconds and a time zone are required.
    PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})")

    def check(self, value):
        if isinstance(value, str) and self.PATTERN.fullmatch(value):
            try:
                return dt.datetime.fromisoformat(value.upper())
            except ValueError:
                pass
        raise Invalid(N_("'%(value)s' is not a date and time in ISO 8601 (YYYY-MM-DDThh:mm:ss+01:00)"),
                      value=str(value))

    def from_csv(self, text):
        return self.check(text.strip())


class HugeNumber(str):
    """A JSON number of more digits than any field takes, kept as its text (Python would refuse to read it)."""


MAX_DIGITS = 30


def read_json_int(text):
    """``parse_int`` of the JSON reader: a whole number, or a :class:`HugeNumber` for an absurdly long one."""
    return int(text) if len(text) <= MAX_DIGITS else HugeNumber(text)


class Number(Kind):
    def __init__(self, minimum, maximum, integer=False):
        self.minimum, self.maximum, self.integer = minimum, maximum, integer

    def check(self, value):
        if isinstance(value, HugeNumber):
            raise Invalid(N_("is a number of %(digits)d digits; it must be from %(min)s to %(max)s"),
                          digits=len(value.lstrip("-")), min=self.minimum, max=self.maximum)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Invalid(N_("must be a whole number") if self.integer else N_("must be a number"))
        if self.integer:
            if isinstance(value, float) and not value.is_integer():
                raise Invalid(N_("must be a whole number"))
            value = int(value)
        if not self.minimum <= value <= self.maximum:
            raise Invalid(N_("must be from %(min)s to %(max)s"), min=self.minimum, max=self.maximum)
        return value

    def from_csv(self, text):
        text = text.strip()
        pattern = r"[+-]?\d+" if self.integer else r"[+-]?\d+(?:[.,]\d+)?"
        if len(text) > MAX_DIGITS and re.fullmatch(pattern, text):
            return self.check(HugeNumber(text))
        if not re.fullmatch(pattern, text):
            raise Invalid(N_("'%(value)s' is not a whole number") if self.integer
                          else N_("'%(value)s' is not a number"), value=text)
        # A Norwegian spreadsheet writes 37,5 for 37.5.
        return self.check(int(text) if self.integer else float(text.replace(",", ".")))


class Boolean(Kind):
    WORDS = {"true": True, "false": False, "ja": True, "nei": False,
             "yes": True, "no": False, "1": True, "0": False}

    def check(self, value):
        if not isinstance(value, bool):
            raise Invalid(N_("must be true or false"))
        return value

    def from_csv(self, text):
        word = text.strip().lower()
        if word not in self.WORDS:
            raise Invalid(N_("'%(value)s' is not a yes/no value; write true/false, ja/nei, yes/no or 1/0"),
                          value=text)
        return self.WORDS[word]


class List(Kind):
    def __init__(self, item, unique):
        self.item, self.unique = item, unique

    def check(self, value):
        if not isinstance(value, list):
            raise Invalid(N_("must be a list"))
        items = [self.item.check(item) for item in value]
        if self.unique and len(set(items)) != len(items):
            raise Invalid(N_("lists the same value more than once"))
        return items

    def from_csv(self, text):
        # Inside a cell a list is separated by semicolons.
        return self.check([part.strip() for part in text.split(";") if part.strip()])


ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
# A plain e-mail address: a mail link made of it opens a message to that address and
# nothing more (no ?subject=, &cc= or other headers).
PLAIN_EMAIL = (r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
               r"[A-Za-z]{2,63}")

FIELDS = {
    "id": Text(min_len=1, pattern=ID_PATTERN, pattern_message=N_(
        "'%(value)s' is not a valid id: 1-64 letters A-Z, digits, '.', '_' or '-', starting with a letter or digit")),
    # A title or provider of only spaces would show nothing: stricter than the schema.
    "title_nb": Text(1, 200, not_blank=True),
    "title_en": Text(1, 200),
    "summary_nb": Text(0, 500, paragraphs=True),
    "summary_en": Text(0, 500, paragraphs=True),
    "description_nb": Text(0, 10_000, paragraphs=True),
    "description_en": Text(0, 10_000, paragraphs=True),
    "course_type": Enum(vocabulary.COURSE_TYPES, named=lambda: _names("COURSE_TYPES")),
    "sector": Enum(vocabulary.SECTORS, named=lambda: _names("SECTORS")),
    "provider": Text(1, 200, not_blank=True),
    "county": Enum(vocabulary.COUNTIES, zero_pad=2, named=lambda: {name: code for code, name in vocabulary.COUNTIES.items()}),
    "municipality": ZeroPadded(4, N_("'%(value)s' is not a municipality number of four digits")),
    "place": Text(0, 100),
    "address": Text(0, 200),
    "delivery": Enum(vocabulary.DELIVERIES),
    "start_type": Enum(vocabulary.START_TYPES),
    "start_date": Date(),
    "end_date": Date(),
    "application_deadline": Date(),
    "duration_weeks": Number(1, 156, integer=True),
    "hours_per_week": Number(1, 40),
    "places": Number(1, 1000, integer=True),
    "age_min": Number(*vocabulary.AGE_RANGE, integer=True),
    "age_max": Number(*vocabulary.AGE_RANGE, integer=True),
    "norwegian_training": Boolean(),
    "norwegian_level": Enum(vocabulary.LEVELS, upper=True),
    "norwegian_test": Boolean(),
    "target_groups": List(Enum(vocabulary.TARGET_GROUPS), unique=True),
    "content": List(Enum(vocabulary.CONTENT), unique=True),
    "certifications": List(Text(1, 200), unique=False),
    "driving_licences": List(Enum(vocabulary.DRIVING_LICENCES), unique=True),
    "status": Enum(vocabulary.STATUSES),
    "contact_name": Text(0, 200),
    "contact_email": Text(0, 200, pattern=PLAIN_EMAIL,
                          pattern_message=N_("'%(value)s' is not an e-mail address")),
    "contact_phone": Text(0, 40),
    "url": Text(0, 2000, pattern=r"https://[^\s/?#]+(?:[/?#]\S*)?",
                pattern_message=N_("'%(value)s' is not a web address starting with https://")),
    "updated_at": DateTime(),
}

REQUIRED = ("id", "title_nb", "course_type", "provider", "county")

# Names of course types in the format's own words (kurstype), beside the site's labels.
_FORMAT_NAMES = {"COURSE_TYPES": {"Bransjerettet opplæring": "industry", "Yrkesrettet opplæring": "industry",
                                  "Studiespesialisering": "upper-secondary"}}


@lru_cache(maxsize=None)
def _names(group):
    """``{name: code}`` of a labelled vocabulary, in every interface language (the site's own labels)."""
    from ..i18n import LANGUAGES, labels, translations_for

    found = dict(_FORMAT_NAMES.get(group, {}))
    for lang in LANGUAGES:
        translations = translations_for(lang)
        for code, label in getattr(labels, group).items():
            found.setdefault(translations.gettext(label._args[0]), code)
    return found


def closest_field(name, taken=()):
    """The field most like ``name``, or None when none is close enough or it is one the file has already."""
    return closest(name, list(FIELDS), taken)

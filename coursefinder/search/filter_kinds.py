"""Kinds of search filter, as classes: what a filter is, how it is read, written, shown and applied.

One object per filter (declared in ``filters.py``) knows everything about it:

- ``parse(values)``: its value from the query string's values (or :class:`ParamError`
  naming the parameter, with a message in the reader's language);
- ``to_args(value)``: the query string values that give it back;
- ``chips(value)``: the removable chips of a selection, each with the value left without it;
- ``off``: the value that switches it off, and ``narrows``: whether a value leaves
  courses out (the zero-result page offers the search without such a filter);
- ``schema()``: its OpenAPI parameter;
- ``mask(table, value, search_request)``: which courses of a generation pass it (a NumPy array);
- ``facet``: whether the search answers with counts for each of its options;
- ``widget``, ``group``, ``hint``: how the search form shows it.

Datasette's filters and facets are the model: adding a filter is one declaration.
"""

import datetime as dt
import re

import numpy as np
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

# At most this many values of one repeatable parameter: more is never a person's choice,
# and each value costs work in the chips and links of a page.
MAX_VALUES = 50


class ParamError(ValueError):
    def __init__(self, parameter, message, personal=False):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message
        # The value held personal information: do not show it again, not even to its writer.
        self.personal = personal


def split_values(raw_values):
    """Values given repeated (``a=1&a=2``) or comma-separated (``a=1,2``), in order, blanks left out."""
    return [part.strip() for raw in raw_values for part in raw.split(",") if part.strip()]


NOT_ALLOWED = _l("'%(value)s' is not allowed; use one of: %(allowed)s")


class Filter:
    name = ""
    label = ""              # what the filter is, for chips, legends and error messages
    field_label = None      # the form field's label, when it differs from ``label``
    any_label = None        # the form's "no choice" option, for a select
    hint = None             # a line of help with the field in the form
    widget = None           # how the form shows it (a macro in templates/_filters.html); None: not in the form
    group = None            # the form's fieldset it shares with others (see filters.FORM_GROUPS)
    off = None
    facet = False
    narrows = True
    columns = ()            # columns of its own the generation must keep (columns.Codes/Numbers)
    description = ""        # for the OpenAPI document (English)
    on_offer = False        # the offer page (and `coursefinder report`) can be limited by it
    match = None            # for kinds that take it: (table, value, search_request) -> the courses that pass
    by_value = False        # its mask depends on the courses and its value alone, not on the rest of the search

    def __init__(self, name, label, **options):
        self.name, self.label = name, label
        for option, value in options.items():
            if not hasattr(self, option):
                raise TypeError(f"{type(self).__name__} has no option {option!r}")
            setattr(self, option, value)

    def single(self, values):
        if len(values) > 1:
            raise ParamError(self.name, _l("give this parameter only once"))
        return values[0] if values else None

    def parse(self, values):
        raise NotImplementedError

    def to_args(self, value):
        return [] if value == self.off else [str(value)]

    def display(self, value):
        """The selected value in words."""
        return str(value)

    def chips(self, value):
        """``[(text, value without it)]``: one removable chip for the selection."""
        return [] if value == self.off else [(self.display(value), self.off)]

    def mask(self, table, value, search_request):
        return None

    def offer_options(self, table):
        """``[(value, text)]``: the choices the offer page links to (``table``: the generation's columns)."""
        return []

    def schema(self):
        return {"type": "string"}

    def openapi(self):
        spec = {"name": self.name, "in": "query", "required": False, "description": self.description,
                "schema": self.schema()}
        if self.schema().get("type") == "array":
            spec.update(style="form", explode=True)
        return spec


class Choice(Filter):
    """Codes from a vocabulary (its column's values): one (``multiple=False``) or any number, as alternatives."""

    labels = None           # value -> its name for people; None: the value itself
    multiple = True
    pattern = None          # for a vocabulary the catalogue decides (column.values None): what a value looks like
    pattern_message = None
    known = None            # and which values exist (a callable), with the message for one that does not
    unknown_message = None
    by_value = True

    def __init__(self, name, label, column, **options):
        super().__init__(name, label, **options)
        self.column = column
        self.columns = (column,)
        self.off = () if self.multiple else None
        if self.pattern is not None:
            self.pattern = re.compile(self.pattern)

    @property
    def values(self):
        return self.column.values

    def normal(self, value):
        return value

    def check(self, value):
        if self.values is not None and self.normal(value) not in self.values:
            raise ParamError(self.name, NOT_ALLOWED % {"value": value, "allowed": ", ".join(self.values)})
        if self.pattern is not None and not self.pattern.fullmatch(value):
            raise ParamError(self.name, self.pattern_message % {"value": value})
        if self.known is not None and not self.known(value):
            raise ParamError(self.name, self.unknown_message % {"value": value})
        return self.normal(value)

    def parse(self, values):
        if not self.multiple:
            value = self.single(values)
            return None if value is None else self.check(value)
        if len(values) > MAX_VALUES:
            raise ParamError(self.name, _l("at most %(max)d values are allowed") % {"max": MAX_VALUES})
        return tuple(dict.fromkeys(self.check(value) for value in values))

    def to_args(self, value):
        if not self.multiple:
            return super().to_args(value)
        return list(value)

    def display(self, value):
        return self.labels.get(value, value) if self.labels else value

    def chips(self, value):
        if not self.multiple:
            return super().chips(value)
        return [(self.display(item), tuple(other for other in value if other != item)) for item in value]

    def options(self, table=None):
        """``[(value, text)]``; a vocabulary the catalogue decides comes from ``table``."""
        values = self.values if self.values is not None else (table.vocabularies[self.column.name] if table else ())
        return [(value, self.display(value)) for value in values]

    def offer_options(self, table):
        return [(value if not self.multiple else (value,), text) for value, text in self.options(table)]

    def mask(self, table, value, search_request):
        if value == self.off:
            return None
        return table.is_in(self.column.name, value if self.multiple else (value,))

    def schema(self):
        item = {"type": "string", **({"enum": list(self.values)} if self.values is not None else {}),
                **({"pattern": f"^{self.pattern.pattern}$"} if self.pattern is not None else {})}
        return {"type": "array", "items": item, "maxItems": MAX_VALUES} if self.multiple else item


class AtMost(Choice):
    """One value of an ordered vocabulary: courses that ask for it or less (or nothing).

    ``floor`` names a value below the vocabulary's first (``none``: a person with no
    Norwegian yet), which keeps only the courses that ask for nothing.
    """

    floor = None
    short_labels = None     # value -> a short name for its chip (the options explain at length)

    @property
    def values(self):
        return ((self.floor,) if self.floor else ()) + tuple(self.column.values)

    def chips(self, value):
        if value is None:
            return []
        return [((self.short_labels or {}).get(value) or self.display(value), self.off)]

    def normal(self, value):
        return self.floor if self.floor and value.lower() == self.floor else value.upper()

    def mask(self, table, value, search_request):
        if value is None:
            return None
        if value == self.floor:
            return table.codes[self.column.name] < 0
        return table.codes[self.column.name] <= self.column.values.index(value)


class WholeNumber(Filter):
    """A whole number from ``low`` to ``high``; ``match(table, value, search_request)`` gives the courses that pass."""

    widget = "number"
    presets = ()            # values the offer page links to, each named with ``preset_label`` (%(NAME)s: the value)
    preset_label = None
    steps = ()              # values the form offers in a select, each named with ``step_label``
    step_label = None

    def __init__(self, name, label, low, high, **options):
        super().__init__(name, label, **options)
        self.low, self.high = low, high
        self.on_offer = self.on_offer or bool(self.presets)

    def offer_options(self, table):
        return [(value, self.preset_label % {self.name: value}) for value in self.presets]

    def options(self, table=None):
        return [(value, self.step_label % {self.name: value}) for value in self.steps]

    def display(self, value):
        return self.step_label % {self.name: value} if self.step_label else str(value)

    def parse(self, values):
        value = self.single(values)
        if value is None:
            return None
        if not re.fullmatch(r"[0-9]{1,6}", value) or not self.low <= int(value) <= self.high:
            raise ParamError(self.name, _l("must be a whole number from %(low)d to %(high)d")
                             % {"low": self.low, "high": self.high})
        return int(value)

    def mask(self, table, value, search_request):
        return None if value is None else self.match(table, value, search_request)

    def schema(self):
        return {"type": "integer", "minimum": self.low, "maximum": self.high}


class Day(Filter):
    """A date; ``match(table, day, search_request)`` gives the courses that pass."""

    widget = "date"

    def parse(self, values):
        value = self.single(values)
        if value is None:
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ParamError(self.name, _l("must be a date written as YYYY-MM-DD, for example 2027-02-01")) from None

    def to_args(self, value):
        return [] if value is None else [value.isoformat()]

    def display(self, value):
        return format_date(value, "long")

    def mask(self, table, value, search_request):
        return None if value is None else self.match(table, value, search_request)

    def schema(self):
        return {"type": "string", "format": "date"}


_TRUE, _FALSE = {"1", "true", "yes", "ja", "on"}, {"0", "false", "no", "nei", "off"}


class Flag(Filter):
    """On or off; ``match(table, on, search_request)`` may restrict also when it is off (a default)."""

    off = False
    widget = "checkbox"
    message = None          # the error for a value that is neither on nor off

    def parse(self, values):
        value = self.single(values)
        if value is None:
            return False
        if value.lower() not in _TRUE | _FALSE:
            raise ParamError(self.name, self.message or _l("use 1 for yes, or 0 for no"))
        return value.lower() in _TRUE

    def to_args(self, value):
        return ["1"] if value else []

    def display(self, value):
        return ""

    def mask(self, table, value, search_request):
        return self.match(table, value, search_request)

    def schema(self):
        return {"type": "string", "enum": ["0", "1"]}


class Text(Filter):
    """A short text a person names (a place); ``resolve(text)`` gives what it stands for, or None."""

    widget = None
    resolve = None
    unknown_message = None

    def parse(self, values):
        value = self.single(values)
        if value is None:
            return None
        found = self.resolve(value)
        if found is None:
            raise ParamError(self.name, self.unknown_message % {"value": value})
        return found.name

    def mask(self, table, value, search_request):
        return None if value is None else self.match(table, self.resolve(value), search_request)


class Reference(Filter):
    """A value the other filters and the order use (a postcode): checked and kept in links, no mask of its own."""

    narrows = False
    pattern = None
    pattern_message = None
    known = None
    unknown_message = None
    describe = None         # value -> the value in words (a postcode with its place)

    def __init__(self, name, label, **options):
        super().__init__(name, label, **options)
        self.pattern = re.compile(self.pattern) if self.pattern else None

    def display(self, value):
        return self.describe(value) if self.describe else str(value)

    def parse(self, values):
        value = self.single(values)
        if value is None:
            return None
        if self.pattern is not None and not self.pattern.fullmatch(value):
            raise ParamError(self.name, self.pattern_message % {"value": value})
        if self.known is not None and not self.known(value):
            raise ParamError(self.name, self.unknown_message % {"value": value})
        return value

    def schema(self):
        return {"type": "string", **({"pattern": f"^{self.pattern.pattern}$"} if self.pattern else {})}


def all_of(masks, size):
    """The courses that pass every mask (None counts as no restriction)."""
    result = np.ones(size, dtype=bool)
    for mask in masks:
        if mask is not None:
            result &= mask
    return result

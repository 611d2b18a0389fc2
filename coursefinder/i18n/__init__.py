"""Interface languages, choosing one, and the course text to show in each.

Nothing here assumes two languages or left-to-right text: a language is added by
adding it to ``LANGUAGES`` and giving it a complete catalog under ``translations/``.
"""

import os
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.support import Translations


@dataclass(frozen=True)
class Language:
    code: str          # in URLs and in the catalog folder
    name: str          # the language's name in itself, for the language menu
    norwegian: str     # its name in Norwegian, beside it in the menu ("Українська (ukrainsk)")
    babel: str         # Babel locale for dates and numbers
    direction: str = "ltr"
    # The languages of course text to show, in order, when a course has none in this language.
    fallback: tuple = ("nb", "en")

    @property
    def menu_name(self):
        """``Українська (ukrainsk)``; just the name where it already says it in Norwegian (``Norsk bokmål``)."""
        return self.name if self.norwegian.casefold() in self.name.casefold() else f"{self.name} ({self.norwegian})"


# Readers of Ukrainian, Arabic, Somali and Tigrinya more often read English than Norwegian;
# a reader of nynorsk reads bokmål.
LANGUAGES = {
    "nb": Language("nb", "Norsk bokmål", "bokmål", "nb"),
    "nn": Language("nn", "Norsk nynorsk", "nynorsk", "nn"),
    "en": Language("en", "English", "engelsk", "en"),
    "uk": Language("uk", "Українська", "ukrainsk", "uk", fallback=("en", "nb")),
    "ar": Language("ar", "العربية", "arabisk", "ar", direction="rtl", fallback=("en", "nb")),
    "so": Language("so", "Soomaali", "somali", "so", fallback=("en", "nb")),
    "ti": Language("ti", "ትግርኛ", "tigrinja", "ti", fallback=("en", "nb")),
}
DEFAULT_LANGUAGE = "nb"

# Languages of Accept-Language (and of a terminal's locale) that are served by another
# interface language while they have none of their own: "no" is Norwegian, written in bokmål.
NEAREST = {"no": "nb"}

# The languages courses can be written in (fields ``*_nb`` and ``*_en``); courses are
# published in the first.
CONTENT_LANGUAGES = ("nb", "en")
SOURCE_LANGUAGE = "nb"

# Where Babel lacks a format for a language's locale, dates and numbers are written the
# way this locale writes them.
FORMAT_FALLBACK = "en"


def translations_dir():
    """The folder of compiled catalogs: inside the package when installed, else the checkout's."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for candidate in (os.path.join(package, "translations"), os.path.join(os.path.dirname(package), "translations")):
        if os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError("no translations folder found beside the coursefinder package")


def negotiate(accept_languages):
    """The interface language for an Accept-Language header (werkzeug's parsed form)."""
    for tag, _quality in accept_languages:
        primary = tag.replace("_", "-").split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
        if primary in NEAREST and NEAREST[primary] in LANGUAGES:
            return NEAREST[primary]
    return DEFAULT_LANGUAGE


def content_order(lang):
    """The languages of course text to try for a reader of ``lang``, best first."""
    language = LANGUAGES.get(lang)
    order = [lang] if lang in CONTENT_LANGUAGES else []
    order += [code for code in (language.fallback if language else ()) if code in CONTENT_LANGUAGES]
    order += [SOURCE_LANGUAGE] + list(CONTENT_LANGUAGES)
    return tuple(dict.fromkeys(order))


def text_of(course, name, lang):
    """``(text, language)`` of a course's text field (``title``, ``summary``, ``description``).

    The reader's language first, then the language's fallbacks (English before bokmål for
    Ukrainian, Arabic, Somali and Tigrinya; bokmål for nynorsk), then the language courses
    are published in; the language returned lets a page mark text in another language with ``lang``.
    """
    for code in content_order(lang):
        value = getattr(course, f"{name}_{code}", None)
        if value:
            return value, code
    return None, None


def terminal_language(environ=os.environ):
    """The interface language for the command line, from the usual locale variables."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            primary = value.split(":")[0].split(".")[0].replace("_", "-").split("-")[0].lower()
            if primary in LANGUAGES:
                return primary
            if primary in NEAREST:
                return NEAREST[primary]
            return "en" if "en" in LANGUAGES else DEFAULT_LANGUAGE
    return "en" if "en" in LANGUAGES else DEFAULT_LANGUAGE


@lru_cache(maxsize=None)
def format_locale(lang):
    """The Babel locale that writes dates and numbers for ``lang``: its own, or ``FORMAT_FALLBACK``
    where Babel does not know it or lacks the long date and decimal formats the pages use."""
    for candidate in (LANGUAGES[lang].babel if lang in LANGUAGES else None, FORMAT_FALLBACK):
        try:
            locale = Locale.parse(candidate)
            if locale.date_formats.get("long") and locale.decimal_formats.get(None) and locale.months:
                return str(locale)
        except (TypeError, ValueError, UnknownLocaleError):
            continue
    return FORMAT_FALLBACK


def translations_for(lang):
    """Babel translations (``gettext``, ``ngettext``) for ``lang``, for use outside a web request."""
    return Translations.load(translations_dir(), [lang])

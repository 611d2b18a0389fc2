"""Interface languages, choosing one, and the course text to show in each.

Nothing here assumes two languages or left-to-right text: a language is added by
adding it to ``LANGUAGES`` and giving it a complete catalog under ``translations/``.
"""

import os
from dataclasses import dataclass

from babel.support import Translations


@dataclass(frozen=True)
class Language:
    code: str          # in URLs and in the catalog folder
    name: str          # the language's name in itself, for the language switch
    babel: str         # Babel locale for dates and numbers
    direction: str = "ltr"


LANGUAGES = {
    "nb": Language("nb", "Norsk bokmål", "nb"),
    "en": Language("en", "English", "en"),
}
DEFAULT_LANGUAGE = "nb"

# Languages of Accept-Language that are served by another interface language while
# they have none of their own.
NEAREST = {"no": "nb", "nn": "nb"}

# The languages courses can be written in (fields ``*_nb`` and ``*_en``), and which to
# fall back on, in order, when a course has no text in the reader's language.
CONTENT_LANGUAGES = ("nb", "en")
SOURCE_LANGUAGE = "nb"


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


def text_of(course, name, lang):
    """``(text, language)`` of a course's text field (``title``, ``summary``, ``description``).

    The reader's language first, then the language courses are published in; the
    language returned lets a page mark text in another language with ``lang``.
    """
    order = [lang] if lang in CONTENT_LANGUAGES else []
    order += [SOURCE_LANGUAGE] + [code for code in CONTENT_LANGUAGES if code != SOURCE_LANGUAGE]
    for code in order:
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


def translations_for(lang):
    """Babel translations (``gettext``, ``ngettext``) for ``lang``, for use outside a web request."""
    return Translations.load(translations_dir(), [lang])

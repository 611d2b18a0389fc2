"""What every template can use: the page's language, the language switch, labels, formats."""

import re
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal
from flask import current_app, g, request, url_for
from markupsafe import Markup, escape

from .. import text
from ..catalogue.fields import PLAIN_EMAIL
from . import glossary
from .nav_contact import NAV_CONTACT
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, format_locale, labels, text_of
from ..search import FILTERS
from ..search.backend.cache import BoundedCache
from .context import current_catalogue, today
from .sharing import qr_svg
from .structured import json_ld_script


def page_language():
    return LANGUAGES[getattr(g, "lang", None) or DEFAULT_LANGUAGE]


def language_links():
    """``(language, url)`` for every other interface language: the same page and query."""
    links = []
    current = page_language().code
    own = getattr(g, "language_urls", None)  # a view that knows each language's address
    for code, language in LANGUAGES.items():
        if code == current:
            continue
        if own and code in own:
            url = own[code]
        elif request.url_rule and "lang" in request.url_rule.arguments:
            url = url_for(request.endpoint, **{**(request.view_args or {}), "lang": code})
            query = request.query_string.decode("latin-1")
            if query:
                url += "?" + query
        else:
            url = url_for("search.search", lang=code)
        links.append((language, url))
    return links


def language_menu():
    """``(language, url, current)`` for every interface language, the page's own among them, in menu order."""
    others = dict((language.code, url) for language, url in language_links())
    return [(language, others.get(code) or own_address(), code == page_language().code)
            for code, language in LANGUAGES.items()]


def visible(value):
    """Jinja's finalize: every value written into a page or feed, with control characters made visible.

    Also marked-up values (translated strings with their parameters filled in are), since
    a control character is never part of markup.
    """
    if isinstance(value, str):
        shown = text.visible(value)
        if shown is value:
            return value
        return Markup(shown) if isinstance(value, Markup) else shown
    return value


def own_address():
    """This page's address in its own language (without a query a view chose to leave out)."""
    own = getattr(g, "language_urls", None)
    if own and page_language().code in own:
        return own[page_language().code]
    return request.full_path if request.query_string else request.path


def _locale():
    """Dates and numbers are written as Babel writes them for the page's language (or its fallback)."""
    return format_locale(page_language().code)


def long_date(value):
    return _long_date(value, _locale()) if value else ""


def number(value):
    if value is None:
        return ""
    # A page writes some forty counts; Babel reads its locale again for each.
    return _whole_number(value, _locale()) if type(value) is int else format_decimal(value, locale=_locale())


@lru_cache(maxsize=4096)
def _long_date(value, locale):
    return format_date(value, format="long", locale=locale)


@lru_cache(maxsize=4096)
def _whole_number(value, locale):
    return format_decimal(value, locale=locale)


def kilometres(value):
    """A distance as people say it: one decimal under 10 km, whole kilometres above."""
    return format_decimal(round(value, 1) if value < 10 else round(value), "#,##0.#", locale=_locale())


def in_language(text, text_lang):
    """``text`` escaped, wrapped in a ``lang`` span when it is not in the page's language.

    On a right-to-left page the span also isolates the text in its own direction (course text
    is Norwegian or English), so that its words and figures do not reorder with the page's.
    """
    text = visible(text)
    if text_lang and text_lang != page_language().code:
        if page_language().direction != _direction(text_lang):
            return Markup('<span lang="%s" dir="%s">%s</span>') % (text_lang, _direction(text_lang), text)
        return Markup('<span lang="%s">%s</span>') % (text_lang, text)
    return escape(text)


def _direction(lang):
    return LANGUAGES[lang].direction if lang in LANGUAGES else "ltr"


def language_attributes(text_lang):
    """`` lang="nb"`` (and its ``dir`` on a right-to-left page) for an element holding text in ``text_lang``,
    or nothing when the text is in the page's language: for headings and blocks, as ``in_language`` is for phrases."""
    if not text_lang or text_lang == page_language().code:
        return Markup("")
    if page_language().direction != _direction(text_lang):
        return Markup(' lang="%s" dir="%s"') % (text_lang, _direction(text_lang))
    return Markup(' lang="%s"') % text_lang


def isolate(value, lang=None, direction=None):
    """A name, number, code, postcode, e-mail address or URL inside a sentence, kept whole on a
    right-to-left page so that it does not reorder with the text around it: a ``<bdi>`` (its direction
    from its own letters, or ``direction="ltr"`` for what has none, such as ``+47 22 00 00 00``), with
    ``lang`` when it is in another known language.  On a left-to-right page it is written as it is."""
    if value is None or value == "":
        return ""
    shown = value if isinstance(value, Markup) else escape(visible(value))
    if page_language().direction == "ltr":
        return shown
    attributes = Markup("")
    if lang and lang != page_language().code:
        attributes += Markup(' lang="%s"') % lang
    if direction:
        attributes += Markup(' dir="%s"') % direction
    return Markup("<bdi%s>%s</bdi>") % (attributes, shown)


def course_link(course, lang, compare=(), postcode=None):
    """The course's page, carrying the reader's comparison (so it can grow from there) and postcode (its distance)."""
    from .course_views import course_path

    return course_path(course, lang, **({"compare": ",".join(compare)} if compare else {}),
                       **({"postcode": postcode} if postcode else {}))


def mail_link(address):
    """A mail link for a plain address only; anything else (``x@y.no?cc=...``) is shown as text."""
    if re.fullmatch(PLAIN_EMAIL, address or ""):
        return link_to(f"mailto:{address}", address)      # an address reads left to right, kept whole
    return isolate(address)


def feedback_link():
    return mail_link(current_app.config["FEEDBACK_EMAIL"])


def link_to(url, text):
    """A link to put inside a translated sentence; its text (Latin: a word, an address, a number) kept left to right."""
    if page_language().direction == "rtl":
        return Markup('<a href="%s" dir="ltr">%s</a>') % (url, text)
    return Markup('<a href="%s">%s</a>') % (url, text)


# Parts of pages that are the same on many pages (the municipality list: 357 options) and
# cost more to write than to look up, by language and what they show; a few hundred
# kilobytes at most.
_FRAGMENTS = BoundedCache(256, max_bytes=2 * 1024 * 1024)


def cached_fragment(*key, caller):
    """``{% call cached_fragment(what, ...) %}...{% endcall %}``: the block as written the first time for
    this language, address root and key (which must name everything the block shows, by values that
    are few: no text a reader typed, or each variant of it would take a place)."""
    # The key's parts are shared with the pages (the catalogue's municipalities), not copies.
    return _kept(_FRAGMENTS, key, caller, 64 * len(key))


def kept_view(*key, caller):
    """``{% call kept_view(what, ...) %}...{% endcall %}``: the same, kept with the request's catalogue
    generation (its ``views``), for blocks that show its courses (a result's card, by the course's key)."""
    return _kept(current_catalogue().views, ("page", *key), caller, 200)


def _kept(cache, key, caller, key_size):
    key = (page_language().code, request.script_root, *key)
    found = cache.get(key)
    if found is None:
        found = Markup(caller())
        cache.put(key, found, size=2 * len(found) + key_size)
    return found


def paragraphs(text):
    """Plain text with blank lines between paragraphs, as the import format defines it."""
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


def init_app(app):
    app.jinja_env.finalize = visible
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.globals.update(
        page_language=page_language,
        language_links=language_links,
        language_menu=language_menu,
        language_attributes=language_attributes,
        isolate=isolate,
        labels=labels,
        text_of=text_of,
        in_language=in_language,
        paragraphs=paragraphs,
        cached_fragment=cached_fragment,
        kept_view=kept_view,
        feedback_link=feedback_link,
        mail_link=mail_link,
        own_address=own_address,
        link_to=link_to,
        qr_svg=qr_svg,
        course_link=course_link,
        json_ld_script=json_ld_script,
        filters=FILTERS,
        glossary=glossary,
        nav_contact=NAV_CONTACT,
    )
    app.jinja_env.filters.update(long_date=long_date, number=number, kilometres=kilometres, isolate=isolate)

    @app.context_processor
    def the_day():
        return {"today": today()}

"""Every language's catalog complete and in step with the code; compiled catalogs match their sources;
choosing a language (Accept-Language, the terminal), its formats, and the course text shown in it."""

import gettext
import os
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from coursefinder.i18n import (LANGUAGES, content_order, format_locale, negotiate, terminal_language,
                               text_of, translations_for)
from coursefinder.catalogue.model import Course

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run(["pybabel", "-q", "extract", "-F", "babel.cfg", "-k", "_l", "-o", str(pot),
                                    "coursefinder"])
    finally:
        os.chdir(cwd)
    with open(pot, "rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


def catalog(lang):
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_in_the_code_is_in_the_catalog(extracted, lang):
    known = {message.id for message in catalog(lang) if message.id}
    assert not sorted(extracted - known, key=str)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_entry_is_untranslated_fuzzy_or_obsolete(lang):
    po = catalog(lang)
    for message in po:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), message.id
    assert not po.obsolete


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalog_matches_its_source(lang):
    folder = TRANSLATIONS / lang / "LC_MESSAGES"
    with open(folder / "messages.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    po = catalog(lang)
    plural = gettext.c2py(po.plural_expr)
    # A number for each plural form of the language (Arabic has six, Ukrainian three).
    numbers = {}
    for n in range(200):
        numbers.setdefault(plural(n), n)
    assert sorted(numbers) == list(range(po.num_plurals)), lang
    for message in po:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            for form, n in numbers.items():
                assert compiled.ngettext(message.id[0], message.id[1], n) == message.string[form], (message.id, n)
        else:
            assert compiled.gettext(message.id) == message.string, message.id
    assert len(compiled._catalog) == len([m for m in po if m.id]) + sum(
        po.num_plurals - 1 for m in po if isinstance(m.id, tuple)) + 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_are_kept_in_translations(lang):
    import re

    po = catalog(lang)
    plural = gettext.c2py(po.plural_expr)
    # A plural form that only one number takes (Arabic's one and two) may say it in words.
    single = {form for form in range(po.num_plurals) if sum(1 for n in range(1000) if plural(n) == form) == 1}
    for message in po:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"%\(\w+\)[sd]", ids[-1]))
        for form, string in enumerate(strings):
            found = set(re.findall(r"%\(\w+\)[sd]", string))
            if isinstance(message.id, tuple) and form in single:
                assert found <= wanted and all("num" in p or "count" in p for p in wanted - found), message.id
            else:
                assert found == wanted, (message.id, form)


@pytest.mark.parametrize("header, lang", [
    ([("nb-NO", 1)], "nb"), ([("no", 1)], "nb"), ([("nn", 1)], "nn"), ([("nn-NO", 1), ("nb", 0.8)], "nn"),
    ([("en-US", 1)], "en"), ([("sv", 1), ("en", 0.5)], "en"), ([("uk-UA", 1)], "uk"), ([("ar", 1)], "ar"),
    ([("ar-IQ", 1), ("en", 0.5)], "ar"), ([("so-SO", 1)], "so"), ([("ti_ER", 1)], "ti"),
    ([("fr", 1), ("no", 0.5)], "nb"), ([("de", 1)], "nb"), ([], "nb"),
])
def test_accept_language_picks_an_interface_language(header, lang):
    assert negotiate(header) == lang


def test_every_language_is_named_in_itself_and_in_norwegian():
    assert [LANGUAGES[code].menu_name for code in LANGUAGES] == [
        "Norsk bokmål", "Norsk nynorsk", "English (engelsk)", "Українська (ukrainsk)", "العربية (arabisk)",
        "Soomaali (somali)", "ትግርኛ (tigrinja)"]
    assert [code for code, language in LANGUAGES.items() if language.direction == "rtl"] == ["ar"]


def test_the_terminal_language_follows_the_locale():
    assert terminal_language({"LANG": "nb_NO.UTF-8"}) == "nb"
    assert terminal_language({"LANGUAGE": "nn_NO:nb", "LANG": "C"}) == "nn"
    assert terminal_language({"LANG": "no_NO.UTF-8"}) == "nb"
    assert terminal_language({"LC_ALL": "uk_UA.UTF-8"}) == "uk"
    assert terminal_language({"LANG": "ar_SY.UTF-8"}) == "ar"
    assert terminal_language({"LC_MESSAGES": "so_SO"}) == "so"
    assert terminal_language({"LANG": "ti_ER.UTF-8"}) == "ti"
    assert terminal_language({"LANG": "C.UTF-8"}) == "en"
    assert terminal_language({}) == "en"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_terminal_speaks_every_language(lang):
    translations = translations_for(lang)
    # "Course finder" is the site's name in every catalog; only English keeps it as it is.
    assert (translations.gettext("Course finder") == "Course finder") == (lang == "en")


def test_babel_writes_dates_and_numbers_in_every_language():
    import datetime as dt

    from babel.dates import format_date
    from babel.numbers import format_decimal

    day = dt.date(2027, 9, 1)
    written = {lang: format_date(day, "long", locale=format_locale(lang)) for lang in LANGUAGES}
    # Babel (CLDR) has a long date for each; Somali and Tigrinya write the month first.
    assert written == {"nb": "1. september 2027", "nn": "1. september 2027", "en": "September 1, 2027",
                       "uk": "1 вересня 2027\u202fр.", "ar": "1 سبتمبر 2027", "so": "Sebtembar 1, 2027",
                       "ti": "መስከረም 1, 2027"}
    assert {lang: format_locale(lang) for lang in LANGUAGES} == {lang: lang for lang in LANGUAGES}
    assert format_decimal(12345.5, locale=format_locale("ar")) == "12,345.5"     # Latin digits, as Nav writes them


def test_a_language_babel_has_no_formats_for_falls_back_to_english(monkeypatch):
    import coursefinder.i18n as i18n

    monkeypatch.setitem(i18n.LANGUAGES, "xx", i18n.Language("xx", "Xx", "xx", "xx"))
    format_locale.cache_clear()
    try:
        assert format_locale("xx") == "en" and format_locale("zz") == "en"
    finally:
        format_locale.cache_clear()


def test_course_text_falls_back_to_norwegian():
    course = Course(id="X", title_nb="Sveisekurs", title_en="Welding", course_type="industry", provider="P",
                    county="03", summary_nb="Norsk sammendrag")
    assert text_of(course, "title", "en") == ("Welding", "en")
    assert text_of(course, "summary", "en") == ("Norsk sammendrag", "nb")
    assert text_of(course, "description", "en") == (None, None)


@pytest.mark.parametrize("lang, title, summary", [
    ("nb", ("Sveisekurs", "nb"), ("Norsk sammendrag", "nb")),
    ("nn", ("Sveisekurs", "nb"), ("Norsk sammendrag", "nb")),          # nynorsk readers read bokmål
    ("en", ("Welding", "en"), ("English summary", "en")),
    ("uk", ("Welding", "en"), ("English summary", "en")),              # English before bokmål
    ("ar", ("Welding", "en"), ("English summary", "en")),
    ("so", ("Welding", "en"), ("English summary", "en")),
    ("ti", ("Welding", "en"), ("English summary", "en")),
])
def test_course_text_in_the_readers_best_language(lang, title, summary):
    course = Course(id="X", title_nb="Sveisekurs", title_en="Welding", course_type="industry", provider="P",
                    county="03", summary_nb="Norsk sammendrag", summary_en="English summary",
                    description_nb="Bare norsk")
    assert text_of(course, "title", lang) == title and text_of(course, "summary", lang) == summary
    assert text_of(course, "description", lang) == ("Bare norsk", "nb")          # the only text there is
    assert content_order(lang)[0] in ("nb", "en")


def test_a_request_keeps_its_translations_and_a_forced_locale_gets_its_own(app):
    # The translations are looked up once per request (web/translations.py); a page that
    # writes a part in another language (Flask-Babel's force_locale) must still get that one.
    from flask import render_template_string
    from flask_babel import force_locale, gettext

    with app.test_request_context("/en/"):
        from flask import g
        g.lang = "en"
        assert gettext("Filters") == "Filters"
        with force_locale("uk"):
            assert gettext("Filters") != "Filters"
            assert render_template_string("{{ _('Filters') }}") == gettext("Filters")
        assert gettext("Filters") == "Filters"
        assert render_template_string("{{ _('Filters') }}") == "Filters"
    with app.test_request_context("/nb/"):
        g.lang = "nb"
        assert gettext("Filters") == "Filtre"


@pytest.mark.parametrize("lang", ["nb", "en", "ar"])
def test_the_municipality_list_shows_each_pages_own_choice(client, lang):
    # The list is written once and kept (templating.cached_fragment); the choice is part of what it is kept by.
    import re

    pages = {}
    for number in ("0301", "4601", ""):
        html = client.get(f"/{lang}/?municipality={number}").get_data(as_text=True)
        select = re.search(r'<select form="search-form" id="municipality".*?</select>', html, re.S).group(0)
        pages[number] = re.findall(r'<option value="(\d*)" selected>', select)
    assert pages == {"0301": ["0301"], "4601": ["4601"], "": []}
    # Values that are not municipalities of the list select nothing and take no place of their own.
    from coursefinder.web.templating import _FRAGMENTS

    kept = len(_FRAGMENTS)
    for junk in ("9999", "0301x", "<b>", "4601,9999"):
        client.get(f"/{lang}/?municipality={junk}")
    assert len(_FRAGMENTS) <= kept + 1      # "4601,9999" is the list with 4601 chosen, already kept

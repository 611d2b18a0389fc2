"""Both catalogs complete and in step with the code; compiled catalogs match their sources."""

import gettext
import os
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from coursefinder.i18n import LANGUAGES, negotiate, terminal_language, text_of
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
    for message in catalog(lang):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            assert compiled.ngettext(message.id[0], message.id[1], 1) == message.string[0], message.id
            assert compiled.ngettext(message.id[0], message.id[1], 5) == message.string[1], message.id
        else:
            assert compiled.gettext(message.id) == message.string, message.id
    assert len(compiled._catalog) == len([m for m in catalog(lang) if m.id]) + sum(
        1 for m in catalog(lang) if isinstance(m.id, tuple)) + 1


def test_placeholders_are_kept_in_translations():
    import re

    for message in catalog("nb"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"%\(\w+\)[sd]", ids[-1]))
        for string in strings:
            assert set(re.findall(r"%\(\w+\)[sd]", string)) == wanted, message.id


@pytest.mark.parametrize("header, lang", [
    ([("nb-NO", 1)], "nb"), ([("no", 1)], "nb"), ([("nn", 1)], "nb"), ([("en-US", 1)], "en"),
    ([("sv", 1), ("en", 0.5)], "en"), ([("ar", 1)], "nb"), ([], "nb"),
])
def test_accept_language_picks_an_interface_language(header, lang):
    assert negotiate(header) == lang


def test_the_terminal_language_follows_the_locale():
    assert terminal_language({"LANG": "nb_NO.UTF-8"}) == "nb"
    assert terminal_language({"LANGUAGE": "nn_NO:nb", "LANG": "C"}) == "nb"
    assert terminal_language({"LANG": "C.UTF-8"}) == "en"
    assert terminal_language({}) == "en"


def test_course_text_falls_back_to_norwegian():
    course = Course(id="X", title_nb="Sveisekurs", title_en="Welding", course_type="industry", provider="P",
                    county="03", summary_nb="Norsk sammendrag")
    assert text_of(course, "title", "en") == ("Welding", "en")
    assert text_of(course, "summary", "en") == ("Norsk sammendrag", "nb")
    assert text_of(course, "description", "en") == (None, None)

"""Norwegian and English analysis: stemming, æ/ø/å folding, stop words, no query syntax."""

import pytest

from coursefinder.search.analysis import compound_parts_analyzer, english_analyzer, fold, norwegian_analyzer, terms
from coursefinder.search.textquery import build_query, words


@pytest.mark.parametrize("typed, written", [
    ("forerkort", "førerkort"), ("forerkortet", "førerkortet"), ("forerkortet", "førerkort"),
    ("baerum", "Bærum"), ("alesund", "Ålesund"), ("aalesund", "Ålesund"), ("tomrer", "tømrer"),
    ("sveisingen", "sveising"), ("HELSEFAGARBEIDEREN", "helsefagarbeidere"), ("kursene", "kurset"),
    ("tomrer", "tømrer"), ("renholdsoperator", "renholdsoperatør"),
])
def test_what_people_type_meets_what_courses_say(typed, written):
    analyzer = norwegian_analyzer()
    assert terms(analyzer, typed) == terms(analyzer, written)


def test_the_norwegian_stemmer_really_stems():
    # 'nb' would silently give no stemming; the analyzer must use Snowball's 'no'.
    assert terms(norwegian_analyzer(), "førerkortet") == ["forerkort"]


@pytest.mark.parametrize("forms", [
    ("kurs", "kursene", "kurset"), ("sveising", "sveisingen", "sveise", "sveiser"),
    ("førerkort", "førerkortet"), ("helsefagarbeider", "helsefagarbeidere", "helsefagarbeideren"),
    ("programmering", "programmere"), ("rengjøring", "rengjøre"),
])
def test_inflected_forms_and_verbal_nouns_meet(forms):
    analyzer = norwegian_analyzer()
    assert len({tuple(terms(analyzer, form)) for form in forms}) == 1, [terms(analyzer, f) for f in forms]


@pytest.mark.parametrize("compound, part", [
    ("sveisekurs", "sveis"), ("barnehageassistent", "assistent"), ("renholdsoperatør", "renhold"),
    ("truckførerbevis", "truck"), ("lagermedarbeider", "lager"), ("yrkessjåfør", "sjåfør"),
    ("helsefagarbeider", "helse"), ("kjøkkenassistent", "kjøkken"), ("stillasmontør", "stillas"),
])
def test_a_compound_is_split_into_its_parts_at_index_time(compound, part):
    assert terms(norwegian_analyzer(), part)[0] in terms(compound_parts_analyzer(), compound)


def test_a_simple_word_has_no_parts():
    assert terms(compound_parts_analyzer(), "assistent kurs truck") == []


def test_stop_words_are_dropped_in_both_spellings():
    assert terms(norwegian_analyzer(), "sveising på og i") == ["sveis"]
    assert terms(norwegian_analyzer(), "sveising paa") == ["sveis"]


def test_english_is_stemmed_as_english():
    assert terms(english_analyzer(), "welding drivers") == ["weld", "driver"]


def test_fold_writes_ae_o_a_for_norwegian_letters():
    assert fold("ærø på ålesund") == "aero pa alesund"


def test_query_syntax_is_taken_as_words():
    assert words('title:x AND (sveis* OR "truck') == ["title", "x", "AND", "sveis", "OR", "truck"]
    assert build_query('* ( ) " ^ ~ - + \\') is None


def test_a_stop_word_of_either_language_is_not_required():
    # "og" is a Norwegian stop word but not an English one: it must not be demanded
    # from the English fields either, or "sveising og truck" would find nothing.
    assert str(build_query("sveising og truck")) == str(build_query("sveising truck"))


def test_a_query_of_only_stop_words_searches_nothing():
    assert build_query("og i på") is None
    assert build_query("   ") is None

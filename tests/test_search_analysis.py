"""Norwegian and English analysis: stemming, æ/ø/å folding, stop words, no query syntax."""

import pytest

from coursefinder.search.analysis import english_analyzer, fold, norwegian_analyzer, terms
from coursefinder.search.textquery import build_query, words


@pytest.mark.parametrize("typed, written", [
    ("forerkort", "førerkort"), ("forerkortet", "førerkortet"), ("forerkortet", "førerkort"),
    ("baerum", "Bærum"), ("alesund", "Ålesund"), ("aalesund", "Ålesund"), ("tomrer", "tømrer"),
    ("sveisingen", "sveising"), ("HELSEFAGARBEIDEREN", "helsefagarbeidere"), ("kursene", "kurset"),
])
def test_what_people_type_meets_what_courses_say(typed, written):
    analyzer = norwegian_analyzer()
    assert terms(analyzer, typed) == terms(analyzer, written)


def test_the_norwegian_stemmer_really_stems():
    # 'nb' would silently give no stemming; the analyzer must use Snowball's 'no'.
    assert terms(norwegian_analyzer(), "kursene førerkortet") == ["kurs", "forerkort"]
    assert terms(norwegian_analyzer(), "sveisingen") == ["sveising"]


def test_stop_words_are_dropped_in_both_spellings():
    assert terms(norwegian_analyzer(), "sveising på og i") == ["sveising"]
    assert terms(norwegian_analyzer(), "sveising paa") == ["sveising"]


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

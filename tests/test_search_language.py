"""Norwegian and English analysis: stemming, æ/ø/å folding, stop words, no query syntax."""

import random

import pytest

from coursefinder.catalogue.loading import load_files
from coursefinder.catalogue.sample import sample_path
from coursefinder.search.backend.analysis import ANALYZERS
from coursefinder.search.language import ANALYSES, compound_terms, english_terms, norwegian_terms
from coursefinder.search.textquery import build_query
from coursefinder.text import fold, words


@pytest.mark.parametrize("typed, written", [
    ("forerkort", "førerkort"), ("forerkortet", "førerkortet"), ("forerkortet", "førerkort"),
    ("baerum", "Bærum"), ("alesund", "Ålesund"), ("aalesund", "Ålesund"), ("tomrer", "tømrer"),
    ("sveisingen", "sveising"), ("HELSEFAGARBEIDEREN", "helsefagarbeidere"), ("kursene", "kurset"),
    ("tomrer", "tømrer"), ("renholdsoperator", "renholdsoperatør"),
])
def test_what_people_type_meets_what_courses_say(typed, written):
    assert norwegian_terms(typed) == norwegian_terms(written)


def test_the_norwegian_stemmer_really_stems():
    # 'nb' would silently give no stemming; the analyzer must use Snowball's 'no'.
    assert norwegian_terms("førerkortet") == ["forerkort"]


@pytest.mark.parametrize("forms", [
    ("kurs", "kursene", "kurset"), ("sveising", "sveisingen", "sveise", "sveiser"),
    ("førerkort", "førerkortet"), ("helsefagarbeider", "helsefagarbeidere", "helsefagarbeideren"),
    ("programmering", "programmere"), ("rengjøring", "rengjøre"),
])
def test_inflected_forms_and_verbal_nouns_meet(forms):
    assert len({tuple(norwegian_terms(form)) for form in forms}) == 1, [norwegian_terms(f) for f in forms]


@pytest.mark.parametrize("compound, part", [
    ("sveisekurs", "sveis"), ("barnehageassistent", "assistent"), ("renholdsoperatør", "renhold"),
    ("truckførerbevis", "truck"), ("lagermedarbeider", "lager"), ("yrkessjåfør", "sjåfør"),
    ("helsefagarbeider", "helse"), ("kjøkkenassistent", "kjøkken"), ("stillasmontør", "stillas"),
])
def test_a_compound_is_split_into_its_parts_at_index_time(compound, part):
    assert norwegian_terms(part)[0] in compound_terms(compound)


def test_a_simple_word_has_no_parts():
    assert compound_terms("assistent kurs truck") == []


def test_stop_words_are_dropped_in_both_spellings():
    assert norwegian_terms("sveising på og i") == ["sveis"]
    assert norwegian_terms("sveising paa") == ["sveis"]


def test_english_is_stemmed_as_english():
    assert english_terms("welding drivers") == ["weld", "driver"]


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


def test_the_index_is_analysed_as_queries_are():
    # The engine's analyzers and the engine-neutral functions must give the same terms,
    # or a query would miss what the index holds.  Tried on every text of the sample.
    texts = [value for course in load_files([sample_path()]).courses
             for value in (course.title_nb, course.summary_nb, course.description_nb, course.title_en,
                           course.description_en, course.provider) if value]
    texts += ["HELSEFAGARBEIDEREN og Sveisekurs", "førerkort på ÅLESUND", "  ", "title:x AND (sveis*"]
    for kind, make in ANALYZERS.items():
        analyzer = make()
        for text in random.Random(4).sample(texts, 200) + texts[-4:]:
            assert [token.text for token in analyzer(text)] == ANALYSES[kind](text), (kind, text)


def test_stemming_is_right_under_eight_threads():
    # A Snowball stemmer is not safe to share between threads (it gave wrong stems and
    # IndexErrors under load); each thread must get the stems one thread alone gets.
    import threading

    from coursefinder.search import language

    words = [f"{base}{ending}" for base in ("sveis", "kurs", "helsefagarbeid", "truckfør", "renhold", "lager")
             for ending in ("", "er", "ene", "ing", "ingen", "et", "a")] + [f"ord{n}ene" for n in range(400)]
    expected = {word: (language._stemmers.norwegian.stemWord(word), language._stemmers.english.stemWord(word))
                for word in words}
    failures = []

    def work():
        try:
            for _ in range(10):
                for word in words:
                    got = (language._stemmers.norwegian.stemWord(word), language._stemmers.english.stemWord(word))
                    if got != expected[word]:
                        failures.append((word, got))
        except Exception as error:  # the failure this test looks for
            failures.append(repr(error))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []

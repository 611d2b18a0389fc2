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


def test_an_index_is_written_with_the_terms_a_query_is_analysed_into():
    # Writing an index keeps each word's terms in a memo of its own (the server's word
    # caches are small); the terms must be those of ANALYSES, the second time a word
    # comes too, stop words left out, and the memo dropped when the index is written.
    from coursefinder.search import language

    texts = [value for course in load_files([sample_path()]).courses
             for value in (course.title_nb, course.summary_nb, course.description_nb, course.title_en) if value]
    texts += ["og i på OG", "Sveisekurs SVEISEKURS sveisekursene", "", "førerkort_på ÅLESUND 12"]
    with language.index_memo():
        for _ in range(2):
            for kind in ANALYSES:
                for text in texts:
                    assert language.index_terms(kind, text) == ANALYSES[kind](text), (kind, text)
        assert language._index_memo.words["nb"]
    assert getattr(language._index_memo, "words", None) is None
    assert language.index_terms("nb", "Sveisekurs i Bergen") == norwegian_terms("Sveisekurs i Bergen")


def test_a_stream_of_new_words_holds_a_server_to_a_few_thousand_of_each_kind():
    # A server remembers the words it analyses, but a stream of junk words (found by the
    # soak run: 30,000 of each kind raised a worker by 40 %) must not hold its memory.
    from coursefinder.search import foreign, language

    rng = random.Random(8)
    junk = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyzæøå") for _ in range(rng.randint(4, 30)))
            for _ in range(3 * language.WORD_CACHE)]
    for word in junk:
        norwegian_terms(word)
        english_terms(word)
        compound_terms(word)
        for lang in foreign.LANGUAGES:
            foreign.stem(word, lang)
    cached = {name: function.cache_info().currsize for module in (language, foreign)
              for name, function in vars(module).items() if hasattr(function, "cache_info")}
    assert cached and max(cached.values()) <= language.WORD_CACHE <= 10_000, cached

"""Typo tolerance: near known words within one or two edits, and corrected queries."""

import pytest

from coursefinder.search.spelling import Speller, distance, max_edits

WORDS = {"helsefagarbeider": 40, "sveising": 12, "sveisekurs": 9, "truckførerbevis": 7, "renholdsoperatør": 5,
         "barnehageassistent": 6, "kurs": 90, "lager": 14, "lagre": 1}


@pytest.fixture(scope="module")
def speller():
    return Speller(WORDS)


@pytest.mark.parametrize("typed, meant", [
    ("helsefagarbieder", "helsefagarbeider"), ("helsefagarbeder", "helsefagarbeider"),
    ("sveisnig", "sveising"), ("truckforerbevis", None), ("renholdsoperator", None),
    ("barnehageasistent", "barnehageassistent"), ("sveisekrus", "sveisekurs"),
])
def test_a_mistyped_word_finds_the_word_meant(speller, typed, meant):
    if meant is None:
        # Only æ, ø and å missing: the folded word is already known, no correction needed.
        assert speller.known(typed)
    else:
        assert not speller.known(typed) and speller.near(typed)[0] == meant


def test_budgets_grow_with_length_and_short_words_go_only_to_frequent_ones(speller):
    assert max_edits("ko") == 0 and max_edits("kurs") == 1 and max_edits("sveis") == 1 and max_edits("sveising") == 2
    assert speller.near("helsefxxxbeider") == []
    # Three or four letters: one edit, and only towards a word the catalogue has often.
    assert speller.near("kurz") == ["kurs"]
    assert speller.near("lagr") == ["lager"] and speller.near("kirs") == ["kurs"]
    assert Speller({"kokk": 2}).near("kok") == [] and Speller({"kokk": 30}).near("kok") == ["kokk"]


def test_the_most_frequent_of_equally_near_words_comes_first(speller):
    assert speller.near("lagee")[0] == "lager"


def test_correct_replaces_only_unknown_words(speller):
    assert speller.correct("sveisnig kurs") == "sveising kurs"
    assert speller.correct("sveising kurs") is None


@pytest.mark.parametrize("a, b, d", [("abc", "abc", 0), ("abc", "acb", 1), ("abc", "ab", 1), ("kitten", "sitting", 3)])
def test_distance_counts_a_swap_of_neighbours_as_one_edit(a, b, d):
    assert distance(a, b, 5) == d


def test_the_words_of_the_trade_are_indexed_once_for_every_catalogue():
    # Each import opens a new generation with a speller of its own; the thesaurus's words
    # (most of a speller's index) are the same in all of them, and made once: a switch that
    # made and freed them each time left a server's memory a few megabytes higher.
    from coursefinder.search.textquery import lexicon

    first, second = Speller({"trappebygging": 3}, lexicon()), Speller({"truckkurs": 5}, lexicon())
    assert first._near[1] is second._near[1]
    # and each still knows, and corrects towards, the words of the trade and its own
    assert first.known("helsefagarbeider") and second.known("helsefagarbeider")
    assert first.near("trappebyging") == ["trappebygging"] and second.near("trappebyging") == []
    assert "helsefagarbeider" in first.near("helsefagarbieder")

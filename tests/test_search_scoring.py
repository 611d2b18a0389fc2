"""Array scoring gives exactly the documents and scores Whoosh's own matchers give."""

import numpy as np
import pytest

from coursefinder.search import CatalogueStore
from coursefinder.search.backend.scoring import TermScores, evaluate, whoosh_query
from coursefinder.search.textquery import build_query


@pytest.fixture(scope="module")
def generation(built_index):
    return CatalogueStore(built_index).get()


@pytest.mark.parametrize("text, lang", [
    ("kurs", "nb"), ("helsefagarbeider oslo", "nb"), ("sveisekurs", "nb"), ("truck lager", "nb"),
    ("forerkort", "nb"), ("health worker", "en"), ("welding", "en"), ("helsefagarbieder", "nb"),
])
def test_array_scores_equal_whoosh_scores(generation, text, lang):
    assert_whoosh_scores(generation, text, lang)


def assert_whoosh_scores(generation, text, lang):
    tree = build_query(text, lang, generation.speller)
    searcher = generation.searcher()
    mask, scores = evaluate(tree, TermScores(generation.size), searcher)
    expected = np.zeros(generation.size)
    matcher = whoosh_query(tree).matcher(searcher, searcher.context())
    while matcher.is_active():
        expected[matcher.id()] = matcher.score()
        matcher.next()
    assert mask.any()
    assert np.array_equal(mask, expected > 0)
    assert np.allclose(scores, expected, rtol=1e-5)


def test_the_cache_forgets_the_least_used_terms_beyond_its_bound(generation):
    term_scores = TermScores(generation.size, max_postings=50)
    searcher = generation.searcher()
    for word in ("kur", "sveis", "truck", "helsefagarbeid", "norsk"):
        term_scores.vector(searcher, "description_nb", word)
    assert term_scores._cache.bytes <= 50 * 8 or len(term_scores._cache) == 1


def test_field_lengths_read_at_once_equal_whoosh_one_by_one(generation):
    from coursefinder.search.backend.scoring import _stored_lengths

    reader = generation.searcher().reader()
    for field in ("title_nb", "description_nb", "title_parts", "summary_en"):
        fast = _stored_lengths(reader, field, generation.size)
        slow = [reader.doc_field_length(doc, field, 0) or 0 for doc in range(generation.size)]
        assert fast is not None and fast.tolist() == slow


def test_the_fast_readers_of_whoosh_are_the_ones_used(generation, caplog):
    # Whoosh's private block and length readers make scoring fast; if a Whoosh release
    # changes them the code falls back to the public way, which is correct but slow, and
    # this test is what notices.
    from coursefinder.search.backend import scoring

    scoring.FAST_PATHS.update({"block postings": None, "length column": None})
    evaluate(build_query("sveisekurs helsefagarbeider", "nb", generation.speller), TermScores(generation.size),
             generation.searcher())
    assert scoring.FAST_PATHS == {"block postings": True, "length column": True}
    assert "fast path" not in caplog.text


def test_every_term_counts_toward_the_cache_bound_also_an_unknown_one(generation):
    term_scores = TermScores(generation.size, max_postings=10_000, max_terms=100)
    searcher = generation.searcher()
    for number in range(1000):
        term_scores.vector(searcher, "title_nb", f"ukjentord{number}")
    assert len(term_scores._cache) <= 100

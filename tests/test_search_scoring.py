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
    mask, scores = evaluate(tree, TermScores(generation.size, common=generation.term_scores.common), searcher)
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
    from coursefinder.search.backend.postings import _stored_lengths

    reader = generation.searcher().reader()
    for field in ("title_nb", "description_nb", "title_parts", "summary_en"):
        fast = _stored_lengths(reader, field, generation.size)
        slow = [reader.doc_field_length(doc, field, 0) or 0 for doc in range(generation.size)]
        assert fast is not None and fast.tolist() == slow


def test_the_fast_readers_of_whoosh_are_the_ones_used(generation, caplog):
    # Whoosh's private block and length readers make scoring fast; if a Whoosh release
    # changes them the code falls back to the public way, which is correct but slow, and
    # this test is what notices.
    from coursefinder.search.backend import postings

    postings.FAST_PATHS.update({"block postings": None, "length column": None})
    evaluate(build_query("sveisekurs helsefagarbeider", "nb", generation.speller), TermScores(generation.size),
             generation.searcher())
    assert postings.FAST_PATHS == {"block postings": True, "length column": True}
    assert "fast path" not in caplog.text


def test_every_term_counts_toward_the_cache_bound_also_an_unknown_one(generation):
    term_scores = TermScores(generation.size, max_postings=10_000, max_terms=100)
    searcher = generation.searcher()
    for number in range(1000):
        term_scores.vector(searcher, "title_nb", f"ukjentord{number}")
    assert len(term_scores._cache) <= 100


def test_postings_of_many_blocks_are_decoded_as_whoosh_decodes_them(fresh_index):
    # Whoosh writes 128 postings a block, each block's numbers counted from 0; a word in
    # hundreds of courses spans several blocks (the test catalogue's words fit in one).
    from coursefinder.catalogue.model import Course
    from coursefinder.search import build_generation
    from coursefinder.search.backend import postings

    courses = [Course(id=f"C{n}", title_nb=f"Kurs {'sveis ' * (n % 3 + 1)}nummer {n}", course_type="vocational",
                      provider="P", county="03", summary_nb="kurs " * (n % 5) + ("truck" if n % 7 else ""))
               for n in range(700)]
    build_generation(fresh_index, courses)
    generation = CatalogueStore(fresh_index).get()
    reader = generation.searcher().reader()
    checked = 0
    for field in ("title_nb", "summary_nb"):
        for term in reader.lexicon(field):
            matcher = reader.postings(field, term.decode())
            ids, weights = [], []
            while matcher.is_active():
                ids.append(matcher.id())
                weights.append(matcher.weight())
                matcher.next()
            found_ids, found_weights = postings._leaf_postings(reader, field, term.decode())
            assert found_ids.tolist() == ids and found_weights.tolist() == weights, term
            checked += len(ids) > 128
    assert checked >= 3


@pytest.fixture(scope="module")
def with_common_terms(tmp_path_factory, records):
    """The test catalogue written with every term in at least 20 courses counted as common."""
    from coursefinder.catalogue.importing import import_files
    from coursefinder.search.backend import common_terms

    from conftest import write_catalogue

    folder = tmp_path_factory.mktemp("common")
    saved, common_terms.COMMON_FROM = common_terms.COMMON_FROM, 20
    try:
        assert import_files([write_catalogue(folder / "catalogue.json", records)], folder / "index").ok
    finally:
        common_terms.COMMON_FROM = saved
    return CatalogueStore(folder / "index").get()


@pytest.mark.parametrize("text, lang", [
    ("kurs", "nb"), ("kurs oslo", "nb"), ("norsk arbeid", "nb"),
    ("health worker", "en"), ("course", "en"),
])
def test_scores_written_for_common_terms_equal_whoosh_scores(with_common_terms, text, lang):
    generation = with_common_terms
    common = generation.term_scores.common
    tree = build_query(text, lang, generation.speller)
    terms = [node for node in _terms(tree)]
    assert any(common.get((term.field, term.text)) is not None for term in terms), "no common term in the query"
    assert_whoosh_scores(generation, text, lang)


def test_a_common_terms_scores_are_read_as_written_not_computed(with_common_terms, monkeypatch):
    generation = with_common_terms
    common = generation.term_scores.common
    field, text = next(iter(common._at))
    docs, scores = common.get((field, text))
    assert docs.size >= 20
    computed = TermScores(generation.size).compute(generation.searcher(), field, text)
    assert docs.tolist() == computed[0].tolist() and np.array_equal(scores, computed[1])
    fresh = TermScores(generation.size, common=common)
    monkeypatch.setattr(fresh, "compute", lambda *args: pytest.fail("computed again"))
    found = fresh.vector(generation.searcher(), field, text)
    assert found[0].tolist() == docs.tolist() and found[1].tolist() == scores.tolist()
    assert len(fresh._cache) == 0       # nothing of it held in the cache


def _terms(node):
    from coursefinder.search.textquery import Term

    if isinstance(node, Term):
        yield node
        return
    for child in getattr(node, "children", ()) or (node.required, *node.optional):
        yield from _terms(child)

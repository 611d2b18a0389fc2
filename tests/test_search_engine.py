"""Free text over every searchable field, ranked with the title first, paged."""

import pytest

from coursefinder.catalogue.model import Course
from coursefinder.search import FILTERS, CatalogueStore, SearchRequest, build_generation
from conftest import TODAY


def make(id, **fields):
    base = dict(title_nb="Kurs", course_type="industry", sector="industry", provider="Arrangør AS", county="03")
    base.update(fields)
    return Course(id=id, **base)


@pytest.fixture(scope="module")
def generation(tmp_path_factory):
    index = tmp_path_factory.mktemp("engine")
    build_generation(index, [
        make("title", title_nb="Sveisekurs for nybegynnere"),
        make("summary", summary_nb="Lær sveisekurs-teknikker og mer"),
        make("description", description_nb="Første avsnitt.\n\nHer står ordet sveisekurs langt nede."),
        make("provider", provider="Sveisekurs Nord AS"),
        make("place", place="Hammerfest"),
        make("certifications", certifications=("Truckførerbevis T1–T4",)),
        make("english", title_en="Welding for beginners"),
    ])
    return CatalogueStore(index).get()


def ids(generation, **request):
    return [c.id for c in generation.search(SearchRequest(today=TODAY, per_page=100, **request)).courses]


@pytest.mark.parametrize("query, expected", [
    ("hammerfest", "place"), ("truckforerbevis", "certifications"), ("welding", "english"),
    ("nord", "provider"),
])
def test_each_searchable_field_is_searched(generation, query, expected):
    assert ids(generation, q=query) == [expected]


def test_a_title_match_ranks_above_summary_description_and_provider(generation):
    found = ids(generation, q="sveisekurs")
    assert found[0] == "title" and set(found) == {"title", "summary", "description", "provider"}
    assert found.index("description") > found.index("summary")


def test_all_words_must_match_but_words_that_say_little_only_rank(generation):
    assert ids(generation, q="sveisekurs hammerfest") == []
    # "nybegynnere" says little about which course: it ranks the course that has it first,
    # and leaves out none that has the rest.
    found = ids(generation, q="sveisekurs nybegynnere")
    assert found[0] == "title" and set(found) == {"title", "summary", "description", "provider"}


def test_pages_are_slices_of_one_order(generation):
    everything = ids(generation)
    paged = [c.id for page in (1, 2, 3) for c in generation.search(
        SearchRequest(today=TODAY, per_page=3, page=page)).courses]
    assert paged == everything and len(everything) == 7


def test_a_page_s_courses_are_read_only_when_used(generation, monkeypatch):
    # A page of results keeps its courses' keys; each course is read the first time it is used,
    # once (the API gives what is kept of them and reads none).
    reads, read = [], generation._course
    monkeypatch.setattr(generation, "_course", lambda doc: reads.append(doc) or read(doc))
    result = generation.search(SearchRequest(today=TODAY, q="sveisekurs", per_page=100))
    assert len(result.courses) == len(result.courses.keys) == 4 and reads == []
    second = result.courses[1]
    assert reads == [result.courses.keys[1]]
    assert [course.id for course in result.courses][1] == second.id and len(reads) == 4
    assert list(result.courses) == result.courses[:] == result.courses and len(reads) == 4


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    import json

    from coursefinder.catalogue.loading import load_sources
    from conftest import catalogue_records

    index = tmp_path_factory.mktemp("shared-counts")
    build_generation(index, load_sources([("c.json", json.dumps(catalogue_records()).encode())]).courses)
    return CatalogueStore(index).get()


@pytest.mark.parametrize("seed", range(25))
def test_one_request_s_counts_that_share_their_masks_count_what_each_search_finds(catalogue, seed):
    # A request's ways out count several searches that differ in a filter or two, sharing the masks
    # (and the matching courses) they have in common: each count must be what that search finds.
    import random

    from test_search_filters import random_params

    rng = random.Random(seed)
    params = random_params(rng)
    params.pop("start_from", None)
    base = SearchRequest(today=TODAY, q=rng.choice(["", "kurs", "sveis", "helse", "norsk"]), **params)
    variants = [base] + [base.but(**{name: FILTERS[name].off}) for name in params] + [
        base.but(county=("03", "46")), base.but(sector=()), base.but(q=""), base.but(q="truck"), base.but(q="kokk")]
    shared = {}
    for variant in variants * 2:
        assert catalogue.count(variant, shared=shared) == catalogue.search(variant).total, variant
    assert shared

"""The bundled sample catalogue: valid by our own validator, and covering what it promises."""

import datetime as dt
from collections import Counter

import pytest

from coursefinder.catalogue import vocabulary as v
from coursefinder.catalogue.loading import load_files
from coursefinder.catalogue.sample import sample_path


@pytest.fixture(scope="module")
def sample():
    loaded = load_files([sample_path()])
    assert loaded.ok, [p.render() for p in loaded.problems[:10]]
    return loaded.courses


def test_the_sample_is_large_enough_and_covers_every_county(sample):
    assert len(sample) >= 150
    assert set(Counter(c.county for c in sample)) == set(v.COUNTIES)


def test_the_sample_covers_every_course_type_and_sector(sample):
    assert {c.course_type for c in sample} == set(v.COURSE_TYPES)
    assert {c.sector for c in sample if c.sector} == set(v.SECTORS)


def test_the_sample_has_youth_norwegian_online_and_rolling_courses(sample):
    assert sum(1 for c in sample if c.age_max is not None and c.age_min < 19) >= 5
    levels = {c.norwegian_level for c in sample if c.norwegian_training and c.norwegian_level}
    assert len(levels) >= 3
    assert any(c.delivery == "online" for c in sample)
    assert any(c.start_type == "rolling" for c in sample)


def test_the_sample_has_an_ended_and_a_cancelled_course(sample):
    today = dt.date(2026, 11, 27)
    assert any(c.has_ended(today) for c in sample)
    assert any(c.status == "cancelled" for c in sample)


def test_at_least_a_third_of_the_sample_has_english_title_and_summary(sample):
    english = sum(1 for c in sample if c.title_en and c.summary_en)
    assert english * 3 >= len(sample)


DAYS = [dt.date(2026, 11, 27), dt.date(2026, 12, 1), dt.date(2027, 7, 10), dt.date(2028, 1, 1), dt.date(2028, 10, 3),
        dt.date(2031, 2, 28), dt.date(2040, 6, 15)]


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_sample_is_as_young_on_any_day(today):
    from coursefinder.catalogue.loading import load_sources
    from coursefinder.catalogue.sample import sample_source

    loaded = load_sources([sample_source(today)])
    assert loaded.ok
    courses = loaded.courses
    assert sum(1 for c in courses if c.has_ended(today)) == 1
    assert sum(1 for c in courses if c.status == "cancelled") == 1
    open_courses = [c for c in courses if not c.has_ended(today) and c.status != "cancelled"]
    assert len(open_courses) >= 150
    # Open courses in every county, and courses starting in the coming months.
    assert {c.county for c in open_courses} == set(v.COUNTIES)
    upcoming = [c for c in open_courses if c.start_type == "fixed" and today <= c.start_date < today + dt.timedelta(days=90)]
    assert len(upcoming) >= 20
    assert all(c.start_date.weekday() == 0 for c in courses if c.start_date)
    assert all(c.updated_at.date() <= today for c in courses if c.updated_at)


def test_serving_moves_a_sample_of_another_week_to_this_one(tmp_path):
    from coursefinder.catalogue.importing import ensure_catalogue
    from coursefinder.search import CatalogueStore, SearchRequest, current_generation

    index = tmp_path / "index"
    first = ensure_catalogue(index, dt.date(2027, 1, 15))
    assert first.generation == "gen-000001"
    assert ensure_catalogue(index, dt.date(2027, 1, 16)) is None       # the same week: nothing to do
    later = dt.date(2029, 5, 2)
    moved = ensure_catalogue(index, later)
    assert moved.generation == "gen-000002" == current_generation(index)
    generation = CatalogueStore(index).get()
    assert generation.search(SearchRequest(today=later)).total >= 150

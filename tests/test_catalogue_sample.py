"""The bundled sample catalogue: valid by our own validator, and covering what it promises."""

import datetime as dt
from collections import Counter

import pytest

from coursefinder.catalogue import vocabulary as v
from coursefinder.catalogue.loading import load_files, sample_catalogue_path


@pytest.fixture(scope="module")
def sample():
    loaded = load_files([sample_catalogue_path()])
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

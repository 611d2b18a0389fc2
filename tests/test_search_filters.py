"""Every API filter returns exactly the courses the format's fields say, alone and combined.

The expected courses are computed here from the raw records with a plain reading of
the API's documented rules, independently of the engine's arrays.
"""

import datetime as dt
import random

import pytest

from coursefinder.catalogue import vocabulary as v
from conftest import TODAY


def _date(text):
    return dt.date.fromisoformat(text) if text else None


def matches(record, params):
    start, end = _date(record.get("start_date")), _date(record.get("end_date"))
    rolling = record.get("start_type", "fixed") == "rolling"
    if params.get("include_ended") != "1" and end and end < TODAY:
        return False
    for name, default in (("county", None), ("municipality", None), ("course_type", None), ("sector", None),
                          ("delivery", "in-person")):
        if name in params and record.get(name, default) not in params[name]:
            return False
    if "age" in params:
        age = params["age"]
        if not record.get("age_min", 19) <= age <= record.get("age_max", 67):
            return False
    if "norwegian" in params:
        if record.get("norwegian_training", False) != (params["norwegian"] == "combined"):
            return False
    if "level" in params:
        needed = record.get("norwegian_level")
        if needed and v.LEVELS.index(needed) > v.LEVELS.index(params["level"]):
            return False
    if "start_from" in params:
        since = _date(params["start_from"])
        if rolling and end and end < since:
            return False
        if not rolling and start < since:
            return False
    if "start_from" in params and "start_to" in params and _date(params["start_to"]) < _date(params["start_from"]):
        return False
    if "start_to" in params:
        until = _date(params["start_to"])
        if start and start > until:
            return False
    return True


def query_string(params):
    pairs = []
    for name, value in params.items():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            pairs.append((name, str(item)))
    return pairs


def api_ids(client, params):
    ids, page = set(), 1
    while True:
        response = client.get("/api/v1/courses", query_string=query_string(params) + [("per_page", "100"),
                                                                                        ("page", str(page))])
        assert response.status_code == 200, response.json
        body = response.json
        ids |= {hit["id"] for hit in body["results"]}
        if page * 100 >= body["total"]:
            assert len(ids) == body["total"]
            return ids
        page += 1


SINGLE_FILTERS = [
    {"county": ["03"]}, {"county": ["46", "56"]}, {"municipality": ["4601"]}, {"municipality": ["3205", "0301"]},
    {"age": 16}, {"age": 18}, {"age": 19}, {"age": 24}, {"age": 25}, {"age": 50}, {"age": 67},
    {"norwegian": "combined"}, {"norwegian": "without"},
    {"level": "A1"}, {"level": "A2"}, {"level": "B1"}, {"level": "B2"}, {"level": "C1"},
    {"course_type": ["norwegian"]}, {"course_type": ["industry", "fov"]},
    {"sector": ["health-care"]}, {"sector": ["retail", "office"]},
    {"delivery": ["online"]}, {"delivery": ["hybrid", "in-person"]},
    {"start_from": "2027-03-01"}, {"start_to": "2027-02-01"}, {"start_from": "2027-02-01", "start_to": "2027-04-30"},
    {"include_ended": "1"}, {},
]


@pytest.mark.parametrize("params", SINGLE_FILTERS, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()) or "none")
def test_each_filter_alone_gives_exactly_the_matching_courses(client, records, params):
    expected = {r["id"] for r in records if matches(r, params)}
    assert api_ids(client, params) == expected


def random_params(rng):
    choices = {
        "county": lambda: rng.sample(list(v.COUNTIES), rng.randint(1, 3)),
        "age": lambda: rng.randint(16, 67),
        "norwegian": lambda: rng.choice(["combined", "without"]),
        "level": lambda: rng.choice(v.LEVELS),
        "course_type": lambda: rng.sample(v.COURSE_TYPES, rng.randint(1, 2)),
        "sector": lambda: rng.sample(v.SECTORS, rng.randint(1, 3)),
        "delivery": lambda: rng.sample(v.DELIVERIES, rng.randint(1, 2)),
        "start_from": lambda: (TODAY + dt.timedelta(days=rng.randint(-90, 200))).isoformat(),
        "include_ended": lambda: "1",
    }
    names = rng.sample(list(choices), rng.randint(2, 5))
    return {name: choices[name]() for name in names}


@pytest.mark.parametrize("seed", range(40))
def test_filters_combined_give_exactly_the_matching_courses(client, records, seed):
    params = random_params(random.Random(seed))
    expected = {r["id"] for r in records if matches(r, params)}
    assert api_ids(client, params) == expected


def test_the_edge_cases_are_in_the_catalogue(records):
    # The oracle above is only as good as the catalogue: these must be there.
    ids = {r["id"] for r in records}
    assert {"EDGE-ended", "EDGE-rolling", "EDGE-youth", "EDGE-c1", "EDGE-cancelled"} <= ids


@pytest.mark.parametrize("group", ["county", "sector", "course_type", "delivery", "norwegian"])
def test_facet_counts_ignore_their_own_group_and_show_zero_options(client, records, group):
    params = {"county": ["03", "46"], "sector": ["health-care", "industry", "retail"], "norwegian": "combined",
              "course_type": ["industry", "norwegian"], "delivery": ["in-person", "online"]}
    body = client.get("/api/v1/courses", query_string=query_string(params)).json
    others = {name: value for name, value in params.items() if name != group}
    options = {"county": list(v.COUNTIES), "sector": v.SECTORS, "course_type": v.COURSE_TYPES,
               "delivery": v.DELIVERIES, "norwegian": ["combined", "without"]}[group]
    counted = {item["value"]: item["count"] for item in body["facets"][group]}
    assert list(counted) == list(options)
    for option in options:
        expected = sum(1 for r in records if matches(r, {**others, group: option if group == "norwegian" else [option]}))
        assert counted[option] == expected, option


def test_ended_courses_are_left_out_unless_asked_for(client):
    assert "EDGE-ended" not in api_ids(client, {"county": ["46"]})
    assert "EDGE-ends-today" in api_ids(client, {"county": ["46"]})
    assert "EDGE-ended" in api_ids(client, {"county": ["46"], "include_ended": "1"})


def test_cancelled_courses_are_found_and_marked(client):
    body = client.get("/api/v1/courses", query_string={"q": "barnehagekurs", "county": "50"}).json
    hit = next(h for h in body["results"] if h["id"] == "EDGE-cancelled")
    assert hit["status"] == "cancelled"

"""Property-based tests with Hypothesis: no input gives a 5xx or a traceback.

- Any combination of API parameters, valid or not, gives 200 with results that all
  satisfy every filter, or 400 naming a parameter that was sent.
- Any bytes as an import file give either courses or FILE:LINE problems.
"""

import json
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coursefinder.catalogue import vocabulary as v
from coursefinder.catalogue.loading import load_sources
from conftest import course
from test_search_filters import matches

EXAMPLES = settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck), database=None)
NAMES = ["q", "county", "municipality", "age", "norwegian", "level", "course_type", "sector", "delivery",
         "start_from", "start_to", "include_ended", "sort", "page", "per_page", "lang", "compare", "v"]
FILTERS = {"county", "municipality", "age", "norwegian", "level", "course_type", "sector", "delivery", "start_from",
           "start_to", "include_ended"}

junk = st.text(max_size=30)
valid_values = {
    "county": st.sampled_from(list(v.COUNTIES)), "municipality": st.sampled_from(["0301", "4601", "3205", "9999"]),
    "age": st.integers(10, 80).map(str), "norwegian": st.sampled_from(["combined", "without"]),
    "level": st.sampled_from(list(v.LEVELS)), "course_type": st.sampled_from(v.COURSE_TYPES),
    "sector": st.sampled_from(v.SECTORS), "delivery": st.sampled_from(v.DELIVERIES),
    "start_from": st.dates().map(str), "start_to": st.dates().map(str), "include_ended": st.sampled_from(["0", "1"]),
    "sort": st.sampled_from(["relevance", "start", "title"]), "page": st.integers(-1, 1200).map(str),
    "per_page": st.integers(-1, 150).map(str), "lang": st.sampled_from(["nb", "en", "de"]),
    "q": st.text(max_size=60), "compare": junk, "v": st.sampled_from(["1", "2"]),
}
pair = st.sampled_from(NAMES + ["x", "utm_source"]).flatmap(
    lambda name: st.tuples(st.just(name), st.one_of(valid_values.get(name, junk), junk)))


@given(st.lists(pair, max_size=8))
# Found by Hypothesis in CI: a single value written as only commas is no value.
@example(pairs=[("norwegian", ",")])
@example(pairs=[("start_from", ",")])
@example(pairs=[("age", ","), ("level", " ,b1")])
@EXAMPLES
def test_any_parameters_give_matching_results_or_a_named_400(client, records, pairs):
    response = client.get("/api/v1/courses", query_string=pairs)
    assert response.status_code in (200, 400), response.status_code
    body = response.json
    if response.status_code == 400:
        assert body["error"]["parameter"] in {name for name, _ in pairs} and body["error"]["message"]
        return
    params = {}
    for name, raw in pairs:
        # Every parameter may be comma-separated, blanks left out: only commas ("age=,") is no
        # value, the filter off, as when it is empty (one value more than one allows is a 400).
        parts = [part.strip() for part in raw.split(",") if part.strip()]
        if name in FILTERS and parts:
            value = parts[0]
            if name in ("county", "municipality", "course_type", "sector", "delivery"):
                params.setdefault(name, []).extend(parts)
            elif name == "age":
                params[name] = int(value)
            elif name == "level":
                params[name] = value.strip().upper()
            elif name == "include_ended":
                params[name] = "1" if value.strip().lower() in ("1", "true", "yes", "ja", "on") else "0"
            else:
                params[name] = value.strip()
    by_id = {record["id"]: record for record in records}
    for hit in body["results"]:
        assert matches(by_id[hit["id"]], params), (hit["id"], params)


@given(st.lists(pair, max_size=6))
@EXAMPLES
def test_any_parameters_on_the_search_page_give_a_page_not_an_error(client, pairs):
    response = client.get("/en/", query_string=pairs)
    assert response.status_code in (200, 301, 400)


PROBLEM = re.compile(r"^x\.(json|jsonl|csv):\d+: \S+: .+$", re.S)


def assert_clean(label, data):
    result = load_sources([(label, data)])
    for problem in result.problems:
        assert PROBLEM.match(problem.render()) and problem.line >= 1, problem.render()
    assert result.ok == bool(result.courses)


@given(st.binary(max_size=400), st.sampled_from(["x.json", "x.jsonl", "x.csv"]))
@EXAMPLES
def test_any_bytes_as_an_import_file_give_courses_or_located_problems(data, label):
    assert_clean(label, data)


VALID = json.dumps([course(id="P-1"), course(id="P-2", county="46")], indent=1).encode()
VALID_CSV = ("id;title_nb;course_type;sector;provider;county;start_date\r\n"
             "P-1;Sveisekurs;industry;industry;Testkurs AS;03;2027-03-01\r\n").encode()


@given(st.sampled_from([("x.json", VALID), ("x.csv", VALID_CSV)]), st.lists(
    st.tuples(st.integers(0, 10_000), st.binary(max_size=3)), min_size=1, max_size=4))
@EXAMPLES
def test_a_damaged_valid_file_gives_courses_or_located_problems(file, edits):
    label, data = file
    data = bytearray(data)
    for position, replacement in edits:
        position %= len(data)
        data[position:position + 1] = replacement
    assert_clean(label, bytes(data))

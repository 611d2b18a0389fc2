"""The API against its OpenAPI 3.1 description, with Schemathesis: every answer as documented.

Schemathesis's own pytest plugin does not run under pytest 9, so each operation's
strategy is driven with Hypothesis directly.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from browser import report
from coursefinder.search import FILTERS
from coursefinder.search.location import resolve_place
from coursefinder.web.privacy import looks_personal

OPERATIONS = ["searchCourses", "getCourse", "suggest"]


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def operation(api_schema, operation_id):
    for result in api_schema.get_all_operations():
        found = result.ok()
        if found.definition.raw.get("operationId") == operation_id:
            return found
    raise LookupError(operation_id)


def without_personal_text(case):
    # The description says so, but JSON Schema cannot: text that looks like a national
    # identity number or an e-mail address is refused (400), so it is not "valid" input.
    return not looks_personal(str((case.query or {}).get("q", "")))


def with_known_places_and_an_origin_for_distance(case):
    # Also documented but not expressible in JSON Schema: a distance, or sorting by it, is
    # measured from a postcode or a place, so without one the request is refused (400).
    query = case.query or {}
    for name in FILTERS.names():
        known = getattr(FILTERS[name], "known", None)   # municipality and postcode numbers: a table decides
        values = query.get(name)
        values = values if isinstance(values, list) else [values] if values is not None else []
        if known and not all(known(part) for value in values for part in str(value).split(",") if part):
            return False   # four digits that are no municipality or postcode are refused by name (400)
    if query.get("place") and not resolve_place(str(query["place"])):
        return False   # so is a place name the site does not know
    wants_distance = "distance" in query or query.get("sort") == "distance"
    return not wants_distance or bool(query.get("postcode") or query.get("place"))


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_the_api_answers_as_its_description_says(api_schema, operation_id):
    found = operation(api_schema, operation_id)
    calls = []

    @given(found.as_strategy().filter(without_personal_text).filter(with_known_places_and_an_origin_for_distance))
    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        calls.append(case.call_and_validate(headers={"Accept-Encoding": "identity"}).status_code)

    check()
    report(f"Schemathesis {operation_id}: {len(calls)} requests, statuses {sorted(set(calls))}, no failures")


def test_the_description_is_served_and_names_every_search_parameter(client):
    spec = client.get("/api/v1/openapi.json").json
    assert spec["openapi"].startswith("3.1")
    names = {p["name"] for p in spec["paths"]["/api/v1/courses"]["get"]["parameters"]}
    # Every filter of the registry, and the parameters that are not filters.
    assert names == {"q", "sort", "page", "per_page", "lang", *FILTERS.names()}
    assert {"county", "municipality", "age", "norwegian", "level", "course_type", "sector", "delivery",
            "start_from", "start_to", "include_ended", "source"} <= names

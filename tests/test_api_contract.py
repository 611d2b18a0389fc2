"""The API against its OpenAPI 3.1 description, with Schemathesis: every answer as documented.

Schemathesis's own pytest plugin does not run under pytest 9, so each operation's
strategy is driven with Hypothesis directly.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from browser import report
from coursefinder.search import FILTERS
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


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_the_api_answers_as_its_description_says(api_schema, operation_id):
    found = operation(api_schema, operation_id)
    calls = []

    @given(found.as_strategy().filter(without_personal_text))
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

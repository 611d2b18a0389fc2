"""A filter is one declaration: one added through the registry alone shows up in every layer."""

import pytest

from coursefinder import create_app
from coursefinder.catalogue.importing import import_files
from coursefinder.search import FILTERS
from coursefinder.search.columns import Codes
from coursefinder.search.filter_kinds import Choice
from conftest import TODAY, catalogue_records, write_catalogue

LABELS = {"fixed": "Set start date", "rolling": "Start any day"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """A site with a throwaway filter on how a course starts, over a fresh index that keeps its column."""
    throwaway = Choice("start_kind", "How it starts", Codes("start_kind", ("fixed", "rolling"), lambda c: c.start_type),
                       labels=LABELS, facet=True, widget="checkboxes", description="How the course starts.")
    FILTERS.register(throwaway)
    try:
        folder = tmp_path_factory.mktemp("registry")
        assert import_files([write_catalogue(folder / "c.json", catalogue_records())], folder / "index").ok
        app = create_app({"TESTING": True, "INDEX_DIR": str(folder / "index"), "TODAY": TODAY, "RELOAD_INTERVAL": 0})
        yield app.test_client()
    finally:
        FILTERS.unregister("start_kind")


def rolling_ids():
    return {r["id"] for r in catalogue_records() if r.get("start_type") == "rolling"
            and not (r.get("end_date") and r["end_date"] < TODAY.isoformat())}


def test_the_api_filters_by_it_and_counts_its_options(client):
    body = client.get("/api/v1/courses", query_string={"start_kind": "rolling", "per_page": 100}).json
    assert {hit["id"] for hit in body["results"]} == rolling_ids() and body["total"] == len(rolling_ids())
    counts = {item["value"]: (item["label"], item["count"]) for item in body["facets"]["start_kind"]}
    everything = client.get("/api/v1/courses", query_string={"per_page": 1}).json["total"]
    assert counts == {"rolling": ("Start any day", len(rolling_ids())),
                      "fixed": ("Set start date", everything - len(rolling_ids()))}


def test_a_wrong_value_is_a_400_naming_it(client):
    response = client.get("/api/v1/courses?start_kind=sometimes")
    assert response.status_code == 400 and response.json["error"]["parameter"] == "start_kind"


def test_the_form_offers_it_with_counts(client):
    html = client.get("/en/?q=kurs").get_data(as_text=True)
    assert '<fieldset class="filter-group" id="field-start_kind">' in html
    assert '<legend>How it starts</legend>' in html
    assert 'name="start_kind" value="rolling" id="start_kind-rolling"' in html
    assert "Start any day <span class=\"count\">(" in html


def test_a_choice_shows_as_a_removable_chip(client):
    html = client.get("/en/?start_kind=rolling&county=56").get_data(as_text=True)
    assert "How it starts: Start any day" in html
    # The chip's link is the same search without it.
    assert 'href="/en/?county=56&amp;v=1" aria-label="Remove filter How it starts: Start any day"' in html


def test_the_openapi_document_describes_it(client):
    parameters = client.get("/api/v1/openapi.json").json["paths"]["/api/v1/courses"]["get"]["parameters"]
    found = next(p for p in parameters if p["name"] == "start_kind")
    assert found["schema"] == {"type": "array", "items": {"type": "string", "enum": ["fixed", "rolling"]},
                               "maxItems": 50}
    assert found["description"] == "How the course starts."


def test_links_keep_it(client):
    html = client.get("/en/?start_kind=rolling&per_page=5").get_data(as_text=True)
    assert "start_kind=rolling" in html.split('id="share-url" value="', 1)[1].split('"', 1)[0]

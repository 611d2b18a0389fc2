"""The JSON API described as OpenAPI 3.1, served at /api/v1/openapi.json and checked by Schemathesis."""

from importlib.metadata import version

from flask import Blueprint, jsonify

from ..catalogue import vocabulary
from ..catalogue.fields import ID_PATTERN
from ..i18n import LANGUAGES
from ..search import FILTERS, SORTS
from .params import MAX_PAGE, MAX_PER_PAGE, MAX_QUERY

bp = Blueprint("openapi", __name__, url_prefix="/api/v1")


def _param(name, schema, description):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


ERROR = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["message"],
    "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}, "status": {"type": "integer"}}}}}

SUMMARY = {"type": "object", "required": ["id", "title", "provider", "county", "place", "start_date", "url"],
           "properties": {
               "id": {"type": "string"}, "title": {"type": "string"}, "title_lang": {"type": "string"},
               "provider": {"type": "string"}, "county": {"type": "string", "enum": list(vocabulary.COUNTIES)},
               "county_name": {"type": "string"}, "place": {"type": ["string", "null"]},
               "start_type": {"type": "string", "enum": list(vocabulary.START_TYPES)},
               "start_date": {"type": ["string", "null"], "format": "date"},
               "status": {"type": "string", "enum": list(vocabulary.STATUSES)}, "ended": {"type": "boolean"},
               "url": {"type": "string", "format": "uri"}}}

FACET = {"type": "array", "items": {"type": "object", "required": ["value", "label", "count"], "properties": {
    "value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer", "minimum": 0}}}}

def search_parameters():
    return [
        _param("q", {"type": "string", "maxLength": MAX_QUERY}, "Free text; every word must match. No query syntax."),
        *(f.openapi() for f in FILTERS),
        _param("sort", {"type": "string", "enum": list(SORTS)}, "Order of the results."),
        _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, "Page, from 1."),
        _param("per_page", {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}, "Results per page."),
        _param("lang", {"type": "string", "enum": list(LANGUAGES)}, "Language of titles, labels and messages."),
    ]


def _json(schema):
    return {"content": {"application/json": {"schema": schema}}}


def spec():
    return {
        "openapi": "3.1.0",
        "info": {"title": "coursefinder API", "version": version("coursefinder"),
                 "description": "Labour-market courses (AMO) bought by Nav: search with filters and facets."},
        "paths": {
            "/api/v1/courses": {"get": {
                "operationId": "searchCourses", "summary": "Search courses",
                "parameters": search_parameters(),
                "responses": {
                    "200": {"description": "A page of results with facet counts", **_json({
                        "type": "object", "required": ["total", "page", "per_page", "results", "facets"],
                        "properties": {
                            "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer", "minimum": 1},
                            "per_page": {"type": "integer", "minimum": 1}, "results": {"type": "array", "items": SUMMARY},
                            "facets": {"type": "object", "additionalProperties": FACET}}})},
                    "400": {"description": "An invalid parameter, named", **_json(ERROR)}}}},
            "/api/v1/courses/{course_id}": {"get": {
                "operationId": "getCourse", "summary": "One course in the import format's field names",
                "parameters": [{"name": "course_id", "in": "path", "required": True,
                                "schema": {"type": "string", "pattern": f"^{ID_PATTERN}$"}}],
                "responses": {"200": {"description": "The course", **_json({"type": "object", "required": [
                    "id", "title_nb", "course_type", "provider", "county"]})},
                    "404": {"description": "No such course", **_json(ERROR)}}}},
            "/api/v1/suggest": {"get": {
                "operationId": "suggest", "summary": "Titles and occupations for search as you type",
                "parameters": [_param("q", {"type": "string", "maxLength": MAX_QUERY}, "What has been typed."),
                               _param("lang", {"type": "string", "enum": list(LANGUAGES)}, "Language.")],
                "responses": {"200": {"description": "Suggestions", **_json({
                    "type": "object", "required": ["q", "suggestions"], "properties": {
                        "q": {"type": "string"}, "suggestions": {"type": "array", "items": {"type": "string"}}}})},
                    "400": {"description": "An invalid parameter", **_json(ERROR)}}}},
        },
    }


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec())

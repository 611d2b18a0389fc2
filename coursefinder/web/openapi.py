"""The JSON API described as OpenAPI 3.1, served at /api/v1/openapi.json and checked by Schemathesis."""

from flask import jsonify

from .. import __version__
from ..catalogue import vocabulary as v
from ..catalogue.fields import ID_PATTERN
from ..i18n import LANGUAGES
from ..search.request import SORTS
from .api import bp
from .params import MAX_PAGE, MAX_PER_PAGE, MAX_QUERY


def _list_of(values):
    return {"type": "array", "items": {"type": "string", "enum": list(values)}}


def _param(name, schema, description, repeat=False):
    spec = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if repeat:
        spec.update(style="form", explode=True)
    return spec


ERROR = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["message"],
    "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}, "status": {"type": "integer"}}}}}

SUMMARY = {"type": "object", "required": ["id", "title", "provider", "county", "place", "start_date", "url"],
           "properties": {
               "id": {"type": "string"}, "title": {"type": "string"}, "title_lang": {"type": "string"},
               "provider": {"type": "string"}, "county": {"type": "string", "enum": list(v.COUNTIES)},
               "county_name": {"type": "string"}, "place": {"type": ["string", "null"]},
               "start_type": {"type": "string", "enum": list(v.START_TYPES)},
               "start_date": {"type": ["string", "null"], "format": "date"},
               "status": {"type": "string", "enum": list(v.STATUSES)}, "ended": {"type": "boolean"},
               "url": {"type": "string", "format": "uri"}}}

FACET = {"type": "array", "items": {"type": "object", "required": ["value", "label", "count"], "properties": {
    "value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer", "minimum": 0}}}}

SEARCH_PARAMETERS = [
    _param("q", {"type": "string", "maxLength": MAX_QUERY}, "Free text; every word must match. No query syntax."),
    _param("county", _list_of(v.COUNTIES), "County numbers; courses in any of them.", repeat=True),
    _param("municipality", {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{4}$"}},
           "Municipality numbers.", repeat=True),
    _param("age", {"type": "integer", "minimum": v.AGE_RANGE[0], "maximum": v.AGE_RANGE[1]},
           "The reader's age: courses with age_min <= age <= age_max."),
    _param("norwegian", {"type": "string", "enum": ["combined", "without"]}, "With or without Norwegian training."),
    _param("level", {"type": "string", "enum": list(v.LEVELS)}, "The reader's Norwegian: courses needing it or less."),
    _param("course_type", _list_of(v.COURSE_TYPES), "Course types.", repeat=True),
    _param("sector", _list_of(v.SECTORS), "Sectors.", repeat=True),
    _param("delivery", _list_of(v.DELIVERIES), "How the course is taught.", repeat=True),
    _param("start_from", {"type": "string", "format": "date"}, "Starts on or after (YYYY-MM-DD)."),
    _param("start_to", {"type": "string", "format": "date"}, "Starts on or before (YYYY-MM-DD)."),
    _param("include_ended", {"type": "string", "enum": ["0", "1"]}, "1 to include courses that have ended."),
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
        "info": {"title": "coursefinder API", "version": __version__,
                 "description": "Labour-market courses (AMO) bought by Nav: search with filters and facets."},
        "paths": {
            "/api/v1/courses": {"get": {
                "operationId": "searchCourses", "summary": "Search courses",
                "parameters": SEARCH_PARAMETERS,
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

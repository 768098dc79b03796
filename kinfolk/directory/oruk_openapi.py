"""The OpenAPI document for Kinfolk's Open Referral UK 3.0 endpoints (/openreferral/openapi.json).

Response bodies refer to the standard's own published schemas, as the standard's openapi.json
does; parameters are the standard's, named as it names them.
"""

from . import oruk

STANDARD_SCHEMAS = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


def _query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema}  # fmt: skip


PARAMETERS = {
    "search": _query("search", "Words to look for (any word form; small typos allowed).",
                     {"type": "string"}),
    "page": _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1}),
    "per_page": _query("per_page", "Results per page, 1 to 100 (default 50).",
                       {"type": "integer", "minimum": 1, "maximum": 100}),
    "taxonomy_term_id": _query("taxonomy_term_id", "Services with this taxonomy term.",
                               {"type": "string", "format": "uuid"}),
    "taxonomy_id": _query("taxonomy_id", "Services with any term from this taxonomy.",
                          {"type": "string", "format": "uuid"}),
    "organization_id": _query("organization_id", "Services this organisation provides.",
                              {"type": "string", "format": "uuid"}),
    "modified_after": _query("modified_after", "Services changed on or after this date and time.",
                             {"type": "string", "format": "date-time"}),
    "minimum_age": _query("minimum_age", "Services whose minimum age is at least this.",
                          {"type": "number", "minimum": 0, "maximum": 150}),
    "maximum_age": _query("maximum_age", "Services whose maximum age is at or below this.",
                          {"type": "number", "minimum": 0, "maximum": 150}),
    "day": _query("day", "Services that run on this day: MO, TU, WE, TH, FR, SA or SU "
                  "(or the day's name).", {"type": "string"}),
    "start_time": _query("start_time", "Services with a session starting at or after this time "
                         "(HH:MM); with day, on that day.", {"type": "string", "format": "time"}),
    "end_time": _query("end_time", "Services with a session ending at or before this time "
                       "(HH:MM); with day, on that day.", {"type": "string", "format": "time"}),
    "postcode": _query("postcode", "A UK postcode: services with a location within proximity "
                       "of the centre of its outward code (5,000 m if proximity is not given).",
                       {"type": "string"}),
    "proximity": _query("proximity", "Distance from the postcode in metres (1 to 200,000).",
                        {"type": "integer", "minimum": 1, "maximum": 200000}),
}  # fmt: skip
SERVICE_FILTERS = [
    "search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "organization_id",
    "modified_after", "minimum_age", "maximum_age", "day", "start_time", "end_time", "postcode",
    "proximity",
]  # fmt: skip
PAGING = ["page", "per_page"]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict:
    return _json({"$ref": "#/components/schemas/Error"}, description)


def _list(summary: str, item: str, parameters: list[str]) -> dict:
    page = {"allOf": [{"$ref": "#/components/schemas/Page"}],
            "properties": {"contents": {"type": "array",
                                        "items": {"$ref": STANDARD_SCHEMAS + item}}}}  # fmt: skip
    return {"get": {
        "summary": summary,
        "parameters": [_ref(name) for name in parameters],
        "responses": {"200": _json(page, "A page of results."),
                      "400": _error("A parameter was not understood; detail says which.")},
    }}  # fmt: skip


def _one(summary: str, item: str) -> dict:
    return {"get": {
        "summary": summary,
        "parameters": [{"name": "id", "in": "path", "required": True,
                        "schema": {"type": "string", "format": "uuid"}}],
        "responses": {"200": _json({"$ref": STANDARD_SCHEMAS + item}, "Found."),
                      "404": _error("Nothing with that id is published.")},
    }}  # fmt: skip


def document(server_url: str) -> dict:
    """The whole OpenAPI 3.1 document, with the server it is served from."""
    index = {"type": "object", "properties": {
        "version": {"type": "string"}, "profile": {"type": "string", "format": "uri"},
        "openapi_url": {"type": "string", "format": "uri"}}}  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kinfolk community directory: Open Referral UK",
            "version": oruk.HSDS_VERSION,
            "description": "Read-only, public and CORS-open (Access-Control-Allow-Origin: *). "
            "Every answer, errors included, is JSON. Follows the Open Referral UK 3.0 profile.",
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": server_url}],
        "paths": {
            "/": {
                "get": {
                    "summary": "Which standard this API follows.",
                    "responses": {
                        "200": _json(index, "About this API."),
                        "404": _error("Not found."),
                    },
                }
            },
            "/services": _list(
                "Services (one-to-one fields).", "compiled/service_list.json", SERVICE_FILTERS
            ),
            "/services/{id}": _one("One service, fully nested.", "compiled/service.json"),
            "/service_at_locations": _list(
                "Services at their locations.",
                "compiled/service_at_location_list.json",
                SERVICE_FILTERS,
            ),
            "/service_at_locations/{id}": _one(
                "The service at a location, fully nested.", "compiled/service.json"
            ),
            "/taxonomies": _list("Taxonomies.", "taxonomy.json", PAGING),
            "/taxonomies/{id}": _one("One taxonomy with its terms.", "taxonomy.json"),
            "/taxonomy_terms": _list("Taxonomy terms.", "taxonomy_term.json", PAGING),
            "/taxonomy_terms/{id}": _one("One taxonomy term.", "taxonomy_term.json"),
            "/organizations": _list(
                "Organisations.", "compiled/organization_list.json", ["search", *PAGING]
            ),
            "/organizations/{id}": _one(
                "One organisation with its services.", "compiled/organization.json"
            ),
        },
        "components": {
            "parameters": PARAMETERS,
            "schemas": {
                "Page": {
                    "type": "object",
                    "properties": {
                        "total_items": {"type": "integer"},
                        "total_pages": {"type": "integer"},
                        "page_number": {"type": "integer"},
                        "size": {"type": "integer"},
                        "first_page": {"type": "boolean"},
                        "last_page": {"type": "boolean"},
                        "empty": {"type": "boolean"},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["detail"],
                    "properties": {"detail": {"type": "string"}},
                },
            },  # fmt: skip
        },
    }

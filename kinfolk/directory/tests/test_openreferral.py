"""The /openreferral/ API speaks Open Referral UK 3.0: every endpoint's responses validate
against the standard's compiled schemas in ../shared/standards/oruk-3.0."""

import json
from pathlib import Path

import pytest
from django.test import Client
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kinfolk.directory.tests.factories import service, term

STANDARD = Path(__file__).resolve().parents[3].parent / "shared" / "standards" / "oruk-3.0"


def _schema(relative: str) -> dict:
    path = STANDARD / relative
    if not path.exists():
        pytest.fail(
            f"The Open Referral UK schemas are not at {STANDARD} (../shared beside the repo)."
        )
    return json.loads(path.read_text())


def _registry() -> Registry:
    """The standard's schemas by file name, so their relative references resolve locally."""
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT202012))
        for path in (STANDARD / "schema").glob("*.json")
    ]
    return Registry().with_resources(resources)


def _assert_valid(schema: dict, data) -> None:
    validator = Draft202012Validator(schema, format_checker=FormatChecker(), registry=_registry())
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    ]
    assert errors == [], errors


def _assert_page(data: dict, item_schema: dict) -> None:
    page = _schema("schema/openapi.json")["components"]["schemas"]["Page"]
    _assert_valid(page, data)
    assert {"total_items", "total_pages", "page_number", "size", "contents"} <= set(data)
    for item in data["contents"]:
        _assert_valid(item_schema, item)


@pytest.fixture
def directory(area):
    active = term("Being active")
    walk = service(area, "Walking group, Halifax", category=active)
    service(area, "Community choir, Elland", category=term("Arts", active.taxonomy), amount=3,
            lat=53.685, lon=-1.84)  # fmt: skip
    service(area, "Hidden pending listing", status="pending")
    return walk, active


def get(path: str, **params):
    response = Client().get(path, params)
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


def test_the_index_says_which_standard(db):
    data = get("/openreferral/").json()
    assert data["version"] == "3.0"
    _assert_valid(_schema("schema/openapi.json")["paths"]["/"]["get"]["responses"]["200"]
                  ["content"]["application/json"]["schema"], data)  # fmt: skip


def test_services_list_and_one_service_validate(directory):
    walk, _ = directory
    data = get("/openreferral/services", per_page=10).json()
    _assert_page(data, _schema("schema/compiled/service_list.json"))
    assert data["total_items"] == 2  # the pending listing is not published
    full = get(f"/openreferral/services/{walk.pk}").json()
    _assert_valid(_schema("schema/compiled/service.json"), full)
    assert full["schedules"][0]["byday"] == "TU,TH"
    assert full["attributes"][0]["taxonomy_term"]["name"] == "Being active"


def test_service_at_locations_validate_and_filter_by_postcode(directory):
    data = get("/openreferral/service_at_locations", postcode="HX1 2AB", proximity=3000).json()
    _assert_page(data, _schema("schema/compiled/service_at_location_list.json"))
    assert [c["service"]["name"] for c in data["contents"]] == ["Walking group, Halifax"]
    sal = data["contents"][0]["id"]
    _assert_valid(_schema("schema/compiled/service.json"),
                  get(f"/openreferral/service_at_locations/{sal}").json())  # fmt: skip


def test_taxonomies_terms_and_organizations_validate(directory):
    walk, active = directory
    taxonomies = get("/openreferral/taxonomies").json()
    _assert_page(taxonomies, _schema("schema/taxonomy.json"))
    _assert_valid(_schema("schema/taxonomy.json"),
                  get(f"/openreferral/taxonomies/{active.taxonomy_id}").json())  # fmt: skip
    terms = get("/openreferral/taxonomy_terms").json()
    _assert_page(terms, _schema("schema/taxonomy_term.json"))
    _assert_valid(_schema("schema/taxonomy_term.json"),
                  get(f"/openreferral/taxonomy_terms/{active.pk}").json())  # fmt: skip
    orgs = get("/openreferral/organizations").json()
    _assert_page(orgs, _schema("schema/compiled/organization_list.json"))
    _assert_valid(_schema("schema/compiled/organization.json"),
                  get(f"/openreferral/organizations/{walk.organization_id}").json())  # fmt: skip


def test_filters_search_term_organization_and_modified_after(directory):
    walk, active = directory
    assert [
        s["name"] for s in get("/openreferral/services", search="choir").json()["contents"]
    ] == ["Community choir, Elland"]
    by_term = get("/openreferral/services", taxonomy_term_id=str(active.pk)).json()
    assert [s["id"] for s in by_term["contents"]] == [str(walk.pk)]
    by_org = get("/openreferral/services", organization_id=str(walk.organization_id)).json()
    assert by_org["total_items"] == 1
    assert get("/openreferral/services", modified_after="2999-01-01T00:00:00Z").json()["empty"]


def test_paging(directory):
    first = get("/openreferral/services", per_page=1, page=1).json()
    second = get("/openreferral/services", per_page=1, page=2).json()
    assert first["total_pages"] == 2 and first["first_page"] and not first["last_page"]
    assert second["last_page"] and first["contents"][0]["id"] != second["contents"][0]["id"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "x"}, "page must be a whole number"),
        ({"per_page": "1000"}, "per_page must be from 1 to 100"),
        ({"taxonomy_term_id": "nope"}, "taxonomy_term_id must be a UUID"),
        ({"modified_after": "yesterday"}, "modified_after must be a real date"),
    ],
)
def test_bad_parameters_get_a_clear_400(db, params, message):
    response = get("/openreferral/services", **params)
    assert response.status_code == 400 and message in response.json()["detail"]


def test_unknown_ids_are_404(db):
    assert Client().get("/openreferral/services/not-a-uuid").status_code == 404
    assert (
        Client().get("/openreferral/services/6f1c7d0e-2a4b-4c8e-9d3f-5a6b7c8d9e99").status_code
        == 404
    )

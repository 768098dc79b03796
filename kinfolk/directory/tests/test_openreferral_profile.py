"""Open Referral UK 3.0: the UK profile's filters, postcode with proximity, JSON and CORS on
every answer (errors and preflight included), and the OpenAPI document the index points to."""

from datetime import time

import pytest
from django.test import Client

from kinfolk.directory.models import Schedule, Service
from kinfolk.directory.tests.factories import service, term
from kinfolk.directory.tests.test_openreferral import _assert_page, _assert_valid, _schema


@pytest.fixture
def directory(area):
    active = term("Being active")
    walk = service(area, "Walking group, Halifax", category=active, byday="TU,TH", opens=10,
                   closes=12, minimum_age=18)  # fmt: skip
    choir = service(area, "Community choir, Elland", byday="SA", opens=18, closes=20,
                    lat=53.685, lon=-1.84)  # fmt: skip
    Service.objects.filter(pk=choir.pk).update(maximum_age=25)
    youth = service(area, "Youth club, Todmorden", byday="FR", opens=16, closes=18,
                    minimum_age=11, lat=53.714, lon=-2.097)  # fmt: skip
    Service.objects.filter(pk=youth.pk).update(maximum_age=18)
    Schedule.objects.create(service=youth, byday="SA", opens_at=time(10), closes_at=time(12))
    return walk, choir, youth


def listed(**params) -> list[str]:
    response = Client().get("/openreferral/services", params)
    assert response.status_code == 200, response.content
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    _assert_page(data, _schema("schema/compiled/service_list.json"))
    return sorted(s["name"] for s in data["contents"])


WALK, CHOIR, YOUTH = "Walking group, Halifax", "Community choir, Elland", "Youth club, Todmorden"


def test_minimum_and_maximum_age_as_the_profile_defines_them(directory):
    # "services with a minimum age of at least the value"; "a maximum age at or below it".
    assert listed(minimum_age=11) == [WALK, YOUTH]
    assert listed(minimum_age=16) == [WALK]
    assert listed(maximum_age=18) == [YOUTH]
    assert listed(maximum_age=30) == [CHOIR, YOUTH]
    assert listed(minimum_age=11, maximum_age=18) == [YOUTH]


def test_day_start_time_and_end_time_match_one_schedule(directory):
    assert listed(day="SA") == [CHOIR, YOUTH]
    assert listed(day="saturday") == [CHOIR, YOUTH]
    assert listed(start_time="16:00") == [CHOIR, YOUTH]
    assert listed(end_time="12:00") == [WALK, YOUTH]
    assert listed(day="SA", start_time="17:00") == [CHOIR]
    assert listed(day="SA", end_time="12:00") == [YOUTH]
    assert listed(day="FR", start_time="09:00", end_time="18:00:00") == [YOUTH]
    assert listed(day="MO") == []


def test_postcode_with_proximity_in_metres(directory):
    # HX1 is Halifax; the choir in Elland is about 4.5 km away, Todmorden about 15 km.
    assert listed(postcode="HX1 2AB", proximity=2000) == [WALK]
    assert listed(postcode="HX1 2AB", proximity=6000) == [CHOIR, WALK]
    assert listed(postcode="HX1 2AB", proximity=20000) == [CHOIR, WALK, YOUTH]
    assert listed(postcode="HX1 2AB") == [CHOIR, WALK]  # 5,000 m when proximity is not given
    near = {"postcode": "HX1 2AB", "proximity": 2000}
    sals = Client().get("/openreferral/service_at_locations", near).json()
    assert [c["service"]["name"] for c in sals["contents"]] == [WALK]


def test_proximity_is_a_true_distance_not_a_box(directory, area):
    # About 2.6 km north-east of HX1's centre in a straight line: inside a 2 km-half-width box.
    corner = service(area, "Corner case", lat=53.7235 + 0.0165, lon=-1.864 + 0.0275)
    assert corner.name not in listed(postcode="HX1 2AB", proximity=2000)
    assert corner.name in listed(postcode="HX1 2AB", proximity=3000)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"minimum_age": "old"}, "minimum_age must be a number"),
        ({"maximum_age": "-1"}, "maximum_age must be from 0 to 150"),
        ({"day": "someday"}, "day must be a day of the week"),
        ({"start_time": "25:00"}, "start_time must be a time of day"),
        ({"end_time": "noon"}, "end_time must be a time of day"),
        ({"proximity": "far", "postcode": "HX1 2AB"}, "proximity must be a whole number"),
        ({"postcode": "ZZ9 9ZZ"}, "We do not know where ZZ9 9ZZ is"),
    ],
)
def test_bad_profile_filters_get_a_clear_400(db, params, message):
    response = Client().get("/openreferral/services", params)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert message in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/openreferral/services/6f1c7d0e-2a4b-4c8e-9d3f-5a6b7c8d9e99",
        "/openreferral/services/not-a-uuid",
        "/openreferral/organizations/6f1c7d0e-2a4b-4c8e-9d3f-5a6b7c8d9e99",
        "/openreferral/service_at_locations/nope",
        "/openreferral/taxonomies/nope",
        "/openreferral/taxonomy_terms/nope",
        "/openreferral/no_such_thing",
        "/openreferral/services/",
    ],
)
def test_unknown_things_are_a_json_404_with_cors(db, path):
    response = Client().get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["detail"].startswith("Not found")


def test_cors_preflight_is_answered(db):
    response = Client().options(
        "/openreferral/services",
        HTTP_ORIGIN="https://finder.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "accept" in response["Access-Control-Allow-Headers"].lower()
    assert int(response["Access-Control-Max-Age"]) > 0


def test_a_server_error_is_json_with_cors_too(db, monkeypatch):
    from kinfolk.directory import selectors

    def broken():
        raise RuntimeError("the database went away")

    monkeypatch.setattr(selectors, "taxonomies", broken)
    response = Client().get("/openreferral/taxonomies")
    assert response.status_code == 500 and response["Access-Control-Allow-Origin"] == "*"
    assert "Something went wrong on our side" in response.json()["detail"]
    assert "database" not in response.json()["detail"]


def test_head_is_a_read(db):
    response = Client().head("/openreferral/services")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"


def test_other_methods_are_a_json_405_with_cors(db):
    for method in ("post", "put", "delete", "patch"):
        response = getattr(Client(), method)("/openreferral/services")
        assert response.status_code == 405, method
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert "read-only" in response.json()["detail"]


def test_the_index_points_to_an_openapi_document_for_these_endpoints(db):
    index = Client().get("/openreferral/").json()
    assert index["openapi_url"] == "http://testserver/openreferral/openapi.json"
    _assert_valid(_schema("schema/openapi.json")["paths"]["/"]["get"]["responses"]["200"]
                  ["content"]["application/json"]["schema"], index)  # fmt: skip
    response = Client().get("/openreferral/openapi.json")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] and document["info"]["version"]
    expected = {
        "/", "/services", "/services/{id}", "/service_at_locations",
        "/service_at_locations/{id}", "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms",
        "/taxonomy_terms/{id}", "/organizations", "/organizations/{id}",
    }  # fmt: skip
    assert set(document["paths"]) == expected


def test_the_openapi_document_lists_every_filter_the_services_list_accepts(db):
    document = Client().get("/openreferral/openapi.json").json()
    defined = document["components"]["parameters"]
    params = {
        defined[p["$ref"].rsplit("/", 1)[1]]["name"]
        for p in document["paths"]["/services"]["get"]["parameters"]
    }
    assert params >= {
        "search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "organization_id",
        "modified_after", "minimum_age", "maximum_age", "day", "start_time", "end_time",
        "postcode", "proximity",
    }  # fmt: skip
    standard = _schema("schema/openapi.json")["components"]["parameters"]
    for name in params:
        assert name in standard, f"{name} is not a parameter of the standard"


def test_the_openapi_document_has_responses_and_its_references_resolve(db):
    document = Client().get("/openreferral/openapi.json").json()

    def refs(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from [value] if key == "$ref" else refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    for ref in refs(document):
        if ref.startswith("#/"):
            target = document
            for part in ref[2:].split("/"):
                target = target[part]
        else:
            assert ref.startswith("https://raw.githubusercontent.com/openreferral/"), ref
    for path, operations in document["paths"].items():
        answers = set(operations["get"]["responses"])
        assert "200" in answers and answers & {"400", "404"}, path
        if "{id}" in path:
            assert "404" in answers, path

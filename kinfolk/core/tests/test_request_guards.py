"""Guards every request passes: NUL characters are a clear 400 (PostgreSQL text cannot hold
them), impossible dates are a 400, `back` only goes to this site, and personal data is never
stored in a browser or proxy cache."""

import json

import pytest
from django.test import Client

from kinfolk.accounts.models import Role
from kinfolk.accounts.tests.factories import api_token_for
from kinfolk.core.redirects import same_site_path
from kinfolk.directory.tests.factories import service
from kinfolk.people.models import Person
from kinfolk.people.tests.factories import AssignmentFactory


@pytest.fixture
def worker(make_member, area):
    return make_member(Role.SCHEME_WORKER, area)


@pytest.fixture
def api(worker):
    token = api_token_for(worker)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _json(client, method, url, body: str):
    return client.generic(method, url, body, content_type="application/json")


# --- NUL characters --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        json.dumps({"given_name": "Ada\u0000", "family_name": "Lovelace"}),
        json.dumps({"given_name": "Ada", "family_name": "Lovelace", "address": "1 High St\x00"}),
        json.dumps({"given_name": "Ada", "family_name": "Lovelace", "\u0000": "x"}),
    ],
)
def test_a_nul_in_a_json_string_is_a_clear_400_and_stores_nothing(api, body):
    response = _json(api, "POST", "/api/v1/people", body)
    assert response.status_code == 400
    assert "NUL character" in response.json()["detail"]
    assert not Person.objects.exists()


def test_a_nul_in_a_patch_changes_nothing(api, worker, person):
    AssignmentFactory(person=person, worker=worker.user)
    body = json.dumps({"what_matters_to_me": "Gardening\u0000"})
    response = _json(api, "PATCH", f"/api/v1/people/{person.pk}", body)
    assert response.status_code == 400 and "NUL character" in response.json()["detail"]
    assert Person.objects.get(pk=person.pk).what_matters_to_me == person.what_matters_to_me


def test_a_raw_nul_byte_in_a_body_is_a_clear_400(api):
    response = _json(api, "POST", "/api/v1/people", '{"given_name": "A\x00"}')
    assert response.status_code == 400 and "NUL character" in response.json()["detail"]


def test_an_escaped_backslash_before_u0000_is_not_a_nul(api):
    body = json.dumps({"given_name": "Ada", "family_name": "Lovelace", "can_do": "\\u0000"})
    assert _json(api, "POST", "/api/v1/people", body).status_code == 201


@pytest.mark.parametrize(
    "url",
    [
        "/openreferral/services?search=walk%00ing",
        "/openreferral/services?modified_after=2024-01-01%00",
        "/openreferral/services?%00=1",
        "/api/v1/people?x=%00",
    ],
)
def test_a_nul_in_a_query_string_is_a_clear_400(api, url):
    response = api.get(url)
    assert response.status_code == 400 and "NUL character" in response.json()["detail"]


def test_a_nul_in_a_form_is_a_clear_400(worker, signed_in_client):
    client = signed_in_client(worker)
    response = client.post("/people/new/", {"given_name": "Ada\x00", "family_name": "Lovelace"})
    assert response.status_code == 400 and b"NUL character" in response.content
    assert not Person.objects.exists()


def test_a_public_search_with_a_nul_is_a_clear_400(db):
    response = Client().get("/directory/", {"q": "walk\x00"})
    assert response.status_code == 400


# --- impossible dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["2024-13-45", "2024-13-45T00:00:00Z", "2024-02-30T10:00:00", "2024-01-01T25:61:00Z"],
)
def test_an_impossible_modified_after_is_a_clear_400(db, value):
    response = Client().get("/openreferral/services", {"modified_after": value})
    assert response.status_code == 400
    assert "modified_after must be a real date" in response.json()["detail"]


def test_a_date_without_a_time_zone_is_read_as_utc(area):
    service(area, "Walking group")
    response = Client().get("/openreferral/services", {"modified_after": "2000-01-01"})
    assert response.status_code == 200 and response.json()["total_items"] == 1


# --- back ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "back",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "/\t/evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "evil.example",
        "",
    ],
)
def test_back_on_the_shortlist_form_only_goes_to_this_site(
    area, make_member, signed_in_client, back
):
    client = signed_in_client(make_member(Role.LINK_WORKER, area))
    response = client.post("/directory/shortlists/", {"back": back})
    assert response.status_code == 302 and response["Location"] == "/directory/"


def test_back_to_a_page_on_this_site_still_works(area, make_member, signed_in_client):
    client = signed_in_client(make_member(Role.LINK_WORKER, area))
    response = client.post("/directory/shortlists/", {"back": "/directory/?q=walk"})
    assert response["Location"] == "/directory/?q=walk"
    assert same_site_path("/people/") == "/people/" and same_site_path("//x") is None


# --- Cache-Control ---------------------------------------------------------------------------


def test_signed_in_pages_are_never_stored(worker, person, signed_in_client):
    AssignmentFactory(person=person, worker=worker.user)
    client = signed_in_client(worker)
    for url in ("/", f"/people/{person.pk}/", "/directory/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "no-store", url


def test_half_signed_in_pages_are_never_stored(worker):
    import pyotp

    from kinfolk.accounts.tests.factories import PASSWORD

    user = worker.user
    user.totp_secret, user.mfa_enabled = pyotp.random_base32(), True
    user.save()
    client = Client()
    response = client.post("/accounts/login/", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302  # on to the code step: a half-signed-in session
    page = client.get(response.url)
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"


def test_api_responses_with_a_token_are_never_stored(api, worker, person):
    AssignmentFactory(person=person, worker=worker.user)
    for url in (f"/api/v1/people/{person.pk}", "/api/v1/people", "/api/v1/me"):
        response = api.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "no-store", url
    assert Client(HTTP_AUTHORIZATION="Bearer kf_wrong").get("/api/v1/me")["Cache-Control"] == (
        "no-store"
    )


def test_public_pages_are_unaffected(db):
    for url in ("/directory/", "/openreferral/services"):
        response = Client().get(url)
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", ""), url

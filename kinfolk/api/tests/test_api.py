"""The JSON API: token and session auth, the same rules as the pages, clear errors, no 500s."""

import json

import pytest
from django.test import Client

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import ApiToken, Role
from kinfolk.accounts.services import api_token_issue
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.people.tests.factories import AssignmentFactory


@pytest.fixture
def worker(make_member, area):
    return make_member(Role.SCHEME_WORKER, area)


@pytest.fixture
def token(worker):
    worker.user.mfa_enabled = True
    worker.user.save(update_fields=["mfa_enabled"])
    return api_token_issue(
        actor=Actor(user=worker.user, membership=worker), name="Reports", second_step_done=True
    )


def _api(token=None):
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}") if token else Client()


def _json(client, method, url, body=None):
    response = client.generic(
        method, url, json.dumps(body) if body is not None else "", content_type="application/json"
    )
    return response, response.json() if response.content else None


def test_a_token_identifies_the_caller_and_their_role(token, worker):
    response, data = _json(_api(token), "GET", "/api/v1/me")
    assert response.status_code == 200
    assert data["email"] == worker.user.email and data["acting_as"]["role"] == "scheme_worker"


def test_only_a_hash_of_the_token_is_stored(token):
    stored = ApiToken.objects.get()
    assert stored.token_hash != token and token not in stored.token_hash


def test_no_token_or_a_wrong_one_gets_401_as_json(db):
    for client in (_api(), _api("kf_wrong")):
        response, data = _json(client, "GET", "/api/v1/people")
        assert response.status_code == 401
        assert data == {"detail": "Sign in, or send a valid API token."}


def test_a_revoked_token_stops_working(token):
    from django.utils import timezone

    ApiToken.objects.update(revoked_at=timezone.now())
    assert _json(_api(token), "GET", "/api/v1/me")[0].status_code == 401


def test_a_worker_reads_an_allocated_persons_record_and_the_read_is_audited(token, worker, person):
    AssignmentFactory(person=person, worker=worker.user)
    response, data = _json(_api(token), "GET", f"/api/v1/people/{person.pk}")
    assert response.status_code == 200 and data["given_name"] == "Sam"
    assert AuditLog.objects.filter(action=AuditAction.VIEW, person_id=person.pk).exists()


def test_an_unallocated_worker_is_refused_with_a_clear_message(token, person):
    response, data = _json(_api(token), "GET", f"/api/v1/people/{person.pk}")
    assert response.status_code == 403
    assert "do not have a reason" in data["detail"]
    assert AuditLog.objects.filter(action=AuditAction.DENIED, person_id=person.pk).exists()


def test_create_then_patch_a_person(token):
    response, created = _json(
        _api(token),
        "POST",
        "/api/v1/people",
        {
            "given_name": "Ada",
            "family_name": "Lovelace",
            "nhs_number": "943 476 5919",
            "date_of_birth": "1958-03-27",
        },
    )
    assert response.status_code == 201 and created["nhs_number"] == "9434765919"
    response, patched = _json(
        _api(token),
        "PATCH",
        f"/api/v1/people/{created['id']}",
        {"what_matters_to_me": "My allotment"},
    )
    assert response.status_code == 200 and patched["what_matters_to_me"] == "My allotment"
    assert patched["given_name"] == "Ada"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"given_name": "Ada", "family_name": "Lovelace", "nhs_number": "9434765918"},
            "Enter a valid NHS number",
        ),
        ({"given_name": "", "family_name": "Lovelace"}, "given_name"),
        (
            {"given_name": "Ada", "family_name": "Lovelace", "date_of_birth": "27/03/1958"},
            "date_of_birth",
        ),
        ({"family_name": "Lovelace"}, "given_name"),
        ({"given_name": "Ada", "family_name": "Lovelace", "favourite_colour": "red"}, None),
    ],
)
def test_bad_input_gets_422_with_a_clear_message_and_changes_nothing(token, body, message):
    from kinfolk.people.models import Person

    response, data = _json(_api(token), "POST", "/api/v1/people", body)
    if message is None:  # unknown fields are ignored, not an error
        assert response.status_code == 201
        return
    assert response.status_code == 422
    assert message in data["detail"]
    assert not Person.objects.exists()


@pytest.mark.parametrize("raw", ["not json", "[]", '{"given_name": 3}', ""])
def test_malformed_bodies_never_cause_a_500(token, raw):
    response = _api(token).generic("POST", "/api/v1/people", raw, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()


def test_an_unknown_person_is_a_404_and_a_malformed_id_a_422(token):
    response, data = _json(
        _api(token), "GET", "/api/v1/people/2f1c1c9e-0000-4000-8000-000000000000"
    )
    assert response.status_code == 404 and data == {"detail": "Not found."}
    response, data = _json(_api(token), "GET", "/api/v1/people/not-a-uuid")
    assert response.status_code in (404, 422)


def test_the_person_shares_their_record_through_the_api(make_member, area, person):
    me = make_member(Role.PERSON, area)
    person.user = me.user
    person.save()
    daughter = make_member(Role.REPRESENTATIVE, area)
    token = api_token_issue(actor=Actor(user=me.user, membership=me), name="My app")
    response, grant = _json(
        _api(token),
        "POST",
        f"/api/v1/people/{person.pk}/grants",
        {"grantee_email": daughter.user.email, "relationship": "family", "scope": "view"},
    )
    assert response.status_code == 201 and grant["scope"] == "view"
    response, grants = _json(_api(token), "GET", f"/api/v1/people/{person.pk}/grants")
    assert [g["grantee_email"] for g in grants] == [daughter.user.email]
    response, _ = _json(_api(token), "DELETE", f"/api/v1/people/{person.pk}/grants/{grant['id']}")
    assert response.status_code == 204
    assert _json(_api(token), "GET", f"/api/v1/people/{person.pk}/grants")[1] == []


def test_session_auth_needs_csrf_for_unsafe_methods(worker):
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker.user)
    response = client.post(
        "/api/v1/people",
        json.dumps({"given_name": "A", "family_name": "B"}),
        content_type="application/json",
    )
    assert response.status_code in (401, 403)


def test_the_openapi_document_describes_every_operation(db):
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Kinfolk API"
    for path in (
        "/api/v1/people",
        "/api/v1/people/{person_id}",
        "/api/v1/me",
        "/api/v1/people/{person_id}/grants",
        "/api/v1/people/{person_id}/emergency-access",
    ):
        assert path in schema["paths"], path
    for methods in schema["paths"].values():
        for operation in methods.values():
            assert operation.get("summary"), operation

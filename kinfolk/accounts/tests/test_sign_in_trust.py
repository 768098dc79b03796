"""Signing in under attack: slowed not locked, the real client address, passwords, API tokens."""

import json
import re
from datetime import timedelta

import pyotp
import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import ApiToken, Role, SignInAttempt
from kinfolk.accounts.services import api_token_issue
from kinfolk.accounts.tests.factories import PASSWORD
from kinfolk.core.models import AuditLog

LOGIN = "/accounts/login/"
NEW_PASSWORD = "heron-lantern-quietly-42"


def _try(email, password=PASSWORD, **headers) -> Client:
    client = Client(**headers)
    client.post(LOGIN, {"email": email, "password": password})
    return client


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _age_failures(seconds: int) -> None:
    SignInAttempt.objects.update(at=timezone.now() - timedelta(seconds=seconds))


@pytest.fixture
def person_member(make_member, area):
    return make_member(Role.PERSON, area)


# Guessing one account


def test_failures_slow_an_account_down_and_then_let_the_owner_in(person_member):
    email = person_member.user.email
    for _ in range(5):
        _try(email, "wrong-password")
    refused = Client()
    page = refused.post(LOGIN, {"email": email, "password": PASSWORD}).content.decode()
    assert "wait 1 minute" in page and not _signed_in(refused)
    _age_failures(31)
    assert _signed_in(_try(email))


def test_each_further_failure_doubles_the_wait_up_to_a_ceiling(person_member):
    email = person_member.user.email
    for _ in range(12):
        _try(email, "wrong-password")
        _age_failures(10_000)  # let every try through, so each one counts
    _age_failures(0)
    page = Client().post(LOGIN, {"email": email, "password": PASSWORD}).content.decode()
    assert "wait 10 minutes" in page


def test_tries_made_while_waiting_are_not_counted(person_member):
    email = person_member.user.email
    for _ in range(5):
        _try(email, "wrong-password")
    for _ in range(20):
        _try(email, "wrong-password")
    assert SignInAttempt.objects.filter(email=email).count() == 5


def test_the_owner_is_told_when_someone_guesses_at_their_account(person_member):
    for _ in range(5):
        _try(person_member.user.email, "wrong-password")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person_member.user.email]
    assert "several failed attempts to sign in" in mail.outbox[0].body


def test_the_owner_is_not_slowed_on_an_address_they_have_signed_in_from(person_member):
    email = person_member.user.email
    SignInAttempt.objects.create(email=email, ip_address="198.51.100.7", succeeded=True)
    for _ in range(8):
        _try(email, "wrong-password", REMOTE_ADDR="203.0.113.5")
    assert not _signed_in(_try(email, REMOTE_ADDR="203.0.113.5"))
    assert _signed_in(_try(email, REMOTE_ADDR="198.51.100.7"))


# A flood from one address


def test_a_flood_from_one_address_does_not_stop_people_who_sign_in_there(person_member):
    email = person_member.user.email
    SignInAttempt.objects.create(email=email, ip_address="127.0.0.1", succeeded=True)
    for n in range(30):
        _try(f"guess{n}@example.test", "wrong-password")
    assert not _signed_in(_try("guess99@example.test", "wrong-password"))
    assert _signed_in(_try(email))


@override_settings(KINFOLK_TRUSTED_PROXIES=1)
def test_behind_a_trusted_proxy_each_client_is_told_apart(person_member):
    for n in range(30):
        _try(f"guess{n}@example.test", "x", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert SignInAttempt.objects.filter(ip_address="203.0.113.5").count() == 20
    # Someone else behind the same proxy, never seen before, is not slowed.
    client = _try(person_member.user.email, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert _signed_in(client)


@override_settings(KINFOLK_TRUSTED_PROXIES=1)
def test_a_client_cannot_forge_its_address_past_a_trusted_proxy(person_member):
    for n in range(30):
        # The proxy appends the real address; what the client wrote before it is ignored.
        _try(f"guess{n}@example.test", "x", HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 203.0.113.5")
    assert set(SignInAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}


def test_without_trusted_proxies_the_forwarded_header_is_ignored(person_member):
    _try(person_member.user.email, "x", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert SignInAttempt.objects.get().ip_address == "127.0.0.1"


# Changing and resetting a password


def test_changing_a_password_needs_the_current_one(person_member, signed_in_client):
    user = person_member.user
    client = signed_in_client(person_member)
    url = reverse("accounts:password_change")
    page = client.post(url, {"current_password": "wrong", "new_password": NEW_PASSWORD})
    assert "Your current password is not right" in page.content.decode()
    page = client.post(url, {"current_password": PASSWORD, "new_password": "short"})
    assert "too short" in page.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

    response = client.post(url, {"current_password": PASSWORD, "new_password": NEW_PASSWORD})
    assert response.url == reverse("accounts:security")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get("/accounts/security/").status_code == 200  # still signed in here
    assert "password for your Kinfolk account was changed" in mail.outbox[-1].body
    assert AuditLog.objects.filter(target_id=str(user.pk), detail={"password": "changed"})


def _reset_link() -> str:
    return re.search(r"http://testserver(/accounts/password-reset/\S+/)", mail.outbox[-1].body)[1]


def test_a_reset_link_is_emailed_and_works_once(person_member):
    user = person_member.user
    page = Client().post(reverse("accounts:password_reset"), {"email": user.email.upper()})
    assert "we have sent it a link" in page.content.decode()
    link = _reset_link()
    client = Client()
    assert "Choose a new password" in client.get(link).content.decode()
    response = client.post(link, {"new_password": NEW_PASSWORD})
    assert response.url == LOGIN
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    again = Client().post(link, {"new_password": "another-long-password-9"})
    assert again.status_code == 400 and "This link no longer works" in again.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_a_reset_request_never_reveals_whether_an_account_exists(person_member):
    url = reverse("accounts:password_reset")
    known = Client().post(url, {"email": person_member.user.email}).content.decode()
    unknown = Client().post(url, {"email": "nobody@example.test"}).content.decode()
    assert known.replace(person_member.user.email, "X") == unknown.replace(
        "nobody@example.test", "X"
    )
    assert len(mail.outbox) == 1


def test_a_tampered_reset_link_changes_nothing(person_member):
    Client().post(reverse("accounts:password_reset"), {"email": person_member.user.email})
    link = _reset_link()
    forged = link[:-3] + ("a" if link[-3] != "a" else "b") + link[-2:]
    response = Client().post(forged, {"new_password": NEW_PASSWORD})
    assert response.status_code == 400
    person_member.user.refresh_from_db()
    assert person_member.user.check_password(PASSWORD)


def test_a_reset_password_does_not_skip_two_step_verification(make_member, area):
    membership = make_member(Role.SCHEME_WORKER, area)
    user = membership.user
    user.totp_secret, user.mfa_enabled = pyotp.random_base32(), True
    user.save()
    Client().post(reverse("accounts:password_reset"), {"email": user.email})
    Client().post(_reset_link(), {"new_password": NEW_PASSWORD})
    client = Client()
    response = client.post(LOGIN, {"email": user.email, "password": NEW_PASSWORD})
    assert response.url == reverse("accounts:mfa_verify") and not _signed_in(client)


# API tokens


def _api(token):
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_a_token_lasts_90_days_by_default_and_stops_when_it_expires(person_member):
    token = api_token_issue(
        actor=Actor(user=person_member.user, membership=person_member), name="App"
    )
    stored = ApiToken.objects.get()
    assert (stored.expires_at - timezone.now()).days == 89
    assert _api(token).get("/api/v1/me").status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _api(token).get("/api/v1/me").status_code == 401


def test_the_expiry_is_chosen_when_the_token_is_made(person_member, signed_in_client):
    client = signed_in_client(person_member)
    client.post(reverse("accounts:security"), {"name": "Spreadsheet", "days": "30"})
    stored = ApiToken.objects.get()
    assert (stored.expires_at - timezone.now()).days == 29
    page = client.get(reverse("accounts:security")).content.decode()
    assert "Spreadsheet" in page and "Not used yet" in page


def test_a_token_is_revoked_on_the_security_page(person_member, signed_in_client):
    actor = Actor(user=person_member.user, membership=person_member)
    token = api_token_issue(actor=actor, name="App")
    _api(token).get("/api/v1/me")
    client = signed_in_client(person_member)
    page = client.get(reverse("accounts:security")).content.decode()
    assert "Not used yet" not in page  # last use is shown
    stored = ApiToken.objects.get()
    client.post(reverse("accounts:api_token_revoke", args=[stored.pk]))
    assert _api(token).get("/api/v1/me").status_code == 401


def test_a_token_is_listed_and_revoked_through_the_api(person_member):
    actor = Actor(user=person_member.user, membership=person_member)
    token = api_token_issue(actor=actor, name="App")
    listed = _api(token).get("/api/v1/tokens").json()
    assert [t["name"] for t in listed] == ["App"] and listed[0]["last_used_at"]
    response = _api(token).delete(f"/api/v1/tokens/{listed[0]['id']}")
    assert response.status_code == 204
    assert _api(token).get("/api/v1/me").status_code == 401


def test_nobody_can_revoke_someone_elses_token(person_member, make_member, area):
    theirs = api_token_issue(
        actor=Actor(user=person_member.user, membership=person_member), name="App"
    )
    other = make_member(Role.PERSON, area)
    mine = api_token_issue(actor=Actor(user=other.user, membership=other), name="Mine")
    their_id = ApiToken.objects.get(membership=person_member).pk
    assert _api(mine).delete(f"/api/v1/tokens/{their_id}").status_code == 404
    assert _api(theirs).get("/api/v1/me").status_code == 200


def test_staff_need_a_verified_second_step_to_make_a_token(make_member, area, signed_in_client):
    worker = make_member(Role.LINK_WORKER, area)
    client = signed_in_client(worker)
    page = client.get(reverse("accounts:security")).content.decode()
    assert "you can only create a token after you have signed in with two-step" in page
    page = client.post(reverse("accounts:security"), {"name": "Reports", "days": "90"})
    assert "Set up two-step verification, then sign in with it" in page.content.decode()
    assert not ApiToken.objects.exists()

    user = worker.user
    user.totp_secret, user.mfa_enabled = pyotp.random_base32(), True
    user.save()
    verified = Client()
    verified.post(LOGIN, {"email": user.email, "password": PASSWORD})
    verified.post(reverse("accounts:mfa_verify"), {"code": pyotp.TOTP(user.totp_secret).now()})
    verified.post(reverse("accounts:security"), {"name": "Reports", "days": "90"})
    assert ApiToken.objects.filter(membership=worker).exists()


def test_an_api_token_cannot_be_used_to_make_tokens(person_member):
    token = api_token_issue(
        actor=Actor(user=person_member.user, membership=person_member), name="App"
    )
    response = _api(token).post(
        "/api/v1/tokens", json.dumps({"name": "x"}), content_type="application/json"
    )
    assert response.status_code == 405
    assert ApiToken.objects.count() == 1


@override_settings(PASSWORD_RESET_TIMEOUT=-1)
def test_a_reset_link_stops_working_when_it_is_too_old(person_member):
    Client().post(reverse("accounts:password_reset"), {"email": person_member.user.email})
    response = Client().get(_reset_link())
    assert response.status_code == 400 and "too old" in response.content.decode()


def test_at_most_three_reset_emails_an_hour_go_to_one_address(person_member):
    from django.core.cache import cache

    cache.clear()
    for _ in range(5):
        Client().post(reverse("accounts:password_reset"), {"email": person_member.user.email})
    assert len(mail.outbox) == 3


def test_a_common_or_all_number_password_is_refused(person_member, signed_in_client):
    client = signed_in_client(person_member)
    url = reverse("accounts:password_change")
    for weak, says in (("password1234", "too common"), ("918273645546", "entirely numeric")):
        page = client.post(url, {"current_password": PASSWORD, "new_password": weak})
        assert says in page.content.decode()
    person_member.user.refresh_from_db()
    assert person_member.user.check_password(PASSWORD)


def test_each_sign_in_step_gets_a_new_session_key(make_member, area):
    member = make_member(Role.SCHEME_WORKER, area)
    user = member.user
    user.totp_secret, user.mfa_enabled = pyotp.random_base32(), True
    user.save()
    client = Client()
    client.get(LOGIN)
    before = client.session.session_key
    client.post(LOGIN, {"email": user.email, "password": PASSWORD})
    half = client.session.session_key
    client.post(reverse("accounts:mfa_verify"), {"code": pyotp.TOTP(user.totp_secret).now()})
    assert len({before, half, client.session.session_key}) == 3

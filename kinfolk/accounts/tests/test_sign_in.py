"""Sign-in: throttling and lockout, two-step verification for staff, one-use codes, sign-out."""

import pyotp
import pytest
from django.test import Client, override_settings
from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.accounts.services import mfa_required, totp_verify
from kinfolk.accounts.tests.factories import PASSWORD
from kinfolk.core.models import AuditAction, AuditLog

LOGIN = "/accounts/login/"


def _sign_in(client, email, password=PASSWORD):
    return client.post(LOGIN, {"email": email, "password": password})


@pytest.fixture
def person_member(make_member, area):
    return make_member(Role.PERSON, area)


@pytest.fixture
def worker_member(make_member, area):
    return make_member(Role.SCHEME_WORKER, area)


def test_a_person_signs_in_with_email_and_password(person_member):
    client = Client()
    response = _sign_in(client, person_member.user.email)
    assert response.status_code == 302 and response.url == "/"
    assert client.get("/accounts/security/").status_code == 200
    assert AuditLog.objects.filter(action=AuditAction.SIGN_IN, actor=person_member.user).exists()


def test_a_wrong_password_is_refused_with_a_clear_message_and_audited(person_member):
    response = _sign_in(Client(), person_member.user.email, "wrong-password")
    assert response.status_code == 200
    assert "The email address or password is not right" in response.content.decode()
    assert AuditLog.objects.filter(action=AuditAction.SIGN_IN_FAILED).count() == 1


def test_five_failures_lock_the_account_even_with_the_right_password(person_member):
    client = Client()
    for _ in range(5):
        _sign_in(client, person_member.user.email, "wrong-password")
    response = _sign_in(client, person_member.user.email)
    assert "too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(KINFOLK_SIGN_IN_WINDOW_MINUTES=0)
def test_the_lock_lifts_when_the_window_has_passed(person_member):
    client = Client()
    for _ in range(5):
        _sign_in(client, person_member.user.email, "wrong-password")
    assert _sign_in(client, person_member.user.email).status_code == 302


def test_staff_must_set_up_two_step_verification_before_they_get_in(worker_member):
    client = Client()
    response = _sign_in(client, worker_member.user.email)
    assert response.url == reverse("accounts:mfa_setup")
    assert client.get("/accounts/security/").status_code == 302  # not signed in yet
    assert "totp-secret" in client.get(reverse("accounts:mfa_setup")).content.decode()
    secret = client.session["mfa_enrol_secret"]
    response = client.post(reverse("accounts:mfa_setup"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    assert client.get("/accounts/security/").status_code == 200
    worker_member.user.refresh_from_db()
    assert worker_member.user.mfa_enabled


def test_staff_with_mfa_need_a_right_code(worker_member):
    user = worker_member.user
    user.totp_secret, user.mfa_enabled = pyotp.random_base32(), True
    user.save()
    client = Client()
    assert _sign_in(client, user.email).url == reverse("accounts:mfa_verify")
    response = client.post(reverse("accounts:mfa_verify"), {"code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert client.get("/accounts/security/").status_code == 302
    client.post(reverse("accounts:mfa_verify"), {"code": pyotp.TOTP(user.totp_secret).now()})
    assert client.get("/accounts/security/").status_code == 200


def test_a_code_cannot_be_used_twice(worker_member):
    user = worker_member.user
    user.totp_secret, user.mfa_enabled = pyotp.random_base32(), True
    user.save()
    code = pyotp.TOTP(user.totp_secret).now()
    assert totp_verify(user=user, code=code)
    assert not totp_verify(user=user, code=code)


@override_settings(KINFOLK_DEMO=True)
def test_in_demo_mode_mfa_is_offered_not_enforced(worker_member):
    assert not mfa_required(worker_member.user)


def test_people_and_representatives_are_not_forced_to_use_mfa(person_member):
    assert not mfa_required(person_member.user)


def test_sign_out_needs_a_post_and_ends_the_session(signed_in_client, person_member):
    client = signed_in_client(person_member)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get("/accounts/security/").status_code == 302


def test_next_cannot_send_people_to_another_site(person_member):
    client = Client()
    response = client.post(
        LOGIN + "?next=https://evil.example/",
        {"email": person_member.user.email, "password": PASSWORD},
    )
    assert response.url == "/"


def test_a_user_with_several_roles_chooses_which_to_act_in(make_member, area, signed_in_client):
    worker = make_member(Role.LINK_WORKER, area)
    from kinfolk.accounts.tests.factories import MembershipFactory

    admin = MembershipFactory(user=worker.user, area=area, role=Role.AREA_ADMIN)
    client = signed_in_client(worker)
    assert client.get(reverse("accounts:memberships")).status_code == 403
    client.post(reverse("accounts:acting_as"), {"membership": admin.pk})
    assert client.get(reverse("accounts:memberships")).status_code == 200


def test_a_user_cannot_act_through_someone_elses_membership(make_member, area, signed_in_client):
    mine = make_member(Role.PERSON, area)
    theirs = make_member(Role.AREA_ADMIN, area)
    client = signed_in_client(mine)
    response = client.post(reverse("accounts:acting_as"), {"membership": theirs.pk})
    assert response.status_code == 200  # the form refuses the choice
    assert client.get(reverse("accounts:memberships")).status_code == 403

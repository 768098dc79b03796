"""Two-step verification cannot be skipped or replaced: recovery codes and the admin's reset."""

import pyotp
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from kinfolk.accounts.models import RecoveryCode, Role
from kinfolk.accounts.services import recovery_codes_issue
from kinfolk.accounts.tests.factories import PASSWORD
from kinfolk.core.models import AuditLog

LOGIN = "/accounts/login/"
SETUP = reverse("accounts:mfa_setup")
VERIFY = reverse("accounts:mfa_verify")


@pytest.fixture
def enrolled_worker(make_member, area):
    """A scheme worker whose authenticator app is set up."""
    membership = make_member(Role.SCHEME_WORKER, area)
    user = membership.user
    user.totp_secret, user.mfa_enabled = pyotp.random_base32(), True
    user.save()
    return membership


def _half_signed_in(user) -> Client:
    """A session that has passed the password step only."""
    client = Client()
    client.post(LOGIN, {"email": user.email, "password": PASSWORD})
    return client


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_half_signed_in_session_cannot_enrol_a_new_authenticator(enrolled_worker):
    user = enrolled_worker.user
    original_secret = user.totp_secret
    client = _half_signed_in(user)
    response = client.get(SETUP)
    assert response.status_code == 302 and response.url == VERIFY
    attacker_secret = pyotp.random_base32()
    session = client.session
    session["mfa_enrol_secret"] = attacker_secret
    session.save()
    client.post(SETUP, {"code": pyotp.TOTP(attacker_secret).now()})
    assert not _signed_in(client)
    user.refresh_from_db()
    assert user.totp_secret == original_secret


def test_signed_in_staff_need_a_current_code_to_replace_their_authenticator(
    enrolled_worker, signed_in_client
):
    user = enrolled_worker.user
    original_secret = user.totp_secret
    client = signed_in_client(enrolled_worker)
    page = client.get(SETUP).content.decode()
    assert "Code from your current authenticator app, or a recovery code" in page
    new_secret = client.session["mfa_enrol_secret"]
    response = client.post(SETUP, {"code": pyotp.TOTP(new_secret).now(), "current_code": ""})
    assert "Enter a code from your current authenticator app" in response.content.decode()
    client.post(SETUP, {"code": pyotp.TOTP(new_secret).now(), "current_code": "123456"})
    user.refresh_from_db()
    assert user.totp_secret == original_secret

    current = pyotp.TOTP(original_secret).now()
    response = client.post(SETUP, {"code": pyotp.TOTP(new_secret).now(), "current_code": current})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.totp_secret == new_secret
    assert "two-step verification was changed" in mail.outbox[-1].body


def test_a_recovery_code_can_replace_a_lost_authenticator(enrolled_worker, signed_in_client):
    user = enrolled_worker.user
    codes = recovery_codes_issue(user=user)
    client = signed_in_client(enrolled_worker)
    client.get(SETUP)
    new_secret = client.session["mfa_enrol_secret"]
    client.post(SETUP, {"code": pyotp.TOTP(new_secret).now(), "current_code": codes[0]})
    user.refresh_from_db()
    assert user.totp_secret == new_secret


def test_first_set_up_during_sign_in_still_works_and_shows_recovery_codes_once(make_member, area):
    membership = make_member(Role.LINK_WORKER, area)
    client = _half_signed_in(membership.user)
    client.get(SETUP)
    secret = client.session["mfa_enrol_secret"]
    response = client.post(SETUP, {"code": pyotp.TOTP(secret).now()})
    assert response.url == reverse("accounts:recovery_codes")
    assert _signed_in(client)
    page = client.get(response.url).content.decode()
    assert "Save your recovery codes" in page
    assert page.count('data-testid="recovery-code"') == 10
    again = client.get(reverse("accounts:recovery_codes")).content.decode()
    assert 'data-testid="recovery-code"' not in again


def test_recovery_codes_are_stored_hashed_and_work_once(enrolled_worker):
    user = enrolled_worker.user
    codes = recovery_codes_issue(user=user)
    stored = list(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True))
    assert len(stored) == 10 and not set(codes) & set(stored)
    for code in codes:
        assert not any(code.replace("-", "") in value for value in stored)

    client = _half_signed_in(user)
    client.post(VERIFY, {"code": codes[3].upper()})
    assert _signed_in(client)
    assert "recovery code" in mail.outbox[-1].body

    second = _half_signed_in(user)
    response = second.post(VERIFY, {"code": codes[3]})
    assert not _signed_in(second)
    assert "not right" in response.content.decode()


def test_issuing_new_recovery_codes_retires_the_old_ones(enrolled_worker):
    user = enrolled_worker.user
    old = recovery_codes_issue(user=user)
    recovery_codes_issue(user=user)
    client = _half_signed_in(user)
    client.post(VERIFY, {"code": old[0]})
    assert not _signed_in(client)


def test_new_recovery_codes_need_a_current_code(enrolled_worker, signed_in_client):
    client = signed_in_client(enrolled_worker)
    url = reverse("accounts:recovery_codes_new")
    response = client.post(url, {"code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert not RecoveryCode.objects.filter(user=enrolled_worker.user).exists()
    code = pyotp.TOTP(enrolled_worker.user.totp_secret).now()
    response = client.post(url, {"code": code})
    assert response.url == reverse("accounts:recovery_codes")
    assert RecoveryCode.objects.filter(user=enrolled_worker.user, used_at=None).count() == 10
    assert "Your old recovery codes no longer work" in mail.outbox[-1].body


def test_an_area_admin_resets_two_step_verification_audited_and_the_owner_is_told(
    enrolled_worker, make_member, area, signed_in_client
):
    admin = make_member(Role.AREA_ADMIN, area)
    user = enrolled_worker.user
    recovery_codes_issue(user=user)
    owner = signed_in_client(enrolled_worker)
    url = reverse("accounts:mfa_reset", args=[enrolled_worker.pk])
    client = signed_in_client(admin)
    page = client.get(url).content.decode()
    assert "will need to set up two-step verification again" in page
    response = client.post(url)
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.mfa_enabled and user.totp_secret == ""
    assert not RecoveryCode.objects.filter(user=user).exists()
    entry = AuditLog.objects.filter(target_type="user", target_id=str(user.pk)).last()
    assert entry.actor_id == admin.user_id and entry.detail == {"mfa_reset": True}
    assert mail.outbox[-1].to == [user.email]
    assert "reset your two-step verification" in mail.outbox[-1].body
    # Their signed-in sessions end with the reset.
    assert owner.get("/accounts/security/").status_code == 302


def test_only_an_admin_of_the_same_area_can_reset(
    enrolled_worker, make_member, area, other_area, signed_in_client
):
    url = reverse("accounts:mfa_reset", args=[enrolled_worker.pk])
    worker = make_member(Role.SCHEME_WORKER, area)
    assert signed_in_client(worker).post(url).status_code == 403
    elsewhere = make_member(Role.AREA_ADMIN, other_area)
    assert signed_in_client(elsewhere).post(url).status_code == 404
    enrolled_worker.user.refresh_from_db()
    assert enrolled_worker.user.mfa_enabled


def test_the_owner_is_told_when_two_step_verification_is_first_turned_on(make_member, area):
    membership = make_member(Role.LINK_WORKER, area)
    client = _half_signed_in(membership.user)
    client.get(SETUP)
    client.post(SETUP, {"code": pyotp.TOTP(client.session["mfa_enrol_secret"]).now()})
    assert mail.outbox[-1].to == [membership.user.email]
    assert "Two-step verification was turned on" in mail.outbox[-1].body


def test_a_wrong_new_code_does_not_use_up_the_recovery_code(enrolled_worker, signed_in_client):
    user = enrolled_worker.user
    codes = recovery_codes_issue(user=user)
    client = signed_in_client(enrolled_worker)
    client.get(SETUP)
    client.post(SETUP, {"code": "000000", "current_code": codes[0]})
    assert RecoveryCode.objects.filter(user=user, used_at=None).count() == 10
    new_secret = client.session["mfa_enrol_secret"]
    client.post(SETUP, {"code": pyotp.TOTP(new_secret).now(), "current_code": codes[0]})
    user.refresh_from_db()
    assert user.totp_secret == new_secret


def test_recovery_codes_are_keyed_so_a_stolen_database_cannot_test_guesses(enrolled_worker):
    import hashlib

    code = recovery_codes_issue(user=enrolled_worker.user)[0]
    stored = set(RecoveryCode.objects.values_list("code_hash", flat=True))
    for plain in (code, code.replace("-", "")):
        assert hashlib.sha256(plain.encode()).hexdigest() not in stored


def test_an_area_admin_cannot_reset_their_own_two_step_verification(
    make_member, area, signed_in_client
):
    from kinfolk.accounts.tests.factories import MembershipFactory

    admin = make_member(Role.AREA_ADMIN, area)
    user = admin.user
    user.totp_secret, user.mfa_enabled = pyotp.random_base32(), True
    user.save()
    worker_role = MembershipFactory(user=user, area=area, role=Role.SCHEME_WORKER)
    client = signed_in_client(admin)
    response = client.post(reverse("accounts:mfa_reset", args=[worker_role.pk]), follow=True)
    assert "Ask another area admin" in response.content.decode()
    user.refresh_from_db()
    assert user.mfa_enabled

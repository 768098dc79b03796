"""Two-step verification: an authenticator app, one-time recovery codes, and the admin's reset.

A second step can only be set up without a current code when the account has none; replacing
one needs a fully signed-in session and a code from the current app or a recovery code.
"""

import secrets

import pyotp
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

import kinfolk.accounts.rules  # noqa: F401  (names the permissions asked here)
from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require

from ..actor import Actor
from ..models import Membership, RecoveryCode, User
from .notices import tell_account_owner

TOTP_ISSUER = "Kinfolk"
RECOVERY_CODE_COUNT = 10
# No 0/o, 1/l/i: easy to read back from paper.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class SecondStepRefused(Exception):
    """The code given to prove it is the account's owner was not right."""


def totp_new_secret() -> str:
    """A fresh secret for an authenticator app."""
    return pyotp.random_base32()


def totp_provisioning_uri(*, user: User, secret: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=TOTP_ISSUER)


def _totp_step_accepted(secret: str, code: str, last_step: int) -> int | None:
    """The time step the code belongs to, if valid now (±1 step) and not used before."""
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if len(code) != 6 or not secret:
        return None
    totp = pyotp.TOTP(secret)
    now_step = totp.timecode(timezone.now())
    for step in (now_step, now_step - 1, now_step + 1):
        if step > last_step and secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _locked(user: User) -> User:
    return User.objects.select_for_update().get(pk=user.pk)


def _totp_accept(user: User, code: str) -> bool:
    step = _totp_step_accepted(user.totp_secret, code, user.totp_last_step)
    if step is None or not user.mfa_enabled:
        return False
    user.totp_last_step = step
    user.save(update_fields=["totp_last_step"])
    return True


def _recovery_code_accept(user: User, code: str) -> bool:
    used = RecoveryCode.objects.filter(
        user=user, code_hash=RecoveryCode.hash_of(code), used_at__isnull=True
    ).update(used_at=timezone.now())
    return used == 1


@transaction.atomic
def totp_verify(*, user: User, code: str) -> bool:
    """Check a code from the user's authenticator app; each code works once."""
    return _totp_accept(_locked(user), code)


@transaction.atomic
def second_step_check(*, user: User, code: str) -> str | None:
    """Which second step the code passed ("app" or "recovery code"), or None; each works once."""
    user = _locked(user)
    if _totp_accept(user, code):
        return "app"
    if user.mfa_enabled and _recovery_code_accept(user, code):
        audit_record(
            actor=Actor(user=user, membership=None),
            action=AuditAction.UPDATE,
            target_type="user",
            target_id=user.pk,
            detail={"recovery_code_used": True},
        )
        left = RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
        tell_account_owner(
            user=user,
            subject="a recovery code was used",
            what_happened=(
                "Someone signed in to your Kinfolk account with one of your recovery codes. "
                f"You have {left} recovery codes left. If you have lost your phone, set up "
                "two-step verification again on the 'Sign-in and security' page."
            ),
        )
        return "recovery code"
    return None


@transaction.atomic
def recovery_codes_issue(*, user: User) -> list[str]:
    """Ten new one-time recovery codes, replacing any before; only their hashes are kept."""
    user = _locked(user)
    RecoveryCode.objects.filter(user=user).delete()
    codes = [
        "-".join("".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(5)) for _ in range(2))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=RecoveryCode.hash_of(code)) for code in codes
    )
    audit_record(
        actor=Actor(user=user, membership=None),
        action=AuditAction.CREATE,
        target_type="recovery_codes",
        target_id=user.pk,
    )
    return codes


@transaction.atomic
def recovery_codes_replace(*, user: User, code: str) -> list[str]:
    """New recovery codes, once the owner proves it is them with a current code."""
    if second_step_check(user=user, code=code) is None:
        raise SecondStepRefused
    codes = recovery_codes_issue(user=user)
    tell_account_owner(
        user=user,
        subject="you have new recovery codes",
        what_happened=(
            "New recovery codes were made for your Kinfolk account. Your old recovery codes "
            "no longer work."
        ),
    )
    return codes


@transaction.atomic
def totp_enrol(*, user: User, secret: str, code: str, current_code: str = "") -> bool:
    """Turn on (or move) two-step verification once the new app shows the right code.

    An account that already has a second step must prove it with `current_code`: a code from
    the current app or a recovery code. Raises SecondStepRefused when that proof fails.
    """
    user = _locked(user)
    step = _totp_step_accepted(secret, code, 0)
    if step is None:
        return False
    replacing = user.mfa_enabled
    if replacing and second_step_check(user=user, code=current_code) is None:
        raise SecondStepRefused
    user.totp_secret, user.mfa_enabled, user.totp_last_step = secret, True, step
    user.save(update_fields=["totp_secret", "mfa_enabled", "totp_last_step"])
    audit_record(
        actor=Actor(user=user, membership=None),
        action=AuditAction.UPDATE,
        target_type="user",
        target_id=user.pk,
        detail={"mfa_enabled": True, "mfa_replaced": replacing},
    )
    tell_account_owner(
        user=user,
        subject=f"two-step verification was {'changed' if replacing else 'turned on'}",
        what_happened=(
            "The authenticator app for your Kinfolk account was changed: your two-step "
            "verification was changed to a new app."
            if replacing
            else "Two-step verification was turned on for your Kinfolk account."
        ),
    )
    return True


@transaction.atomic
def mfa_reset(*, actor: Actor, membership: Membership) -> None:
    """An area admin turns off a staff member's second step after they lost app and codes."""
    require(
        actor,
        "accounts.reset_two_step",
        membership,
        message="Only this area's admin can reset two-step verification.",
    )
    if membership.user_id == actor.user.pk:
        raise PermissionDenied("Ask another area admin to reset your own two-step verification.")
    user = _locked(membership.user)
    user.totp_secret, user.mfa_enabled, user.totp_last_step = "", False, 0
    user.sessions_end()
    user.save(update_fields=["totp_secret", "mfa_enabled", "totp_last_step", "security_stamp"])
    RecoveryCode.objects.filter(user=user).delete()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target_type="user",
        target_id=user.pk,
        detail={"mfa_reset": True},
    )
    tell_account_owner(
        user=user,
        subject="your two-step verification was reset",
        what_happened=(
            f"{actor.user.display_name}, an area admin, has reset your two-step verification. "
            "You have been signed out. Next time you sign in, you will set up your "
            "authenticator app again and get new recovery codes."
        ),
    )

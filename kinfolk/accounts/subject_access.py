"""A person's own account in subject access; on erasure it is closed and stripped of their name.

The account cannot be deleted (audit entries point at it), so erasure replaces its email and
name, makes its password unusable, turns it off, revokes its tokens, ends its sessions and
forgets its sign-in attempts.
"""

from django.contrib.sessions.models import Session
from django.utils import timezone

from kinfolk.core.subject_access import (
    ERASED,
    FIRST,
    Part,
    erase_words,
    register,
    when,
)

from .models import ApiToken, Membership, RecoveryCode, SignInAttempt, User

# Session keys that name a user: signed in, or half way through two-step verification.
SESSION_USER_KEYS = ("_auth_user_id", "pending_user_id")


def _emails(person) -> set[str]:
    user = person.user
    return {e.lower() for e in (person.email, user.email if user else "") if e}


def export(person) -> dict:
    """The person's account, roles, tokens and sign-in attempts."""
    user = person.user
    attempts = SignInAttempt.objects.filter(email__in=_emails(person)).order_by("at")
    account = {
        "sign_in_attempts": [
            {"at": when(a.at), "succeeded": a.succeeded, "from": a.ip_address} for a in attempts
        ]
    }
    if user is None:
        return account
    return {
        "email": user.email,
        "name": user.display_name,
        "joined": when(user.date_joined),
        "active": user.is_active,
        "roles": [
            {"role": m.role, "area": m.area.name}
            for m in Membership.objects.filter(user=user).select_related("area")
        ],
        "api_tokens": [
            {
                "name": t.name,
                "created_at": when(t.created_at),
                "last_used_at": when(t.last_used_at),
                "revoked_at": when(t.revoked_at),
            }
            for t in ApiToken.objects.filter(membership__user=user)
        ],  # fmt: skip
        "two_step_verification": {
            "on": user.mfa_enabled,
            "recovery_codes_unused": RecoveryCode.objects.filter(user=user, used_at=None).count(),
        },
        **account,
    }


def sessions_end(user: User) -> int:
    """Delete every live session that belongs to this user; returns how many ended."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = session.get_decoded()
        if any(str(data.get(key)) == str(user.pk) for key in SESSION_USER_KEYS):
            session.delete()
            ended += 1
    return ended


def account_close(user: User) -> None:
    """Turn the account off for good: no email, no name, no password, no tokens, no sessions."""
    user.email = f"erased-{user.pk}@erased.invalid"
    user.display_name = ERASED
    user.is_active = False
    user.set_unusable_password()
    user.totp_secret, user.mfa_enabled = "", False
    user.sessions_end()
    user.save()
    RecoveryCode.objects.filter(user=user).delete()
    tokens = ApiToken.objects.filter(membership__user=user)
    tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    erase_words(tokens, "name")
    sessions_end(user)


def erase(person) -> None:
    """Forget sign-in attempts under the person's emails and close their own account."""
    SignInAttempt.objects.filter(email__in=_emails(person)).delete()
    if person.user is not None:
        account_close(person.user)


def register_parts() -> None:
    register(
        Part(
            "account",
            ("accounts.User", "accounts.SignInAttempt", "accounts.ApiToken",
             "accounts.Membership", "accounts.RecoveryCode", "sessions.Session"),
            export,
            erase,
            order=FIRST,
        )
    )  # fmt: skip

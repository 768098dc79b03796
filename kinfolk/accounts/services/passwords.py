"""Changing a password (knowing the current one) and resetting it by an emailed one-time link.

A reset link works once (Django's token changes with the password), for a limited time, and
the request page says the same thing whether or not the address has an account.
"""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction

from ..actor import Actor
from ..models import User
from .notices import email_send, tell_account_owner

RESETS_PER_HOUR = 3


def _password_set(user: User, new_password: str, *, how: str) -> None:
    validate_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    audit_record(
        actor=Actor(user=user, membership=None),
        action=AuditAction.UPDATE,
        target_type="user",
        target_id=user.pk,
        detail={"password": how},
    )
    tell_account_owner(
        user=user,
        subject="your password was changed",
        what_happened="The password for your Kinfolk account was changed.",
    )


@transaction.atomic
def password_change(*, user: User, current_password: str, new_password: str) -> None:
    """Change a password; the current one must be given first."""
    if not user.check_password(current_password or ""):
        raise ValidationError(
            {"current_password": "Your current password is not right. Check it and try again."}
        )
    try:
        _password_set(user, new_password, how="changed")
    except ValidationError as error:
        raise ValidationError({"new_password": error.messages}) from error


def _reset_allowed(email: str) -> bool:
    key = f"kinfolk:password-reset:{email}"
    sent = cache.get(key, 0)
    if sent >= RESETS_PER_HOUR:
        return False
    cache.set(key, sent + 1, 60 * 60)
    return True


def password_reset_request(*, email: str, link_for) -> None:
    """Email a one-time reset link if the address has an active account; say nothing either way.

    `link_for(uidb64, token)` turns the link's parts into a full address.
    """
    email = (email or "").strip().lower()
    user = User.objects.filter(email=email, is_active=True).first()
    if user is None or not user.has_usable_password() or not _reset_allowed(email):
        return
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = link_for(uid, default_token_generator.make_token(user))
    minutes = settings.PASSWORD_RESET_TIMEOUT // 60
    email_send(
        to=user.email,
        subject="Kinfolk: reset your password",
        body=(
            f"Hello {user.display_name or 'there'},\n\n"
            f"To choose a new password for Kinfolk, open this link within {minutes} minutes:\n\n"
            f"{link}\n\nThe link works once. If you did not ask to reset your password, you can "
            "ignore this email: your password has not changed."
        ),
    )
    audit_record(
        actor=Actor(user=user, membership=None),
        action=AuditAction.CREATE,
        target_type="password_reset",
        target_id=user.pk,
    )


def password_choose_link_send(*, user: User, link_for, invited_to: str) -> None:
    """Email someone who was invited a one-time link to choose their password (the same link
    and token as a password reset); someone who already has a password is told to sign in."""
    minutes = settings.PASSWORD_RESET_TIMEOUT // 60
    if user.has_usable_password():
        body = (
            f"Hello {user.display_name or 'there'},\n\nYou have been invited to {invited_to} "
            "in Kinfolk. Sign in with the password you already have."
        )
    else:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        link = link_for(uid, default_token_generator.make_token(user))
        body = (
            f"Hello {user.display_name or 'there'},\n\nYou have been invited to {invited_to} "
            f"in Kinfolk. To choose your password, open this link within {minutes} minutes:\n\n"
            f"{link}\n\nThe link works once. If it runs out, ask whoever invited you to send "
            "a new one."
        )
    email_send(to=user.email, subject="Kinfolk: you have been invited", body=body)
    audit_record(
        actor=Actor(user=user, membership=None),
        action=AuditAction.CREATE,
        target_type="invitation",
        target_id=user.pk,
    )


def password_reset_user(*, uidb64: str, token: str) -> User | None:
    """The user a reset link is for, if the link is still good."""
    try:
        user_id = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


@transaction.atomic
def password_reset_complete(*, uidb64: str, token: str, new_password: str) -> User | None:
    """Set a new password from a reset link; the link then stops working. None if it is spent."""
    user = password_reset_user(uidb64=uidb64, token=token)
    if user is None:
        return None
    try:
        _password_set(user, new_password, how="reset")
    except ValidationError as error:
        raise ValidationError({"new_password": error.messages}) from error
    return user

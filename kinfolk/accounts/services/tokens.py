"""API tokens for machine clients: chosen expiry, revocable, last use shown; staff need 2SV."""

import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction

from ..actor import Actor
from ..models import ApiToken
from ..rules import may_issue_api_token

TOKEN_LIFETIMES_DAYS = (30, 90, 180, 365)
DEFAULT_LIFETIME_DAYS = 90


@transaction.atomic
def api_token_issue(
    *, actor: Actor, name: str, days: int = DEFAULT_LIFETIME_DAYS, second_step_done: bool = False
) -> str:
    """Issue a token for a machine client acting through the actor's membership; shown once."""
    if not actor.is_signed_in or actor.membership is None:
        raise PermissionDenied("Sign in to create an API token.")
    if days not in TOKEN_LIFETIMES_DAYS:
        raise ValidationError("Choose how long the token lasts: 30, 90, 180 or 365 days.")
    if not may_issue_api_token(actor, second_step_done):
        raise ValidationError(
            "Set up two-step verification, then sign in with it, before you create a token."
        )
    token = "kf_" + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(
        membership=actor.membership,
        name=name.strip()[:120] or "API client",
        token_hash=ApiToken.hash_of(token),
        expires_at=timezone.now() + timedelta(days=days),
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        target_type="api_token",
        target_id=record.pk,
        detail={"days": days},
    )
    return token


@transaction.atomic
def api_token_revoke(*, actor: Actor, token: ApiToken) -> None:
    """Stop a token working at once. Only its owner can revoke it."""
    if not actor.is_signed_in or token.membership.user_id != actor.user.pk:
        raise PermissionDenied("You can only revoke your own tokens.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor, action=AuditAction.DELETE, target_type="api_token", target_id=token.pk
        )


def api_token_actor(token: str) -> Actor | None:
    """The actor a presented API token stands for, if it is live (not revoked, not expired)."""
    now = timezone.now()
    record = (
        ApiToken.objects.select_related("membership__user", "membership__area")
        .filter(
            token_hash=ApiToken.hash_of(token or ""), revoked_at__isnull=True, expires_at__gt=now
        )
        .first()
    )
    if record is None or not record.membership.user.is_active:
        return None
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return Actor(user=record.membership.user, membership=record.membership)

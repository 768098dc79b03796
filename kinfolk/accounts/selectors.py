"""Reads of memberships and tokens, scoped to an area."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import ApiToken, Membership, RecoveryCode


def users_acting_as(*, area_id: int, role: str) -> list:
    """The users who hold this role in an area (for telling them something)."""
    members = Membership.objects.filter(area_id=area_id, role=role).select_related("user")
    return [membership.user for membership in members]


def memberships_in_area(*, area) -> QuerySet[Membership]:
    """Every membership in the area, by holder's name."""
    return (
        Membership.objects.in_area(area)
        .select_related("user")
        .order_by("user__display_name", "role")
    )


def memberships_found(*, area, words: str = "", role: str = "") -> QuerySet[Membership]:
    """Memberships in the area whose holder's name or email has these words, in this role."""
    found = memberships_in_area(area=area)
    for word in words.split():
        found = found.filter(Q(user__display_name__icontains=word) | Q(user__email__icontains=word))
    return found.filter(role=role) if role else found


def membership_get(*, area, membership_id: int) -> Membership | None:
    """One membership in this area, or None."""
    return memberships_in_area(area=area).filter(pk=membership_id).first()


def care_workers_in_area(*, area) -> QuerySet[Membership]:
    """Memberships of workers who can be allocated to people."""
    return memberships_in_area(area=area).care_workers()


def live_api_tokens(*, membership) -> QuerySet[ApiToken]:
    """The tokens a membership has issued that still work: not revoked, not expired."""
    if membership is None:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(
        membership=membership, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")


def api_token_of(*, user, token_id: int) -> ApiToken | None:
    """One of the user's own tokens, or None."""
    return (
        ApiToken.objects.select_related("membership")
        .filter(pk=token_id, membership__user=user)
        .first()
    )


def recovery_codes_left(*, user) -> int:
    """How many unused recovery codes the user has."""
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()

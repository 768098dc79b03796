"""Memberships: which roles a user holds, which one they act in, and the admin's changes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal

import kinfolk.accounts.rules  # noqa: F401  (names the permissions asked here)
from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require

from ..actor import NOBODY, Actor
from ..models import Membership, Role, User

# Sent (with actor= and membership=) inside the transaction, just before a role is taken
# away, so apps above accounts can end what the role gave (people ends its allocations).
role_removed = Signal()


def memberships_of(user: User):
    """The roles a user holds, in every area."""
    return user.memberships.select_related("area").order_by("area__name", "role")


def default_membership(user: User) -> Membership | None:
    """The membership a user acts through when they have not chosen one."""
    return memberships_of(user).first()


def actor_for(user, membership_id: int | None) -> Actor:
    """The actor for a signed-in user and their chosen membership."""
    if user is None or not user.is_authenticated:
        return NOBODY
    membership = None
    if membership_id:
        membership = memberships_of(user).filter(pk=membership_id).first()
    return Actor(user=user, membership=membership or default_membership(user))


@transaction.atomic
def membership_add(*, actor: Actor, email: str, role: str) -> Membership:
    """Give a user a role, in the area admin's own area."""
    require(
        actor, "accounts.manage_memberships", message="Only an area admin can change memberships."
    )
    user = User.objects.filter(email__iexact=(email or "").strip()).first()
    if user is None:
        raise ValidationError("There is no account with that email address.", code="email")
    role = Role(role)
    membership, created = Membership.objects.get_or_create(user=user, area=actor.area, role=role)
    if not created:
        raise ValidationError(f"{user.display_name} is already a {role.label.lower()} here.")
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        target_type="membership",
        target_id=membership.pk,
        detail={"user": user.pk, "role": role.value},
    )
    return membership


@transaction.atomic
def account_invite(*, area, email: str, display_name: str, role: str, link_for, invited_to: str):
    """Give someone a role in an area, making their account if they have none, and email them a
    one-time link to choose a password (the password reset's link). The caller has already
    asked the gate who may invite. Returns the user."""
    from .passwords import password_choose_link_send

    email = (email or "").strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and not user.is_active:
        raise ValidationError(
            "The account with this email address is closed. Ask your area admin.", code="email"
        )
    if user is None:
        user = User.objects.create_user(email, None, display_name=display_name.strip())
        audit_record(
            actor=Actor(user=user, membership=None),
            action=AuditAction.CREATE,
            target_type="user",
            target_id=user.pk,
            detail={"invited": role},
        )
    membership, created = Membership.objects.get_or_create(user=user, area=area, role=Role(role))
    if created:
        audit_record(
            actor=Actor(user=user, membership=None),
            action=AuditAction.CREATE,
            target_type="membership",
            target_id=membership.pk,
            area=area,
            detail={"user": user.pk, "role": role, "invited": True},
        )
    password_choose_link_send(user=user, link_for=link_for, invited_to=invited_to)
    return user


@transaction.atomic
def membership_remove(*, actor: Actor, membership: Membership) -> None:
    """Take a role away from a user, in the area admin's own area."""
    require(
        actor,
        "accounts.manage_memberships",
        membership,
        message="Only this area's admin can change its memberships.",
    )
    if membership.pk == actor.membership.pk:
        raise ValidationError("You cannot remove your own area admin role.")
    role_removed.send(sender=Membership, actor=actor, membership=membership)
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        target_type="membership",
        target_id=membership.pk,
        detail={"user": membership.user_id, "role": membership.role},
    )
    membership.delete()

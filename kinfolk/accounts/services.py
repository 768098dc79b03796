"""Sign-in, two-step verification, acting roles, memberships and API tokens."""

import secrets
from datetime import timedelta

import pyotp
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction

from .actor import NOBODY, Actor
from .models import STAFF_ROLES, ApiToken, Membership, Role, SignInAttempt, User

TOTP_ISSUER = "Kinfolk"


class SignInLocked(Exception):
    """Too many failed attempts: sign-in is paused for this email or address."""


def sign_in_is_locked(*, email: str, ip_address: str | None) -> bool:
    """Whether recent failures for this email or address have paused sign-in."""
    since = timezone.now() - timedelta(minutes=settings.KINFOLK_SIGN_IN_WINDOW_MINUTES)
    failures = SignInAttempt.objects.filter(at__gte=since, succeeded=False)
    limit = settings.KINFOLK_SIGN_IN_MAX_FAILURES
    by_email = failures.filter(email=email.lower()).count() >= limit
    # An address gets more room, since several people may share one (a GP surgery).
    by_address = bool(ip_address) and failures.filter(ip_address=ip_address).count() >= limit * 4
    return by_email or by_address


def password_check(*, request, email: str, password: str) -> User | None:
    """The user if the email and password are right; every try is counted and failures audited."""
    email = (email or "").strip().lower()
    ip_address = request.META.get("REMOTE_ADDR")
    if sign_in_is_locked(email=email, ip_address=ip_address):
        raise SignInLocked
    user = authenticate(request, username=email, password=password)
    SignInAttempt.objects.create(email=email, ip_address=ip_address, succeeded=user is not None)
    if user is None:
        known = User.objects.filter(email=email).first()
        audit_record(
            actor=Actor(user=known, membership=None),
            action=AuditAction.SIGN_IN_FAILED,
            target_type="user",
            target_id=known.pk if known else "",
            detail={"ip": ip_address or ""},
        )
    return user


def sign_in_failure_record(*, email: str, ip_address: str | None) -> None:
    """Count a failed second step towards the sign-in limit."""
    SignInAttempt.objects.create(email=email.lower(), ip_address=ip_address, succeeded=False)


def active_user(user_id) -> User | None:
    """An active user by id, or None."""
    return User.objects.filter(pk=user_id, is_active=True).first() if user_id else None


def mfa_required(user: User) -> bool:
    """Staff must use two-step verification; in demo mode it is offered but not enforced."""
    if user.mfa_enabled:
        return True
    if settings.KINFOLK_DEMO:
        return False
    return user.memberships.filter(role__in=STAFF_ROLES).exists()


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


@transaction.atomic
def totp_verify(*, user: User, code: str) -> bool:
    """Check a code from the user's authenticator app; each code works once."""
    user = User.objects.select_for_update().get(pk=user.pk)
    step = _totp_step_accepted(user.totp_secret, code, user.totp_last_step)
    if step is None:
        return False
    user.totp_last_step = step
    user.save(update_fields=["totp_last_step"])
    return True


@transaction.atomic
def totp_enrol(*, user: User, secret: str, code: str) -> bool:
    """Turn on two-step verification once the user proves their app shows the right code."""
    step = _totp_step_accepted(secret, code, 0)
    if step is None:
        return False
    user.totp_secret, user.mfa_enabled, user.totp_last_step = secret, True, step
    user.save(update_fields=["totp_secret", "mfa_enabled", "totp_last_step"])
    audit_record(
        actor=Actor(user=user, membership=None),
        action=AuditAction.UPDATE,
        target_type="user",
        target_id=user.pk,
        detail={"mfa_enabled": True},
    )
    return True


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
    """Give a user a role in the area admin's area."""
    if not actor.acts_as(Role.AREA_ADMIN):
        raise PermissionDenied("Only an area admin can change memberships.")
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
def membership_remove(*, actor: Actor, membership: Membership) -> None:
    """Take a role away from a user in the area admin's area."""
    if not actor.acts_as(Role.AREA_ADMIN) or membership.area_id != actor.area.pk:
        raise PermissionDenied("Only this area's admin can change its memberships.")
    if membership.pk == actor.membership.pk:
        raise ValidationError("You cannot remove your own area admin role.")
    from kinfolk.people.services import allocations_end_for_role

    allocations_end_for_role(actor=actor, membership=membership)
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        target_type="membership",
        target_id=membership.pk,
        detail={"user": membership.user_id, "role": membership.role},
    )
    membership.delete()


@transaction.atomic
def api_token_issue(*, actor: Actor, name: str) -> str:
    """Issue a token for a machine client acting through the actor's membership; shown once."""
    if not actor.is_signed_in or actor.membership is None:
        raise PermissionDenied("Sign in to create an API token.")
    token = "kf_" + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(
        membership=actor.membership,
        name=name.strip()[:120] or "API client",
        token_hash=ApiToken.hash_of(token),
    )
    audit_record(
        actor=actor, action=AuditAction.CREATE, target_type="api_token", target_id=record.pk
    )
    return token


def api_token_actor(token: str) -> Actor | None:
    """The actor a presented API token stands for, if it is live."""
    record = (
        ApiToken.objects.select_related("membership__user", "membership__area")
        .filter(token_hash=ApiToken.hash_of(token or ""), revoked_at__isnull=True)
        .first()
    )
    if record is None or not record.membership.user.is_active:
        return None
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
    return Actor(user=record.membership.user, membership=record.membership)

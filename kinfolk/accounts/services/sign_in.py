"""Signing in: the password step, who is asking, and slowing down guessing without locking out.

Guessing is slowed, never stopped dead: after a few failures each further try must wait a
little longer (doubling up to a ceiling). An account's owner signing in from an address where
they have signed in before is not slowed by failures from elsewhere, and a flood of failures
from one address (everyone behind one proxy, say) does not slow people who have signed in
from there before.
"""

import ipaddress
import math
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone

from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction

from ..actor import Actor
from ..models import SignInAttempt, User
from .notices import tell_account_owner

FIRST_WAIT_SECONDS = 30
KNOWN_ADDRESS_DAYS = 90
# An address may be shared by many people (a GP surgery, a proxy), so it gets more room.
ADDRESS_ALLOWANCE_FACTOR = 4


class SignInPaused(Exception):
    """Too many recent failures: this try must wait."""

    def __init__(self, seconds: int):
        super().__init__(f"Wait {seconds} seconds")
        self.seconds = seconds


def client_address(request) -> str | None:
    """The address the request came from, read through as many proxies as we trust."""
    remote = request.META.get("REMOTE_ADDR")
    hops = settings.KINFOLK_TRUSTED_PROXIES
    if hops <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops_seen = [part.strip() for part in forwarded.split(",") if part.strip()]
    if len(hops_seen) < hops:
        return remote
    candidate = hops_seen[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _recent_failures():
    since = timezone.now() - timedelta(minutes=settings.KINFOLK_SIGN_IN_WINDOW_MINUTES)
    return SignInAttempt.objects.filter(at__gte=since, succeeded=False)


def _wait_after(failures, allowance: int) -> int:
    """Seconds still to wait, given failures beyond an allowance: 30 s, 60 s, ... up to a cap."""
    count = failures.count()
    if count < allowance:
        return 0
    last = failures.order_by("-at").values_list("at", flat=True).first()
    delay = min(
        FIRST_WAIT_SECONDS * 2 ** min(count - allowance, 20),
        settings.KINFOLK_SIGN_IN_MAX_WAIT_SECONDS,
    )
    remaining = (last + timedelta(seconds=delay) - timezone.now()).total_seconds()
    return max(0, math.ceil(remaining))


def _known_address(email: str, ip_address: str | None) -> bool:
    since = timezone.now() - timedelta(days=KNOWN_ADDRESS_DAYS)
    return bool(ip_address) and (
        SignInAttempt.objects.filter(
            email=email, ip_address=ip_address, succeeded=True, at__gte=since
        ).exists()
    )


def sign_in_wait(*, email: str, ip_address: str | None) -> int:
    """How many seconds this email must wait before trying from this address (0: go ahead)."""
    email = (email or "").strip().lower()
    allowance = settings.KINFOLK_SIGN_IN_MAX_FAILURES
    failures = _recent_failures()
    if _known_address(email, ip_address):
        return _wait_after(failures.filter(email=email, ip_address=ip_address), allowance)
    by_account = _wait_after(failures.filter(email=email), allowance)
    by_address = 0
    if ip_address:
        by_address = _wait_after(
            failures.filter(ip_address=ip_address), allowance * ADDRESS_ALLOWANCE_FACTOR
        )
    return max(by_account, by_address)


def sign_in_failure_record(*, email: str, ip_address: str | None) -> None:
    """Count a failed try (password or second step); the owner hears when guessing starts."""
    email = (email or "").strip().lower()
    SignInAttempt.objects.create(email=email, ip_address=ip_address, succeeded=False)
    if _recent_failures().filter(email=email).count() == settings.KINFOLK_SIGN_IN_MAX_FAILURES:
        owner = User.objects.filter(email=email, is_active=True).first()
        if owner is not None:
            tell_account_owner(
                user=owner,
                subject="someone is trying to sign in to your account",
                what_happened=(
                    "There have been several failed attempts to sign in to your Kinfolk "
                    "account. Kinfolk has slowed down further attempts. If it was you, you "
                    "can sign in again in a few minutes, or reset your password from the "
                    "sign-in page."
                ),
            )


@transaction.atomic
def _failure_counted_and_audited(email: str, ip_address: str | None) -> None:
    """A failed password: counted towards the delay and audited together, or neither."""
    sign_in_failure_record(email=email, ip_address=ip_address)
    known = User.objects.filter(email=email).first()
    audit_record(
        actor=Actor(user=known, membership=None),
        action=AuditAction.SIGN_IN_FAILED,
        target_type="user",
        target_id=known.pk if known else "",
        detail={"ip": ip_address or ""},
    )


def password_check(*, request, email: str, password: str) -> User | None:
    """The user if the email and password are right; every try is counted and failures audited."""
    email = (email or "").strip().lower()
    ip_address = client_address(request)
    wait = sign_in_wait(email=email, ip_address=ip_address)
    if wait:
        raise SignInPaused(wait)
    user = authenticate(request, username=email, password=password)
    if user is None:
        _failure_counted_and_audited(email, ip_address)
        return None
    return user


def sign_in_success_record(*, user: User, ip_address: str | None) -> None:
    """Remember that this account fully signed in from this address."""
    SignInAttempt.objects.create(email=user.email, ip_address=ip_address, succeeded=True)


def active_user(user_id) -> User | None:
    """An active user by id, or None."""
    return User.objects.filter(pk=user_id, is_active=True).first() if user_id else None


def mfa_required(user: User) -> bool:
    """Staff must use two-step verification; in demo mode it is offered but not enforced."""
    if user.mfa_enabled:
        return True
    if settings.KINFOLK_DEMO:
        return False
    return user.memberships.staff().exists()

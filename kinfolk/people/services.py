"""Writes to person records and their sharing: one function per action, each audited."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.accounts.models import Membership, Role, User
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import can, forget, require
from kinfolk.core.text import check_date_of_birth, clean_name, visible_text

from . import notices
from .audit import audit_person
from .models import (
    KIND_FOR_ROLE,
    ROLE_FOR_KIND,
    AccessGrant,
    Assignment,
    BreakGlassAccess,
    GrantScope,
    Person,
    scope_covers,
)
from .nhs_number import normalise_nhs_number
from .rules import live_grant

PROFILE_FIELDS = (
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "email",
    "phone",
    "address",
    "postcode",
    "nhs_number",
    "communication_needs",
    "what_matters_to_me",
    "can_do",
    "could_do_with_support",
    "rely_on_services_for",
)
BREAK_GLASS_REASON_MIN_LENGTH = 20


NAME_FIELDS = ("given_name", "family_name", "preferred_name")


def person_lock(person: Person) -> None:
    """Lock the person's row until the transaction ends (PostgreSQL; SQLite writes serially).
    Take it before any other row's lock, so that writers never deadlock."""
    Person.objects.select_for_update().filter(pk=person.pk).values_list("pk").first()


def _clean_profile(person: Person) -> None:
    for name in NAME_FIELDS:
        setattr(person, name, clean_name(getattr(person, name) or ""))
    check_date_of_birth(person.date_of_birth)
    person.nhs_number = normalise_nhs_number(person.nhs_number or "")
    person.postcode = (person.postcode or "").upper().strip()
    person.full_clean(exclude=["user", "area"])


@transaction.atomic
def person_create(*, actor, **fields) -> Person:
    """Start a person's record in the actor's area; a care worker becomes their allocated worker."""
    require(
        actor, "people.add_person", message="Only a scheme worker or link worker can add a person."
    )
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown fields: {', '.join(sorted(unknown))}")
    person = Person(area=actor.area, **fields)
    _clean_profile(person)
    person.save(force_insert=True)
    Assignment.objects.create(
        area=actor.area, person=person, worker=actor.user, kind=KIND_FOR_ROLE[actor.role]
    )
    audit_person(actor=actor, action=AuditAction.CREATE, person=person)
    forget(actor)  # they are now allocated to the person
    return person


@transaction.atomic
def person_update(*, actor, person: Person, changes: dict) -> list[str]:
    """Change a person's record; returns the names of the fields that changed."""
    require(actor, "people.edit_person", person, message="You cannot change this person's record.")
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown fields: {', '.join(sorted(unknown))}")
    changed = [name for name, value in changes.items() if getattr(person, name) != value]
    for name in changed:
        setattr(person, name, changes[name])
    _clean_profile(person)
    if changed:
        person.save(update_fields=[*changed, *NAME_FIELDS, "nhs_number", "postcode", "updated_at"])
        # Field names only: the audit log never holds a person's details.
        audit_person(
            actor=actor,
            action=AuditAction.UPDATE,
            person=person,
            detail={"fields": sorted(changed)},
        )
    return changed


@transaction.atomic
def access_grant(
    *, actor, person: Person, grantee_email: str, relationship: str, scope: str
) -> AccessGrant:
    """Record the person's decision to share their record with a named someone."""
    require(
        actor,
        "people.manage_sharing",
        person,
        message="Only the person, or someone acting for them, can share a record.",
    )
    scope = GrantScope(scope)
    if scope == GrantScope.ACT_FOR and not can(actor, "people.choose_who_acts_for", person):
        raise ValidationError(
            "Only the person themselves can choose someone to act for them.", code="scope"
        )
    grantee = User.objects.filter(email__iexact=grantee_email.strip(), is_active=True).first()
    if (
        grantee is None
        or not Membership.objects.in_area(person.area)
        .filter(user=grantee, role=Role.REPRESENTATIVE)
        .exists()
    ):
        raise ValidationError(
            "We could not find a family member, friend or advocate with that email address in "
            "this area. Check the address, or ask your worker to set up an account for them.",
            code="grantee",
        )
    if grantee.pk == actor.user.pk or grantee.pk == person.user_id:
        raise ValidationError("You already have access to this record.", code="grantee")
    person_lock(person)  # one sharing decision at a time, so a double submit is told, not an error
    if (
        AccessGrant.objects.in_area(person.area)
        .filter(person=person, grantee=grantee, revoked_at__isnull=True)
        .exists()
    ):
        raise ValidationError(
            f"{grantee.display_name} can already see this record. Take their access away "
            "first if you want to change what they can do.",
            code="duplicate",
        )
    grant = AccessGrant.objects.create(
        area=person.area,
        person=person,
        grantee=grantee,
        relationship=relationship,
        scope=scope,
        granted_by=actor.user,
    )
    audit_person(
        actor=actor,
        action=AuditAction.CREATE,
        person=person,
        about=grant,
        detail={"grantee": grantee.pk, "scope": scope.value},
    )
    notices.record_shared(grant)
    return grant


@transaction.atomic
def access_revoke(*, actor, grant: AccessGrant) -> AccessGrant:
    """Take back access the person had given; it ends at once."""
    person = grant.person
    require(
        actor,
        "people.manage_sharing",
        person,
        message="Only the person, or someone acting for them, can take access away.",
    )
    own = live_grant(actor, person)
    if (
        grant.pk != getattr(own, "pk", None)
        and scope_covers(grant.scope, GrantScope.ACT_FOR)
        and not can(actor, "people.choose_who_acts_for", person)
    ):
        raise PermissionDenied("Only the person can take away another representative's access.")
    grant.revoked_at = timezone.now()
    grant.revoked_by = actor.user
    grant.save(update_fields=["revoked_at", "revoked_by"])
    forget(actor)  # a representative may have taken away their own access
    audit_person(
        actor=actor,
        action=AuditAction.DELETE,
        person=person,
        about=grant,
        detail={"grantee": grant.grantee_id},
    )
    notices.record_access_ended(grant)
    return grant


@transaction.atomic
def break_glass_open(*, actor, person: Person, reason: str) -> BreakGlassAccess:
    """Open time-limited emergency access to a record, with a written reason for the report."""
    require(
        actor,
        "people.break_glass",
        person,
        message="Emergency access is only for care workers in this area.",
    )
    reason = visible_text(reason)
    if len(reason) < BREAK_GLASS_REASON_MIN_LENGTH:
        raise ValidationError(
            f"Write why you need emergency access, in at least {BREAK_GLASS_REASON_MIN_LENGTH} "
            "characters. Your area admin will review it.",
            code="reason",
        )
    now = timezone.now()
    access = BreakGlassAccess.objects.create(
        area=person.area,
        person=person,
        user=actor.user,
        role=actor.role,
        reason=reason,
        started_at=now,
        expires_at=now + timedelta(minutes=settings.KINFOLK_BREAK_GLASS_MINUTES),
    )
    forget(actor)  # they may now see the record
    # The reason stays on the access record; the audit entry refers to it by id.
    audit_person(actor=actor, action=AuditAction.BREAK_GLASS, person=person, about=access)
    notices.emergency_access_used(access)
    return access


@transaction.atomic
def assignment_create(*, actor, person: Person, worker: User, kind: str) -> Assignment:
    """Allocate a worker to a person, giving them a legitimate reason to see the record."""
    require(
        actor,
        "people.allocate_workers",
        person,
        message="Only the area admin can allocate workers.",
    )
    kind = Assignment.Kind(kind)
    role = Role(ROLE_FOR_KIND[kind])
    if not Membership.objects.in_area(person.area).filter(user=worker, role=role).exists():
        raise ValidationError(
            f"{worker.display_name} is not a {role.label.lower()} in this area. Choose the "
            "relationship that matches their role, or give them the role first.",
            code="worker",
        )
    assignment, created = Assignment.objects.get_or_create(
        area=person.area,
        person=person,
        worker=worker,
        kind=kind,
        ended_at=None,
        defaults={"allocated_by": actor.user},
    )
    if created:
        audit_person(
            actor=actor,
            action=AuditAction.CREATE,
            person=person,
            about=assignment,
            detail={
                "worker": worker.pk,
                "kind": kind.value,
                "self_allocated": assignment.is_self_allocated,
            },
        )
    return assignment


def _end(*, actor, assignment: Assignment, because: str) -> Assignment:
    assignment.ended_at = timezone.now()
    assignment.ended_because = because
    assignment.save(update_fields=["ended_at", "ended_because"])
    audit_person(
        actor=actor,
        action=AuditAction.DELETE,
        person=assignment.person,
        about=assignment,
        detail={"worker": assignment.worker_id, "kind": assignment.kind, "because": because},
    )
    return assignment


@transaction.atomic
def assignment_end(*, actor, assignment: Assignment) -> Assignment:
    """End a worker's allocation to a person; their access ends with it."""
    require(
        actor,
        "people.allocate_workers",
        assignment,
        message="Only the area admin can end an allocation.",
    )
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.ended_at is not None:
        raise ValidationError("This allocation has already ended.", code="ended")
    return _end(actor=actor, assignment=assignment, because=Assignment.EndedBecause.ENDED_BY_ADMIN)


@transaction.atomic
def allocations_end_for_referral(*, actor, person: Person, worker_id: int, kind: str) -> int:
    """The referral that gave a worker access has ended: so does their allocation."""
    live = Assignment.objects.in_area(person.area).select_for_update()
    ended = list(live.filter(person=person, worker_id=worker_id, kind=kind, ended_at__isnull=True))
    for assignment in ended:
        _end(actor=actor, assignment=assignment, because=Assignment.EndedBecause.REFERRAL_CLOSED)
    return len(ended)


@transaction.atomic
def allocations_end_for_role(*, actor, membership: Membership) -> int:
    """Someone no longer holds a role: every allocation made for that role ends."""
    kind = KIND_FOR_ROLE.get(membership.role)
    if kind is None:
        return 0
    live = Assignment.objects.in_area(membership.area).select_for_update()
    ended = list(
        live.filter(worker=membership.user, kind=kind, ended_at__isnull=True).select_related(
            "person", "person__area"
        )
    )
    for assignment in ended:
        _end(actor=actor, assignment=assignment, because=Assignment.EndedBecause.ROLE_REMOVED)
    return len(ended)

"""Reads of person records: every one asks whether the actor may, and is audited."""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kinfolk.accounts.models import CARE_ROLES, Role
from kinfolk.core.audit import audit_list_view
from kinfolk.core.lookups import int_or_404, uuid_or_404
from kinfolk.core.models import AuditAction
from kinfolk.core.scoping import in_actors_area
from kinfolk.core.tenancy import seen_across_areas

from .audit import audit_person
from .models import KIND_FOR_ROLE, AccessGrant, Assignment, BreakGlassAccess, Person
from .rules import can

PURPOSE_ACTIONS = {"view": AuditAction.VIEW, "export": AuditAction.EXPORT}


def person_get(
    *, actor, person_id: UUID | str, rule: str = "view_person", audit_as: str | None = "view"
) -> Person:
    """A person's record if the actor may use it for this rule; denial is audited and raised."""
    try:
        wanted = Person.objects.select_related("area").filter(pk=UUID(str(person_id)))
        person = wanted.first() or seen_across_areas(wanted)  # another area's is still audited
    except ValueError:
        person = None
    if person is None:
        raise Http404("No such person")
    if not in_actors_area(actor, person):
        audit_person(actor=actor, action=AuditAction.DENIED, person=person, detail={"rule": rule})
        raise Http404("No such person")
    if not can(actor, rule, person):
        audit_person(actor=actor, action=AuditAction.DENIED, person=person, detail={"rule": rule})
        raise PermissionDenied("You do not have a reason to see this person's record.")
    if audit_as:
        audit_person(actor=actor, action=PURPOSE_ACTIONS[audit_as], person=person)
    return person


def people_for_actor(*, actor) -> QuerySet[Person]:
    """The people whose records this actor has a standing reason to see in their area."""
    people = Person.objects.in_area(actor.area) if actor.area else Person.objects.none()
    if actor.acts_as(Role.PERSON):
        return people.filter(user=actor.user)
    if actor.acts_as(Role.REPRESENTATIVE):
        return people.filter(grants__grantee=actor.user, grants__revoked_at__isnull=True)
    if actor.role in CARE_ROLES:
        return people.filter(
            assignments__worker=actor.user,
            assignments__kind=KIND_FOR_ROLE[actor.role],
            assignments__ended_at__isnull=True,
        ).distinct()
    return Person.objects.none()


def people_found_for_actor(*, actor, words: str = "") -> QuerySet[Person]:
    """The actor's people whose names have all these words, in name order."""
    found = people_for_actor(actor=actor)
    for word in words.split():
        found = found.filter(
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    return found.order_by("family_name", "given_name", "pk")


def people_list_for_actor(*, actor) -> list[Person]:
    """The actor's people, read once and audited as one list view."""
    people = list(people_for_actor(actor=actor))
    audit_list_view(actor=actor, target_type="person_list", count=len(people))
    return people


def live_grants_for_person(*, person: Person) -> QuerySet[AccessGrant]:
    """Who the person has chosen to share their record with, now."""
    return (
        AccessGrant.objects.in_area(person.area)
        .filter(person=person, revoked_at__isnull=True)
        .select_related("grantee", "granted_by")
    )


def past_grants_for_person(*, person: Person) -> QuerySet[AccessGrant]:
    """Access the person (or their representative) has taken back."""
    return (
        AccessGrant.objects.in_area(person.area)
        .filter(person=person, revoked_at__isnull=False)
        .select_related("grantee", "revoked_by")
    )


def grant_get(*, person: Person, grant_id: int) -> AccessGrant:
    """One of this person's live grants, or 404."""
    grant = live_grants_for_person(person=person).filter(pk=grant_id).first()
    if grant is None:
        raise Http404("No such grant")
    return grant


def workers_for_person(*, person: Person) -> QuerySet[Assignment]:
    """The workers with a live relationship to this person."""
    return (
        Assignment.objects.in_area(person.area)
        .filter(person=person, ended_at__isnull=True)
        .select_related("worker")
    )


def live_break_glass(*, actor, person: Person) -> BreakGlassAccess | None:
    """The actor's current emergency access to this person, if any."""
    return (
        BreakGlassAccess.objects.in_area(person.area)
        .filter(person=person, user=actor.user, expires_at__gt=timezone.now())
        .first()
    )


def break_glass_report(*, area) -> QuerySet[BreakGlassAccess]:
    """Every emergency access in the area, newest first, for the area admin to review."""
    return BreakGlassAccess.objects.in_area(area).select_related("user", "person")


def live_allocations(*, area) -> QuerySet[Assignment]:
    """Every live allocation in the area, for the area admin to review or end."""
    return (
        Assignment.objects.in_area(area)
        .filter(ended_at__isnull=True)
        .select_related("person", "worker", "allocated_by")
        .order_by("person__family_name", "person__given_name", "started_at")
    )


def allocation_get_for_admin(*, actor, assignment_id, person_id=None) -> Assignment:
    """A live allocation in the admin's own area; anything else is simply not found."""
    if not actor.acts_as(Role.AREA_ADMIN):
        raise PermissionDenied("Only the area admin can end an allocation.")
    found = live_allocations(area=actor.area).filter(pk=int_or_404(assignment_id))
    if person_id is not None:
        found = found.filter(person_id=uuid_or_404(person_id))
    assignment = found.first()
    if assignment is None:
        raise Http404("No such allocation")
    return assignment


def self_allocations(*, area) -> QuerySet[Assignment]:
    """Area admins who allocated themselves to a record: privileged access, for review."""
    return (
        Assignment.objects.in_area(area)
        .filter(allocated_by=F("worker"))
        .select_related("person", "worker")
        .order_by("-started_at")
    )


def people_in_area_for_admin(*, area) -> QuerySet[Person]:
    """People in the area by name only, for an area admin choosing whom to allocate."""
    return Person.objects.in_area(area).only("id", "given_name", "family_name", "area")


def break_glass_reasons(*, person: Person) -> dict[str, str]:
    """Why each emergency access to this person was opened, by the access's id."""
    accesses = BreakGlassAccess.objects.in_area(person.area).filter(person=person)
    return {str(pk): reason for pk, reason in accesses.values_list("pk", "reason")}


def record_activity(*, person: Person, limit: int = 200):
    """Who has looked at or changed this person's record, newest first."""
    from kinfolk.core.models import AuditLog

    return (
        AuditLog.objects.filter(person_id=person.pk)
        .select_related("actor")
        .order_by("-sequence")[:limit]
    )

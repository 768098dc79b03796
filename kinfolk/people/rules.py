"""Who may do what with a person's record. Every permission the people app uses is named here and
asked through kinfolk.core.permissions (`can(actor, "people.view_person", person)`):

On a person's record:
- `people.view_person`: the person, a representative they chose, a worker allocated to them (in
  the role they are acting in), or a care worker with emergency access open.
- `people.edit_person`: the person, a representative they let change it, an allocated worker
  (never a referrer).
- `people.manage_sharing`: the person, or someone they chose to act for them.
- `people.choose_who_acts_for`: only the person themselves.
- `people.break_glass`: a care worker in the area who is not allocated to the person.

In the area (the object, if any, is a person or an allocation in it):
- `people.add_person`: a scheme worker or link worker.
- `people.allocate_workers`: the area admin (allocate, and end allocations).
- `people.view_break_glass_report`: the area admin.

What the gate needs to know about a person (an allocation, a grant, emergency access) is worked
out once per request and kept on the actor, however many permissions ask (ADR 0005).
"""

from collections.abc import Callable

import rules
from django.db.models import QuerySet
from django.utils import timezone

from kinfolk.accounts.models import CARE_ROLES, Role
from kinfolk.accounts.rules import is_area_admin, is_care_worker
from kinfolk.core import permissions

from .models import (
    KIND_FOR_ROLE,
    AccessGrant,
    Assignment,
    BreakGlassAccess,
    GrantScope,
    scope_covers,
)


def remembered(actor, fact: str, person, work: Callable):
    """A fact about the actor and this person, worked out once for the request (the actor lives
    for one request; an actor without a memory works it out every time)."""
    facts = getattr(actor, "facts", None)
    if not isinstance(facts, dict):
        return work()
    key = ("fact", fact, person.pk)
    if key not in facts:
        facts[key] = work()
    return facts[key]


@rules.predicate
def is_in_actors_area(actor, person) -> bool:
    return actor.area is not None and person.area_id == actor.area.pk


@rules.predicate
def is_the_person(actor, person) -> bool:
    return (
        actor.acts_as(Role.PERSON)
        and person.user_id is not None
        and (person.user_id == actor.user.pk)
    )


def is_own_record(actor, person) -> bool:
    """Whether the actor is the person the record is about, acting as themselves."""
    return bool(is_the_person(actor, person))


def live_grant(actor, person) -> AccessGrant | None:
    """The grant this representative holds for this person, if it has not been revoked."""
    if not actor.acts_as(Role.REPRESENTATIVE):
        return None
    return remembered(
        actor,
        "grant",
        person,
        lambda: (
            AccessGrant.objects.in_area(person.area_id)
            .filter(person=person, grantee=actor.user, revoked_at__isnull=True)
            .first()
        ),
    )


def _granted(scope: str):
    @rules.predicate(name=f"granted_{scope}")
    def granted(actor, person) -> bool:
        grant = live_grant(actor, person)
        return grant is not None and scope_covers(grant.scope, scope)

    return granted


granted_view = _granted(GrantScope.VIEW)
granted_edit = _granted(GrantScope.EDIT)
granted_act_for = _granted(GrantScope.ACT_FOR)


@rules.predicate
def is_allocated(actor, person) -> bool:
    """A live allocation made for the role the actor is acting in (not just any role they hold)."""
    return actor.role in CARE_ROLES and remembered(
        actor,
        "allocated",
        person,
        lambda: (
            Assignment.objects.in_area(person.area_id)
            .filter(
                person=person,
                worker=actor.user,
                kind=KIND_FOR_ROLE[actor.role],
                ended_at__isnull=True,
            )
            .exists()
        ),
    )


@rules.predicate
def acts_as_referrer(actor, person) -> bool:
    return actor.acts_as(Role.REFERRER)


@rules.predicate
def acts_in_care_role(actor, person) -> bool:
    return actor.role in CARE_ROLES


@rules.predicate
def has_break_glass(actor, person) -> bool:
    return actor.role in CARE_ROLES and remembered(
        actor,
        "break_glass",
        person,
        lambda: (
            BreakGlassAccess.objects.in_area(person.area_id)
            .filter(person=person, user=actor.user, role=actor.role, expires_at__gt=timezone.now())
            .exists()
        ),
    )


VIEW_PERSON = is_in_actors_area & (is_the_person | granted_view | is_allocated | has_break_glass)
# A referrer sees the record while their referral is open, but never changes it.
EDIT_PERSON = is_in_actors_area & (
    is_the_person | granted_edit | (is_allocated & ~acts_as_referrer)
)
MANAGE_SHARING = is_in_actors_area & (is_the_person | granted_act_for)
BREAK_GLASS = is_in_actors_area & acts_in_care_role & ~is_allocated

rules.add_perm("people.view_person", VIEW_PERSON)
rules.add_perm("people.edit_person", EDIT_PERSON)
rules.add_perm("people.manage_sharing", MANAGE_SHARING)
rules.add_perm("people.choose_who_acts_for", is_in_actors_area & is_the_person)
rules.add_perm("people.break_glass", BREAK_GLASS)
rules.add_perm("people.add_person", is_care_worker)
rules.add_perm("people.allocate_workers", is_area_admin)
rules.add_perm("people.view_break_glass_report", is_area_admin)

# The same rules by their short names, for Shared Lives' rules (which still test them as a set).
person_rules = rules.RuleSet()
person_rules.add_rule("view_person", VIEW_PERSON)
person_rules.add_rule("edit_person", EDIT_PERSON)
person_rules.add_rule("manage_sharing", MANAGE_SHARING)
person_rules.add_rule("break_glass", BREAK_GLASS)


def can(actor, rule: str, person) -> bool:
    """Whether the actor may do this to this person's record: the gate's `people.<rule>`."""
    return permissions.can(actor, f"people.{rule}", person)


def people_with_a_standing_reason(actor, people: QuerySet) -> QuerySet:
    """The people among these whose record the actor may see without emergency access: the
    queryset form of `people.view_person`, kept beside it so the two cannot drift apart."""
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
    return people.none()


# The home page (kinfolk/home) and the people app's cards on it (kinfolk/people/links.py),
# asked through kinfolk.core.permissions.can.
@rules.predicate
def acts_as_the_person(actor, obj=None) -> bool:
    """Someone who uses support: their home page is about their own record."""
    return actor.acts_as(Role.PERSON)


@rules.predicate
def acts_as_representative(actor, obj=None) -> bool:
    return actor.acts_as(Role.REPRESENTATIVE)


rules.add_perm("people.see_own_record", acts_as_the_person)
rules.add_perm("people.see_records_shared_with_me", acts_as_representative)
rules.add_perm("people.see_caseload", acts_in_care_role)

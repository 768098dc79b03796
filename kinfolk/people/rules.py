"""Who may do what with a person's record, as predicates on (actor, person)."""

import rules
from django.utils import timezone

from kinfolk.accounts.models import CARE_ROLES, Role
from kinfolk.accounts.rules import is_area_admin, is_care_worker

from .models import (
    KIND_FOR_ROLE,
    AccessGrant,
    Assignment,
    BreakGlassAccess,
    GrantScope,
    scope_covers,
)


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


def live_grant(actor, person) -> AccessGrant | None:
    """The grant this representative holds for this person, if it has not been revoked."""
    if not actor.acts_as(Role.REPRESENTATIVE):
        return None
    return (
        AccessGrant.objects.in_area(person.area)
        .filter(person=person, grantee=actor.user, revoked_at__isnull=True)
        .first()
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
    return actor.role in CARE_ROLES and (
        Assignment.objects.in_area(person.area)
        .filter(
            person=person, worker=actor.user, kind=KIND_FOR_ROLE[actor.role], ended_at__isnull=True
        )
        .exists()
    )


@rules.predicate
def acts_as_referrer(actor, person) -> bool:
    return actor.acts_as(Role.REFERRER)


@rules.predicate
def acts_in_care_role(actor, person) -> bool:
    return actor.role in CARE_ROLES


@rules.predicate
def has_break_glass(actor, person) -> bool:
    return actor.role in CARE_ROLES and (
        BreakGlassAccess.objects.in_area(person.area)
        .filter(person=person, user=actor.user, role=actor.role, expires_at__gt=timezone.now())
        .exists()
    )


person_rules = rules.RuleSet()
person_rules.add_rule(
    "view_person",
    is_in_actors_area & (is_the_person | granted_view | is_allocated | has_break_glass),
)
# A referrer sees the record while their referral is open, but never changes it.
person_rules.add_rule(
    "edit_person",
    is_in_actors_area & (is_the_person | granted_edit | (is_allocated & ~acts_as_referrer)),
)
person_rules.add_rule("manage_sharing", is_in_actors_area & (is_the_person | granted_act_for))
person_rules.add_rule("break_glass", is_in_actors_area & acts_in_care_role & ~is_allocated)


def can(actor, rule: str, person) -> bool:
    """Whether the actor may do this to this person's record."""
    return actor.is_signed_in and person_rules.test_rule(rule, actor, person)


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
rules.add_perm("people.start_a_record", is_care_worker)
rules.add_perm("people.allocate_workers", is_area_admin)
rules.add_perm("people.see_emergency_access_report", is_area_admin)

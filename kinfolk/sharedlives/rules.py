"""Who may do what in Shared Lives. Consent decisions belong to the person and the carer."""

import rules

from kinfolk.accounts.models import Role
from kinfolk.people.rules import (
    granted_act_for,
    is_allocated,
    is_in_actors_area,
    is_the_person,
    person_rules,
)


@rules.predicate
def is_scheme_worker(actor, person) -> bool:
    return actor.acts_as(Role.SCHEME_WORKER)


# On a person (their referral, suggestions and introductions):
shared_lives_person_rules = rules.RuleSet()
shared_lives_person_rules.add_rule(
    "manage_referral", is_in_actors_area & is_scheme_worker & is_allocated
)
# Saying yes or no to meeting, and agreeing to an arrangement: the person's own decision,
# or that of someone they chose to act for them. Never a worker's.
shared_lives_person_rules.add_rule(
    "decide_for_person", is_in_actors_area & (is_the_person | granted_act_for)
)


def can_for_person(actor, rule: str, person) -> bool:
    if not actor.is_signed_in:
        return False
    if rule in ("view_person", "edit_person"):
        return person_rules.test_rule(rule, actor, person)
    return shared_lives_person_rules.test_rule(rule, actor, person)


def is_the_carer(actor, carer) -> bool:
    return (
        actor.is_signed_in
        and actor.acts_as(Role.SHARED_LIVES_CARER)
        and actor.area is not None
        and carer.area_id == actor.area.pk
        and carer.user_id == actor.user.pk
    )


def runs_the_scheme(actor, carer=None) -> bool:
    """Scheme workers look after every carer household in their area's scheme."""
    return (
        actor.is_signed_in
        and actor.acts_as(Role.SCHEME_WORKER)
        and (carer is None or carer.area_id == actor.area.pk)
    )


def sees_scheme_reports(actor) -> bool:
    """The published scheme figures: scheme workers, commissioners and experts by experience."""
    return actor.is_signed_in and actor.acts_as(
        Role.SCHEME_WORKER, Role.COMMISSIONER, Role.EXPERT_BY_EXPERIENCE
    )


# The home page's cards (kinfolk/sharedlives/links.py), asked through kinfolk.core.permissions.can.
@rules.predicate
def acts_as_carer(actor, obj=None) -> bool:
    return actor.acts_as(Role.SHARED_LIVES_CARER)


@rules.predicate
def reads_scheme_reports(actor, obj=None) -> bool:
    return sees_scheme_reports(actor)


rules.add_perm("sharedlives.see_my_matches", is_in_actors_area & is_the_person)
rules.add_perm("sharedlives.see_matches_for_someone", is_in_actors_area & granted_act_for)
rules.add_perm("sharedlives.answer_introduction_requests", acts_as_carer)
rules.add_perm("sharedlives.see_scheme_dashboard", is_scheme_worker)
rules.add_perm("sharedlives.see_scheme_report", reads_scheme_reports)

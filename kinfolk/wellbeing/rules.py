"""Who sees and records a person's wellbeing: the person decides who, beyond themselves."""

import rules

from kinfolk.accounts.models import Role
from kinfolk.people.rules import (
    acts_as_referrer,
    granted_act_for,
    granted_edit,
    granted_view,
    is_allocated,
    is_in_actors_area,
    is_the_person,
)


def _visibility(person):
    from .models import Visibility

    return Visibility.objects.in_area(person.area).filter(person=person).first()


@rules.predicate
def shared_with_workers(actor, person) -> bool:
    visibility = _visibility(person)
    return visibility is None or visibility.workers


@rules.predicate
def shared_with_representatives(actor, person) -> bool:
    visibility = _visibility(person)
    return visibility is None or visibility.representatives


wellbeing_rules = rules.RuleSet()
wellbeing_rules.add_rule(
    "view_wellbeing",
    is_in_actors_area
    & (
        is_the_person
        | (granted_view & shared_with_representatives)
        | (is_allocated & shared_with_workers)
    ),
)
wellbeing_rules.add_rule(
    "record_wellbeing",
    is_in_actors_area
    & (
        is_the_person
        | (granted_edit & shared_with_representatives)
        # A referrer never writes to the record; the link worker records wellbeing.
        | (is_allocated & ~acts_as_referrer & shared_with_workers)
    ),
)
wellbeing_rules.add_rule(
    "choose_who_sees_wellbeing", is_in_actors_area & (is_the_person | granted_act_for)
)


def can_wellbeing(actor, rule: str, person) -> bool:
    return actor.is_signed_in and wellbeing_rules.test_rule(rule, actor, person)


def sees_connection_reports(actor) -> bool:
    """Aggregates only, suppressed below 5 people."""
    return actor.is_signed_in and actor.acts_as(
        Role.COMMISSIONER, Role.SCHEME_WORKER, Role.LINK_WORKER, Role.EXPERT_BY_EXPERIENCE
    )


# The home page's cards and the way on from a person's record (kinfolk/wellbeing/links.py),
# asked through kinfolk.core.permissions.can.
@rules.predicate
def reads_connection_reports(actor, obj=None) -> bool:
    return sees_connection_reports(actor)


rules.add_perm("wellbeing.see_how_i_am_doing", is_in_actors_area & is_the_person)
rules.add_perm("wellbeing.see_connection_test", reads_connection_reports)

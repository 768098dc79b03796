"""Who sees and records a person's wellbeing: the person decides who, beyond themselves. Every
permission is named here and asked through kinfolk.core.permissions:

On a person:
- `wellbeing.view_wellbeing`: the person; a representative with a view grant, or an allocated
  worker, if the person chose to share it with representatives, or with workers.
- `wellbeing.record_wellbeing`: the same, with an edit grant; never a referrer.
- `wellbeing.choose_who_sees_wellbeing`: the person, or someone they chose to act for them.

In the area:
- `wellbeing.view_connection_test`: commissioners, scheme and link workers and experts by
  experience see the connection test (aggregates only, suppressed below 5 people).
"""

import rules

from kinfolk.accounts.models import Role
from kinfolk.core import permissions
from kinfolk.people.rules import (
    acts_as_referrer,
    granted_act_for,
    granted_edit,
    granted_view,
    is_allocated,
    is_in_actors_area,
    is_the_person,
    remembered,
)


def _visibility(actor, person):
    from .models import Visibility

    return remembered(
        actor,
        "wellbeing_visibility",
        person,
        lambda: Visibility.objects.in_area(person.area_id).filter(person=person).first(),
    )


@rules.predicate
def shared_with_workers(actor, person) -> bool:
    visibility = _visibility(actor, person)
    return visibility is None or visibility.workers


@rules.predicate
def shared_with_representatives(actor, person) -> bool:
    visibility = _visibility(actor, person)
    return visibility is None or visibility.representatives


@rules.predicate
def sees_area_reports(actor, obj=None) -> bool:
    return actor.acts_as(
        Role.COMMISSIONER, Role.SCHEME_WORKER, Role.LINK_WORKER, Role.EXPERT_BY_EXPERIENCE
    )


rules.add_perm(
    "wellbeing.view_wellbeing",
    is_in_actors_area
    & (
        is_the_person
        | (granted_view & shared_with_representatives)
        | (is_allocated & shared_with_workers)
    ),
)
rules.add_perm(
    "wellbeing.record_wellbeing",
    is_in_actors_area
    & (
        is_the_person
        | (granted_edit & shared_with_representatives)
        # A referrer never writes to the record; the link worker records wellbeing.
        | (is_allocated & ~acts_as_referrer & shared_with_workers)
    ),
)
rules.add_perm(
    "wellbeing.choose_who_sees_wellbeing", is_in_actors_area & (is_the_person | granted_act_for)
)
rules.add_perm("wellbeing.view_connection_test", sees_area_reports)


def can_wellbeing(actor, rule: str, person) -> bool:
    """The gate's `wellbeing.<rule>` (kept for the person page's link until it asks the gate)."""
    return permissions.can(actor, f"wellbeing.{rule}", person)


# The home page's card and the way on from a person's record (kinfolk/wellbeing/links.py).
rules.add_perm("wellbeing.see_how_i_am_doing", is_in_actors_area & is_the_person)

"""Who may run the area: memberships, allocations and the emergency access report."""

import rules

from .models import Role


@rules.predicate
def is_area_admin(actor, area=None) -> bool:
    return actor.acts_as(Role.AREA_ADMIN) and (area is None or area.pk == actor.area.pk)


@rules.predicate
def is_care_worker(actor, area=None) -> bool:
    return actor.acts_as(Role.SCHEME_WORKER, Role.LINK_WORKER)


area_rules = rules.RuleSet()
area_rules.add_rule("manage_memberships", is_area_admin)
area_rules.add_rule("view_break_glass_report", is_area_admin)
area_rules.add_rule("reset_two_step", is_area_admin)
area_rules.add_rule("add_person", is_care_worker)


def can_in_area(actor, rule: str) -> bool:
    """Whether the actor may do this in the area they are acting in."""
    return actor.is_signed_in and area_rules.test_rule(rule, actor, actor.area)


def may_issue_api_token(actor, second_step_done: bool) -> bool:
    """Anyone may make a token for their own role; staff only after a second step this session."""
    if actor.membership is None:
        return False
    if actor.membership.is_staff_role:
        return actor.user.mfa_enabled and second_step_done
    return True


# The home page's cards (kinfolk/accounts/links.py), asked through kinfolk.core.permissions.can.
@rules.predicate
def works_with_peoples_information(actor, obj=None) -> bool:
    """Staff: they see other people's information at work and may connect other systems."""
    return actor.membership is not None and actor.membership.is_staff_role


rules.add_perm("accounts.see_memberships", is_area_admin)
rules.add_perm("accounts.connect_other_systems", works_with_peoples_information)

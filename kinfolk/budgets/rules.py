"""Who sees and moves a person's budget. Every permission is named here and asked through
kinfolk.core.permissions. The object is a budget unless said otherwise.

- `budgets.view_budget`: the person; a representative they chose (any grant); the budget's
  manager; a worker allocated to the person; a budget approver in the area. Nobody else.
- `budgets.write_plan`: the person; a representative with an edit grant; the manager; an
  allocated worker (never a referrer). Only before the plan is agreed (the service says so).
- `budgets.agree_plan`: the person, or a representative they chose to act for them.
- `budgets.approve_plan`: a budget approver in the area (never the one who agreed it).
- `budgets.record_payment`, `budgets.reverse_movement`: the budget's manager.
- `budgets.record_money_in`, `budgets.record_review`: a budget approver in the area.

In the area (no object):
- `budgets.set_up_budget`, `budgets.see_plans_waiting`: a budget approver.
- `budgets.see_my_budget` (the home card, on a person): the person themselves.
"""

import rules

from kinfolk.accounts.models import Role
from kinfolk.people.rules import (
    acts_as_referrer,
    granted_act_for,
    granted_edit,
    granted_view,
    is_allocated,
    is_the_person,
)


def _person(budget):
    return budget.person


@rules.predicate
def in_actors_area(actor, budget) -> bool:
    return actor.area is not None and budget.area_id == actor.area.pk


@rules.predicate
def is_their_budget(actor, budget) -> bool:
    return is_the_person(actor, _person(budget))


@rules.predicate
def represents_them(actor, budget) -> bool:
    return granted_view(actor, _person(budget))


@rules.predicate
def represents_them_to_edit(actor, budget) -> bool:
    return granted_edit(actor, _person(budget))


@rules.predicate
def acts_for_them(actor, budget) -> bool:
    return granted_act_for(actor, _person(budget))


@rules.predicate
def manages_it(actor, budget) -> bool:
    return actor.user is not None and budget.manager_id == actor.user.pk


@rules.predicate
def allocated_to_them(actor, budget) -> bool:
    return is_allocated(actor, _person(budget)) and not acts_as_referrer(actor, _person(budget))


@rules.predicate
def allocated_to_see_them(actor, budget) -> bool:
    return is_allocated(actor, _person(budget))


@rules.predicate
def approves_budgets(actor, obj=None) -> bool:
    return actor.acts_as(Role.BUDGET_APPROVER)


VIEW_BUDGET = in_actors_area & (
    is_their_budget | represents_them | manages_it | allocated_to_see_them | approves_budgets
)
rules.add_perm("budgets.view_budget", VIEW_BUDGET)
rules.add_perm(
    "budgets.write_plan",
    in_actors_area & (is_their_budget | represents_them_to_edit | manages_it | allocated_to_them),
)
rules.add_perm("budgets.agree_plan", in_actors_area & (is_their_budget | acts_for_them))
rules.add_perm("budgets.approve_plan", in_actors_area & approves_budgets)
rules.add_perm("budgets.record_payment", in_actors_area & manages_it)
rules.add_perm("budgets.reverse_movement", in_actors_area & manages_it)
rules.add_perm("budgets.record_money_in", in_actors_area & approves_budgets)
rules.add_perm("budgets.record_review", in_actors_area & approves_budgets)
rules.add_perm("budgets.set_up_budget", approves_budgets)
rules.add_perm("budgets.see_plans_waiting", approves_budgets)


@rules.predicate
def is_me(actor, person) -> bool:
    return bool(is_the_person(actor, person))


@rules.predicate
def manages_any_budget(actor, obj=None) -> bool:
    from .models import Budget

    return actor.area is not None and (
        Budget.objects.in_area(actor.area).filter(manager=actor.user).exists()
    )


rules.add_perm("budgets.see_my_budget", is_me)
rules.add_perm("budgets.see_budgets_i_manage", manages_any_budget)

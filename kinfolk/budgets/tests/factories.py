"""A budget in an area with its people: the person, an approver, a manager (a broker)."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Role
from kinfolk.accounts.tests.factories import MembershipFactory
from kinfolk.budgets import services
from kinfolk.budgets.models import BudgetKind, HeldBy
from kinfolk.people.tests.factories import PersonFactory


@dataclass
class BudgetWorld:
    budget: object
    person: object
    you: Actor  # the person
    approver: Actor
    manager: Actor  # a broker who manages it


def actor(role: str, area, user=None) -> Actor:
    membership = MembershipFactory(role=role, area=area, **({"user": user} if user else {}))
    return Actor(membership.user, membership)


def a_budget(
    area,
    *,
    kind=BudgetKind.DIRECT_PAYMENT,
    amount_pence=240_000,
    approved=True,
    money_in=0,
    starts_on=None,
    ends_on=None,
) -> BudgetWorld:
    """A budget set up by an approver; with `approved`, a plan agreed and approved; with
    `money_in`, that much in from the council."""
    today = timezone.localdate()
    you = actor(Role.PERSON, area)
    person = PersonFactory(area=area, user=you.user, given_name="Sam")
    approver, manager = actor(Role.BUDGET_APPROVER, area), actor(Role.BROKER, area)
    budget = services.budget_set_up(
        actor=approver,
        person=person,
        kind=kind,
        amount_pence=amount_pence,
        starts_on=starts_on or today - timedelta(days=60),
        ends_on=ends_on or today + timedelta(days=300),
        held_by=HeldBy.PERSON,
        holder_name="Sam",
        manager=manager.user,
    )
    if approved:
        services.outcome_add(
            actor=you,
            budget=budget,
            wellbeing_area="participation",
            in_my_words="Get back to my allotment",
            support="A gardener",
            cost_pence=min(amount_pence, 60_000),
        )
        services.plan_agree(actor=you, budget=budget)
        services.plan_approve(actor=approver, budget=_fresh(budget))
    if money_in:
        services.money_in_record(
            actor=approver,
            budget=_fresh(budget),
            amount_pence=money_in,
            happened_on=budget.starts_on,
        )
    return BudgetWorld(_fresh(budget), person, you, approver, manager)


def _fresh(budget):
    from kinfolk.budgets.models import Budget

    return Budget.objects.select_related("person", "plan").get(pk=budget.pk)

"""The demo area's budget: the demo person's direct payment, managed by the demo broker, with a
plan they agreed and the demo approver approved (three outcomes), and a few months of money in
and payments out, all made through the same services a person would use."""

from datetime import timedelta

from django.utils import timezone

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Membership, Role
from kinfolk.core.registries import DemoArea

from . import services
from .models import BudgetKind, HeldBy

OUTCOMES = [
    (
        "participation",
        "Get back to my allotment and grow things again",
        "Green Fingers gardening: a gardener with me every Saturday morning",
        120_000,
    ),
    (
        "health",
        "Swim twice a week to keep my back moving",
        "Calder Leisure swimming sessions, and a taxi there and back",
        90_000,
    ),
    (
        "relationships",
        "See my brother in Hebden every fortnight",
        "A personal assistant who comes with me on the bus",
        150_000,
    ),
]
MONTHLY_IN = 30_000
# (month, payee, pence, what for)
PAYMENTS = [
    (0, "Green Fingers gardening", 6_000, "Four Saturday mornings"),
    (0, "Calder Leisure", 2_400, "Swimming sessions"),
    (1, "Green Fingers gardening", 6_000, "Four Saturday mornings"),
    (1, "Calder Leisure", 2_400, "Swimming sessions"),
    (1, "Jo Whitaker (personal assistant)", 9_600, "Two trips to Hebden"),
    (2, "Green Fingers gardening", 7_500, "Five Saturday mornings"),
    (2, "Calder Taxis", 3_200, "Taxis to the pool"),
    (3, "Green Fingers gardening", 6_000, "Four Saturday mornings"),
]


def _actor(user, area, role) -> Actor:
    return Actor(user, Membership.objects.get(user=user, area=area, role=role))


def load_demo(demo: DemoArea) -> None:
    """Sam's direct payment: started four months ago, money in each month, payments out."""
    area = demo.area
    person = demo.people[0]
    approver = _actor(demo.sign_ins[Role.BUDGET_APPROVER], area, Role.BUDGET_APPROVER)
    broker = _actor(demo.sign_ins[Role.BROKER], area, Role.BROKER)
    you = _actor(demo.sign_ins[Role.PERSON], area, Role.PERSON)
    today = timezone.localdate()
    starts_on = (today.replace(day=1) - timedelta(days=95)).replace(day=1)
    budget = services.budget_set_up(
        actor=approver,
        person=person,
        kind=BudgetKind.DIRECT_PAYMENT,
        amount_pence=360_000,
        starts_on=starts_on,
        ends_on=starts_on.replace(year=starts_on.year + 1) - timedelta(days=1),
        held_by=HeldBy.PERSON,
        holder_name=person.full_name,
        manager=broker.user,
    )
    services.plan_words_write(
        actor=you,
        budget=budget,
        in_my_words="I want to be outdoors more, keep well, and see my family.",
    )
    for area_key, words, support, cost in OUTCOMES:
        services.outcome_add(
            actor=you,
            budget=budget,
            wellbeing_area=area_key,
            in_my_words=words,
            support=support,
            cost_pence=cost,
        )
    services.plan_agree(actor=you, budget=budget)
    services.plan_approve(actor=approver, budget=budget)
    for month in range(4):
        on = _month(starts_on, month)
        if on > today:
            break
        services.money_in_record(
            actor=approver, budget=budget, amount_pence=MONTHLY_IN, happened_on=on
        )
        for _, payee, pence, what in [p for p in PAYMENTS if p[0] == month]:
            paid_on = min(on + timedelta(days=14), today)
            services.payment_record(
                actor=broker,
                budget=budget,
                amount_pence=pence,
                happened_on=paid_on,
                payee=payee,
                description=what,
            )


def _month(first, n):
    year, month = divmod(first.month - 1 + n, 12)
    return first.replace(year=first.year + year, month=month + 1)

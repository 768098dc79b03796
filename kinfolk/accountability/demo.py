"""The demo area's commitments: a few promises a real area might publish, with parts, progress,
a late one and a draft, made through the same services a commissioner uses."""

from datetime import date, timedelta

from django.utils import timezone

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Membership, Role

from . import services

# (reference, part of, title, months from now, outcome, budget in £, status, progress, step)
# fmt: off
PROMISES = [
    ("C1", "", "Everyone who wants Shared Lives has an introduction within 12 weeks", 4,
     "relationships", 120_000, "on_track", 0, ""),
    ("C1.1", "C1", "Twenty-five new Shared Lives households approved", 4, "relationships",
     80_000, "on_track", 60, "Fifteen households approved at panel so far."),
    ("C1.2", "C1", "The approval panel meets every fortnight", -2, "relationships", None,
     "done", 100, "The panel has met every fortnight since June."),
    ("C2", "", "Nobody waits more than 7 days for first contact from a link worker", -1,
     "participation", 40_000, "at_risk", 70, "Seven in ten people were contacted within 7 days."),
    ("C3", "", "Day services that connect people to their community, not away from it", 16,
     "participation", 250_000, "not_started", 0, ""),
    ("C3.1", "C3", "Ask the people who use Calder Day Centre what would connect them", -3,
     "control", 5_000, "done", 100, "Forty-two people told us, in six meetings and by phone."),
    ("C3.2", "C3", "Micro-grants for ten community groups", 10, "contribution", 50_000,
     "on_track", 20, "Two groups funded: a walking group and a men's shed."),
]
# fmt: on


def _months_from(today: date, months: int) -> date:
    return today + timedelta(days=round(30.4 * months))


def load_demo(demo) -> None:
    """The demo area's part: published commitments with parts and steps, and one draft."""
    user = demo.sign_ins[Role.COMMISSIONER]
    membership = Membership.objects.get(user=user, area=demo.area, role=Role.COMMISSIONER)
    actor = Actor(user=user, membership=membership)
    today = timezone.localdate()
    made = {}
    for ref, parent, title, months, outcome, budget, status, progress, step in PROMISES:
        made[ref] = services.commitment_add(
            actor=actor, reference=ref, title=title, by_when=_months_from(today, months),
            outcome=outcome, budget_pence=None if budget is None else budget * 100,
            parent=made.get(parent),
        )  # fmt: skip
        if step:
            services.progress_record(
                actor=actor, commitment=made[ref], happened_on=today - timedelta(days=20),
                words=step, status=status, progress=progress,
            )  # fmt: skip
        services.commitment_publish(actor=actor, commitment=made[ref])
    services.commitment_add(
        actor=actor, reference="C4", outcome="protection", budget_pence=15_000_00,
        title="A carers' emergency card for every family carer who wants one",
        by_when=_months_from(today, 9),
    )  # fmt: skip
    load_outcome_payments(demo)
    load_scores(demo)


def load_outcome_payments(demo) -> None:
    """An outcomes contract with the walking group's charity, asked about this month."""
    from kinfolk.directory.models import Organization

    from .outcomes import services as outcomes
    from .outcomes.models import OutcomeKind

    user = demo.sign_ins[Role.COMMISSIONER]
    membership = Membership.objects.get(user=user, area=demo.area, role=Role.COMMISSIONER)
    actor = Actor(user=user, membership=membership)
    provider = (
        Organization.objects.in_area(demo.area).filter(name__icontains="walking").first()
        or Organization.objects.in_area(demo.area).order_by("name").first()
    )
    if provider is None:
        return
    today = timezone.localdate()
    contract = outcomes.contract_create(
        actor=actor, title="Fewer people lonely in Calder Vale", organization=provider,
        service="Calder Walking Group", starts_on=today - timedelta(days=365),
        ends_on=today + timedelta(days=365), follow_up_days=90, cap_per_person_pence=600_00,
        cap_pence=12_000_00, prices={OutcomeKind.LESS_LONELY: 250_00,
                                     OutcomeKind.NEW_UNPAID_RELATIONSHIP: 300_00},
    )  # fmt: skip
    outcomes.claims_find(contract, today)


def load_scores(demo) -> None:
    """Sam scored the walking group he goes to (one score: nothing to publish on its own)."""
    from kinfolk.people.models import Person

    from .scores import services as scores
    from .scores.models import IStatement

    user = demo.sign_ins.get(Role.PERSON)
    sam = Person.objects.in_area(demo.area).filter(user=user).first()
    if sam is None or "Calder Walking Group" not in scores.services_used(sam):
        return
    membership = Membership.objects.get(user=user, area=demo.area, role=Role.PERSON)
    answers = dict.fromkeys(IStatement.values, 4) | {IStatement.INFORMATION: 2}
    words = "I have made friends. I did not know about the bus pass."
    actor = Actor(user=user, membership=membership)
    scores.score_give(actor=actor, person=sam, service="Calder Walking Group", answers=answers,
                      in_their_words=words)  # fmt: skip

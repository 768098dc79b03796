"""Outcome payments' part of the app: home cards, what people are told, the monthly run, and
what it holds about a person (from AppConfig.ready())."""

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard
from kinfolk.core.subject_access import Part, holds_nothing_about_a_person, register, when
from kinfolk.notifications.events import Event
from kinfolk.notifications.events import register as register_event
from kinfolk.notifications.schedules import MONTHLY, Job, register_job

from . import selectors, services
from .models import OutcomeClaim, OutcomeKind

QUESTION = {
    OutcomeKind.LESS_LONELY: "Do you feel less lonely since starting at {service}?",
    OutcomeKind.NEW_UNPAID_RELATIONSHIP: "Is there someone new in your life since starting at "
    "{service}?",
    OutcomeKind.MORE_SATISFIED: "Are you more satisfied with life since starting at {service}?",
}


def home_cards(home: Home) -> list[HomeCard]:
    cards = []
    if can(home.actor, "accountability.manage_outcome_contracts"):
        cards.append(
            HomeCard(
                "Outcome contracts",
                reverse("accountability:outcome_contracts"),
                "Pay providers for outcomes people reach and confirm in their own words.",
                ORDER["run_the_area"],
            )
        )
    if not (home.actor.acts_as(Role.PERSON) or home.actor.acts_as(Role.REPRESENTATIVE)):
        return cards  # only the person, or someone acting for them, is asked
    people = [p for p in home.people if p is not None] or ([home.me] if home.me else [])
    for claim in selectors.claims_to_answer(people=people)[:3]:
        if can(home.actor, "accountability.answer_outcome", claim):
            cards.append(
                HomeCard(
                    "Is this right for you?" if claim.person == home.me else
                    f"Is this right for {claim.person.called}?",
                    reverse("accountability:outcome_claim", args=[claim.pk]),
                    QUESTION[claim.line.outcome].format(service=claim.contract.service)
                    if claim.person == home.me else
                    f"A question about {claim.person.called} since starting at "
                    f"{claim.contract.service}.",
                    ORDER["run_the_area"] - 1,
                )
            )  # fmt: skip
    return cards


def _claims(person):
    return OutcomeClaim.objects.filter(person=person).select_related("line", "contract")


def export(person) -> list:
    return [
        {
            "contract": c.contract.title,
            "outcome": c.line.outcome,
            "before": c.before,
            "after": c.after,
            "shown_on": c.shown_on.isoformat(),
            "status": c.status,
            "in_their_words": c.in_their_words,
            "how_shown": c.how_shown,
            "said_at": when(c.said_at),
            "paid_pence": c.paid_pence,
        }
        for c in _claims(person)
    ]


def erase(person) -> None:
    """The person's words go; the paid amount stays, unnamed, as the commissioner's record."""
    _claims(person).update(in_their_words="(erased)", how_shown="")


def register_parts() -> None:
    register_event(
        Event(services.TO_CONFIRM,
              "Kinfolk would like to ask you how things are going. Sign in to answer.",
              "We have a question for you. Sign in to answer it.")
    )  # fmt: skip
    register_job(
        Job("accountability.outcome_payments", "Look for outcomes and pay for confirmed ones",
            MONTHLY, services.monthly_run)
    )  # fmt: skip
    register(Part("outcome_payments", ("accountability.OutcomeClaim",), export, erase))
    for model in ("accountability.OutcomesContract", "accountability.RateLine"):
        holds_nothing_about_a_person(model, "a contract, its rate card and caps")

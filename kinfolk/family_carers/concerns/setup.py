"""Concerns' part of the app: events, the hourly job, home cards and record links, and what
a concern holds about a person (from AppConfig.ready())."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard, RecordLink
from kinfolk.core.subject_access import Part, register, when
from kinfolk.notifications.events import Event
from kinfolk.notifications.events import register as register_event
from kinfolk.notifications.schedules import HOURLY, Job, register_job

from . import selectors, services
from .models import Concern


def home_cards(home: Home) -> list[HomeCard]:
    cards = []
    if can(home.actor, "family_carers.see_concern_figures"):
        cards.append(HomeCard("Concerns raised", reverse("family_carers:concern_figures"),
                              "How many concerns, how urgent, and how quickly answered.",
                              ORDER["run_the_area"] + 2))  # fmt: skip
    waiting = (
        selectors.unanswered_for(actor=home.actor)
        if can(home.actor, "family_carers.answer_concerns")
        else 0
    )
    if waiting:
        cards.append(HomeCard(f"Concerns to answer ({waiting})", reverse("family_carers:concerns"),
                              "Someone is worried about a person's care and not being heard.",
                              ORDER["own_record"]))  # fmt: skip
    return cards


def record_links(actor, person) -> list[RecordLink]:
    if not can(actor, "family_carers.raise_concern", person):
        return []
    return [
        RecordLink(
            "I am worried and not being heard",
            reverse("family_carers:concern_new", args=[person.pk]),
            90,
        )
    ]


def _concerns(person):
    return Concern.objects.filter(person=person)


def export(person) -> list:
    return [
        {
            "raised_at": when(c.raised_at),
            "raised_as": c.raised_as,
            "urgent": c.urgent,
            "worry": c.worry,
            "respond_by": when(c.respond_by),
            "answered_at": when(c.answered_at),
            "answer": c.answer,
            "next_step": c.next_step,
        }
        for c in _concerns(person)
    ]


def erase(person) -> None:
    _concerns(person).delete()


def register_parts() -> None:
    for code, message, easy in (
        (services.RAISED, "Someone is worried about the care of a person you support.",
         "Someone is worried about a person's care."),
        (services.LATE, "A concern has not been answered in time.",
         "A worry has not been answered in time."),
        (services.ANSWERED, "Your concern has been answered.", "Your worry has an answer."),
    ):  # fmt: skip
        register_event(Event(code, f"{message} Sign in to see it.", f"{easy} Sign in to see it."))
    register_job(
        Job("family_carers.late_concerns", "Pass concerns not answered in time to the lead",
            HOURLY, services.pass_late_concerns_on)
    )  # fmt: skip
    register(Part("concerns", ("family_carers.Concern",), export, erase))

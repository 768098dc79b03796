"""Scores' part of the app: home cards, and what a score holds about a person."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard
from kinfolk.core.subject_access import Part, register

from .models import ServiceScore
from .services import spells_by_service


def home_cards(home: Home) -> list[HomeCard]:
    cards = []
    if (
        home.me is not None
        and can(home.actor, "accountability.score_a_service", home.me)
        and spells_by_service(home.me)
    ):
        cards.append(HomeCard("Score the services I use", reverse("accountability:my_scores"),
                              "Say how a service is for you. Nobody sees who said what.",
                              ORDER["wellbeing"] + 5))  # fmt: skip
    if can(home.actor, "accountability.read_score_words"):
        cards.append(HomeCard("What people said about services",
                              reverse("accountability:score_words"),
                              "Words people added to their scores, without names.",
                              ORDER["run_the_area"]))  # fmt: skip
    return cards


def export(person) -> list:
    return [
        {"service": s.service, "year": s.year, "answers": s.answers,
         "in_their_words": s.in_their_words, "scored_on": s.scored_on.isoformat()}
        for s in ServiceScore.objects.filter(person=person)
    ]  # fmt: skip


def erase(person) -> None:
    """The words go; the answers stay, unnamed, in the published counts."""
    ServiceScore.objects.filter(person=person).update(in_their_words="")


def register_parts() -> None:
    register(Part("service_scores", ("accountability.ServiceScore",), export, erase))

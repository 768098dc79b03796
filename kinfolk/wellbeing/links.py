"""What wellbeing offers on the home page and from a person's record."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard, RecordLink

from .rules import can_wellbeing


def home_cards(home: Home) -> list[HomeCard]:
    """A person's own 'How I'm doing'; the connection test's figures for those who use them."""
    actor, me = home.actor, home.me
    if me is not None and can(actor, "wellbeing.see_how_i_am_doing", me):
        return [
            HomeCard(
                "How I'm doing",
                reverse("wellbeing:how", args=[me.pk]),
                "How you feel about life, your circle of people, your check-ins.",
                ORDER["wellbeing"],
            )
        ]
    if can(actor, "wellbeing.view_connection_test"):
        return [
            HomeCard(
                "The connection test",
                reverse("wellbeing:connection_test"),
                "Do services connect people to family, friends and community? Figures only.",
                ORDER["wellbeing"],
            )
        ]
    return []


def record_links(actor, person) -> list[RecordLink]:
    """'How I'm doing', for whoever the person chose to let see it."""
    if not can_wellbeing(actor, "view_wellbeing", person):
        return []
    own = can(actor, "wellbeing.see_how_i_am_doing", person)
    text = "How I'm doing" if own else f"How {person.called} is doing"
    return [RecordLink(text, reverse("wellbeing:how", args=[person.pk]), 10)]

"""What accountability offers on the home page."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard


def home_cards(home: Home) -> list[HomeCard]:
    """Commissioners publish and update what the area commits to; outcome payments' cards."""
    from .outcomes.setup import home_cards as outcome_cards
    from .scores.setup import home_cards as score_cards

    cards = []
    if can(home.actor, "accountability.manage_commitments"):
        cards.append(
            HomeCard(
                "Our commitments",
                reverse("accountability:manage"),
                "What the area promises in public, how far along each is, and the evidence.",
                ORDER["run_the_area"],
            )
        )
    return cards + outcome_cards(home) + score_cards(home)

"""What the accounts app offers on the home page."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard


def home_cards(home: Home) -> list[HomeCard]:
    """Memberships for an area admin; everyone's own sign-in and security."""
    actor = home.actor
    cards = []
    if can(actor, "accounts.see_memberships"):
        cards.append(
            HomeCard(
                "Memberships",
                reverse("accounts:memberships"),
                "Who holds which role in this area.",
                ORDER["run_the_area"],
            )
        )
    tokens = ", and API tokens for other systems."
    cards.append(
        HomeCard(
            "Sign-in and security",
            reverse("accounts:security"),
            "Your password and two-step verification"
            + (tokens if can(actor, "accounts.connect_other_systems") else "."),
            ORDER["sign_in"],
        )
    )
    return cards

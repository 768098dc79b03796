"""What the community directory offers on the home page."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard

AT = ORDER["community"]


def home_cards(home: Home) -> list[HomeCard]:
    """Search for everyone; listings for organisations and the area admin; a person's shortlist."""
    actor, me = home.actor, home.me
    cards = [
        HomeCard(
            "Find local support and activities",
            reverse("directory:search"),
            "Groups, clubs, peer support, community enterprises, council and NHS services.",
            AT,
        )
    ]
    if can(actor, "directory.list_enterprise"):
        cards.append(
            HomeCard(
                "List your community enterprise",
                reverse("directory:listing_new"),
                "For micro-enterprises of up to 8 workers.",
                AT + 4,
            )
        )
    if can(actor, "directory.see_listings"):
        cards.append(
            HomeCard(
                "Directory listings",
                reverse("directory:listings"),
                "Approve new listings; chase stale ones.",
                AT + 6,
            )
        )
    if me is not None and can(actor, "directory.see_things_to_try", me):
        cards.append(
            HomeCard(
                "Things to try",
                reverse("directory:shortlists", args=[me.pk]),
                "Services your worker picked out for you.",
                AT + 7,
            )
        )
    return cards

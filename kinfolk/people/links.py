"""What the people app offers on the home page."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard


def home_cards(home: Home) -> list[HomeCard]:
    """A person's own profile and sharing; starting records; allocations for an area admin."""
    actor, me = home.actor, home.me
    cards = []
    if me is not None:
        cards += [
            HomeCard(
                "My profile",
                reverse("people:detail", args=[me.pk]),
                "What matters to me, what I can do, and how to contact me.",
                ORDER["own_record"],
            ),
            HomeCard(
                "Who can see my record",
                reverse("people:sharing", args=[me.pk]),
                "Choose family, friends or an advocate who can see it, and take access away.",
                ORDER["own_record"] + 1,
            ),
        ]
    if can(actor, "people.add_person"):
        cards.append(
            HomeCard(
                "Add a person",
                reverse("people:create"),
                "Start a record for someone you are supporting.",
                ORDER["add_a_person"],
            )
        )
    if can(actor, "people.allocate_workers"):
        cards.append(
            HomeCard(
                "Allocate a worker",
                reverse("people:allocate"),
                "Give a worker a legitimate relationship with a person.",
                ORDER["run_the_area"] + 1,
            )
        )
    if can(actor, "people.view_break_glass_report"):
        cards.append(
            HomeCard(
                "Emergency access report",
                reverse("people:break_glass_report"),
                "Every time someone used emergency access, and why.",
                ORDER["run_the_area"] + 2,
            )
        )
    return cards

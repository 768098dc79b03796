"""What notifications offer on the home page: the area admin's outbox and scheduled jobs."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard


def home_cards(home: Home) -> list[HomeCard]:
    """For the area admin: the messages sent to people, and the jobs Kinfolk runs by itself."""
    if not can(home.actor, "notifications.read_outbox", home.actor.area):
        return []
    return [
        HomeCard(
            "Messages sent",
            reverse("notifications:outbox"),
            "Every email and text message sent to people in this area.",
            ORDER["run_the_area"] + 5,
        ),
        HomeCard(
            "Scheduled jobs",
            reverse("notifications:scheduled"),
            "Reminders and checks Kinfolk runs by itself: when they last ran, and if any failed.",
            ORDER["run_the_area"] + 6,
        ),
    ]

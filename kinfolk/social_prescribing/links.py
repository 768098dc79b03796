"""What social prescribing offers on the home page."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard

# Social prescribing's cards sit among the directory's (ORDER["community"] .. + 9).
AT = ORDER["community"]


def home_cards(home: Home) -> list[HomeCard]:
    """Referring for a referrer, the inbox for a link worker, requests for a community
    organisation, the published figures for those who hold the service to account."""
    actor = home.actor
    cards = []
    if can(actor, "social_prescribing.refer"):
        cards += [
            HomeCard(
                "Refer to social prescribing",
                reverse("social_prescribing:refer"),
                "A link worker helps them find what matters to them locally.",
                AT + 1,
            ),
            HomeCard(
                "My social prescribing referrals",
                reverse("social_prescribing:my_referrals"),
                "What became of the people you referred.",
                AT + 1,
            ),
        ]
    if can(actor, "social_prescribing.work_caseload"):
        cards.append(
            HomeCard(
                "Social prescribing",
                reverse("social_prescribing:inbox"),
                "New referrals and your caseload.",
                AT + 2,
            )
        )
    elif can(actor, "social_prescribing.see_reports"):  # a link worker's card is the inbox
        cards.append(
            HomeCard(
                "Social prescribing report",
                reverse("social_prescribing:reports"),
                "Referrals, time to first contact, connections, wellbeing.",
                AT + 5,
            )
        )
    if can(actor, "social_prescribing.see_community_requests"):
        cards.append(
            HomeCard(
                "Requests from link workers",
                reverse("social_prescribing:community"),
                "People who chose to try what you offer.",
                AT + 3,
            )
        )
    return cards

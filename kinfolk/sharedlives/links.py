"""What Shared Lives offers on the home page and from a person's record."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard, RecordLink

from .diary.presenters import coming_up
from .diary.selectors import upcoming_meetings
from .referrals.selectors import open_referral_for_person
from .rules import side_for

AT = ORDER["shared_lives"]


def home_cards(home: Home) -> list[HomeCard]:
    """What's coming (the reader's next meetings), then the Shared Lives card for their role."""
    return coming_meetings(home) + role_cards(home)


def coming_meetings(home: Home) -> list[HomeCard]:
    """The reader's next planned meetings, for either side or the person's scheme worker."""
    if not can(home.actor, "sharedlives.see_coming_meetings"):
        return []
    cards = []
    for meeting in upcoming_meetings(actor=home.actor):
        shown = coming_up(meeting, reader_side=side_for(home.actor, meeting.introduction))
        cards.append(HomeCard(shown.heading, shown.href, shown.description, AT - 1))
    return cards


def role_cards(home: Home) -> list[HomeCard]:
    """A person's matches (or those of whom a representative acts for), a carer's requests,
    the scheme for its workers, the scheme's figures for those who hold it to account."""
    actor, me = home.actor, home.me
    if me is not None and can(actor, "sharedlives.see_my_matches", me):
        return [
            HomeCard(
                "My matches",
                reverse("sharedlives:my_matches", args=[me.pk]),
                "Shared Lives households who might suit you. You choose who to meet.",
                AT,
            )
        ]
    chosen = [p for p in home.people if can(actor, "sharedlives.see_matches_for_someone", p)]
    if chosen:
        return [
            HomeCard(
                f"{p.called}'s matches",
                reverse("sharedlives:my_matches", args=[p.pk]),
                f"Shared Lives households who might suit {p.called}.",
                AT,
            )
            for p in chosen
        ]
    if can(actor, "sharedlives.answer_introduction_requests"):
        return [
            HomeCard(
                "My household",
                reverse("sharedlives:my_household"),
                "Your household's profile and photos, training, papers and payment statements.",
                AT,
            ),
            HomeCard(
                "Introduction requests",
                reverse("sharedlives:carer_requests"),
                "People who would like to meet you, and your arrangements.",
                AT,
            ),
        ]
    if can(actor, "sharedlives.run_scheme"):
        return [
            HomeCard(
                "Shared Lives scheme",
                reverse("sharedlives:dashboard"),
                "People waiting, introductions, reviews, training and free places.",
                AT,
            )
        ]
    if can(actor, "sharedlives.see_scheme_reports"):
        return [
            HomeCard(
                "Shared Lives report",
                reverse("sharedlives:reports"),
                "Carers, people supported and how arrangements are made.",
                AT,
            )
        ]
    return []


def record_links(actor, person) -> list[RecordLink]:
    """For the person's scheme worker: their Shared Lives referral, or a way to refer."""
    if not can(actor, "sharedlives.manage_referral", person):
        return []
    referral = open_referral_for_person(person=person)
    if referral:
        return [
            RecordLink(
                "Shared Lives referral", reverse("sharedlives:referral", args=[referral.pk]), 20
            )
        ]
    return [
        RecordLink(
            "Refer to Shared Lives", reverse("sharedlives:referral_create", args=[person.pk]), 20
        )
    ]

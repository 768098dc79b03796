"""What family carers' work offers on the home page and from a person's record."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard, RecordLink

from . import selectors
from .concerns.setup import home_cards as concern_cards
from .concerns.setup import record_links as concern_links
from .equipment.setup import home_cards as equipment_cards
from .equipment.setup import record_links as equipment_links

# Beside Shared Lives on the page (ORDER has gaps for new apps).
CARING = ORDER["shared_lives"] + 5
EMERGENCY = ORDER["own_record"] - 5


def home_cards(home: Home) -> list[HomeCard]:
    """The carer's plans; the responder's and back-up contact's card page; the person's answer
    to a carer; workers' assessment requests; the area admin's 24-hour number."""
    actor, cards = home.actor, []
    if can(actor, "family_carers.respond_to_emergencies") or (
        can(actor, "family_carers.may_be_a_backup_contact")
        and selectors.is_a_backup_contact(actor=actor)
    ):
        cards.append(
            HomeCard(
                "Open an emergency plan with a card number",
                reverse("family_carers:card"),
                "For the emergency team and back-up contacts: type the number on "
                "a carer's emergency card.",
                EMERGENCY,
            )
        )
    if can(actor, "family_carers.keep_a_plan"):
        cards.append(
            HomeCard(
                "My caring",
                reverse("family_carers:mine"),
                "The people you care for, their emergency plans and your card. "
                "Ask for a carer's assessment.",
                CARING,
            )
        )
    if can(actor, "family_carers.may_be_asked_to_link"):
        for asking in selectors.waiting_for_my_answer(actor=actor):
            cards.append(
                HomeCard(
                    f"{asking.carer.display_name} asked to link their emergency plan",
                    reverse("family_carers:answer", args=[asking.pk]),
                    "Say whether they may.",
                    EMERGENCY + 1,
                )
            )
    if can(actor, "family_carers.see_assessment_requests"):
        cards.append(
            HomeCard(
                "Assessment requests from family carers",
                reverse("family_carers:assessment_requests"),
                "Family carers asking the council for an assessment.",
                ORDER["run_the_area"] - 5,
            )
        )
    if can(actor, "family_carers.set_emergency_number"):
        cards.append(
            HomeCard(
                "Carers emergency number",
                reverse("family_carers:emergency_number"),
                "The 24-hour number printed on every carer's emergency card.",
                ORDER["run_the_area"] + 1,
            )
        )
    return cards + concern_cards(home) + equipment_cards(home)


def record_links(actor, person) -> list[RecordLink]:
    """A carer's emergency plan for this person, for whoever may see it."""
    return (
        [
            RecordLink(
                f"Emergency plan from {row.carer.display_name}",
                reverse("family_carers:plan", args=[row.pk]),
                30,
            )
            for row in selectors.plans_about_me(actor=actor)
            if row.person_id == person.pk
        ]
        + concern_links(actor, person)
        + equipment_links(actor, person)
    )

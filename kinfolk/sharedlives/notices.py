"""What each side of a Shared Lives introduction is told: someone would like to meet you; the
other side said yes or no; you both agreed. The person is told (if they sign in) with whoever
acts for them; the household through its carer's sign-in; the person's scheme worker too."""

from django.urls import reverse

from kinfolk.notifications.events import Event, register
from kinfolk.notifications.services import tell
from kinfolk.people.notices import allocated_workers, speaking_for

from .models import Introduction, Side

WOULD_LIKE_TO_MEET = "sharedlives.would_like_to_meet"
BOTH_SAID_YES = "sharedlives.both_said_yes"
SAID_NO = "sharedlives.said_no"
BOTH_AGREED = "sharedlives.both_agreed"
PANEL_DATE = "sharedlives.panel_date"
PANEL_OUTCOME = "sharedlives.panel_outcome"
HOUSEHOLD_LEFT = "sharedlives.household_left"


def _tell(users, introduction: Introduction, *, event: str, text: str, key: str,
          for_others: str = "") -> None:  # fmt: skip
    """Tell each user; `for_others` is the wording for someone acting for the person (who is
    not themselves the one being asked), if it differs."""
    link = reverse("sharedlives:introduction", args=[introduction.pk])
    for user in users:
        acting_for = for_others and user.pk != introduction.person.user_id
        tell(recipient=user, area=introduction.area, event=event,
             text=for_others if acting_for else text, key=key, link=link,
             about=introduction.person)  # fmt: skip


def _household(introduction: Introduction) -> list:
    carer = introduction.carer
    return [carer.user] if carer.user_id else []


def side_said_yes(introduction: Introduction, side: str) -> None:
    """One side said yes to meeting: the other side is asked; when both have, everyone knows."""
    person, carer = introduction.person, introduction.carer
    key = f"introduction-{introduction.pk}"
    if introduction.person_yes_at and introduction.carer_yes_at:
        everyone = speaking_for(person) + _household(introduction) + allocated_workers(person)
        _tell(everyone, introduction, event=BOTH_SAID_YES, key=f"{key}-both-yes",
              text=f"{person.called} and {carer.name} both said yes to meeting.")  # fmt: skip
    elif side == Side.PERSON:
        _tell(_household(introduction), introduction, event=WOULD_LIKE_TO_MEET,
              key=f"{key}-person-yes", text=f"{person.called} would like to meet you.")  # fmt: skip
    else:
        _tell(speaking_for(person), introduction, event=WOULD_LIKE_TO_MEET,
              key=f"{key}-carer-yes", text=f"{carer.name} would like to meet you.",
              for_others=f"{carer.name} would like to meet {person.called}.")  # fmt: skip


def side_said_no(introduction: Introduction, side: str) -> None:
    """One side stopped the introduction: the other side and the worker are told, kindly."""
    person, carer = introduction.person, introduction.carer
    if side == Side.PERSON:
        others, text = _household(introduction), f"{person.called} has decided not to go ahead."
    else:
        others, text = speaking_for(person), f"{carer.name} has decided not to go ahead."
    _tell(others + allocated_workers(person), introduction, event=SAID_NO, text=text,
          key=f"introduction-{introduction.pk}-no")  # fmt: skip


def both_agreed(introduction: Introduction) -> None:
    """Both sides agreed to the arrangement: the worker can start it."""
    person = introduction.person
    everyone = speaking_for(person) + _household(introduction) + allocated_workers(person)
    _tell(everyone, introduction, event=BOTH_AGREED, key=f"introduction-{introduction.pk}-agreed",
          text=f"{person.called} and {introduction.carer.name} have both agreed.")  # fmt: skip


def _tell_household(carer, *, event: str, text: str, key: str) -> None:
    if carer.user_id:
        tell(recipient=carer.user, area=carer.area, event=event, text=text, key=key,
             link=reverse("sharedlives:carer", args=[carer.pk]))  # fmt: skip


def panel_date_set(carer) -> None:
    """The household is told when it goes to panel."""
    on = f"{carer.panel_on:%-d %B %Y}"
    _tell_household(carer, event=PANEL_DATE, key=f"carer-{carer.pk}-panel-{carer.panel_on}",
                    text=f"Your household goes to panel on {on}.")  # fmt: skip


def panel_outcome(carer, decision) -> None:
    """The household is told what panel decided (the page says why)."""
    said = decision.get_decision_display().lower()
    _tell_household(carer, event=PANEL_OUTCOME, key=f"panel-decision-{decision.pk}",
                    text=f"Panel's decision: {said}.")  # fmt: skip


def household_left(carer, introductions: list, arrangements: list) -> None:
    """A household stopped being Shared Lives carers: the people it was getting to know or
    supporting (and their workers) are told, with no reasons given, and so is the household."""
    _tell_household(carer, event=HOUSEHOLD_LEFT, key=f"carer-{carer.pk}-left",
                    text="You are no longer a Shared Lives carer. Thank you.")  # fmt: skip
    for item in [*introductions, *arrangements]:
        person = item.person
        key = f"carer-{carer.pk}-left-{type(item).__name__.lower()}-{item.pk}"
        for user in speaking_for(person) + allocated_workers(person):
            tell(recipient=user, area=carer.area, event=HOUSEHOLD_LEFT, key=key,
                 text=f"{carer.name} is no longer offering Shared Lives.",
                 link=reverse("sharedlives:my_matches", args=[person.pk]),
                 about=person)  # fmt: skip


def register_events() -> None:
    """Shared Lives introductions' events (from AppConfig.ready())."""
    for code, message, easy in (
        (WOULD_LIKE_TO_MEET, "Someone would like to meet you through Shared Lives.",
         "Someone would like to meet you."),
        (BOTH_SAID_YES, "Both sides said yes to meeting through Shared Lives.",
         "You both said yes to meeting."),
        (SAID_NO, "An introduction through Shared Lives will not go ahead.",
         "A meeting will not go ahead."),
        (BOTH_AGREED, "Both sides agreed to a Shared Lives arrangement.", "You both said yes."),
        (PANEL_DATE, "A Shared Lives panel date has been set.", "You have a panel date."),
        (PANEL_OUTCOME, "A Shared Lives panel has made a decision.", "Panel has decided."),
        (HOUSEHOLD_LEFT, "A Shared Lives household has stopped offering Shared Lives.",
         "A Shared Lives home has stopped."),
    ):  # fmt: skip
        register(Event(code, f"{message} Sign in to see more.", f"{easy} Sign in to see more."))

"""What budgets offer on the home page and from a person's record."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard, RecordLink

from .models import Budget

AT = ORDER["wellbeing"] + 5  # just after "How I'm doing"


def _latest_budget(person):
    return Budget.objects.in_area(person.area_id).filter(person=person).first()


def home_cards(home: Home) -> list[HomeCard]:
    """The person's own 'My budget'; approvers' plans waiting; managers' budgets."""
    actor, me = home.actor, home.me
    cards = []
    if me is not None and can(actor, "budgets.see_my_budget", me):
        budget = _latest_budget(me)
        if budget is not None:
            cards.append(
                HomeCard(
                    "My budget",
                    reverse("budgets:budget", args=[budget.pk]),
                    "How much is left, my support plan, and what was paid.",
                    AT,
                )
            )
    if can(actor, "budgets.see_plans_waiting"):
        cards.append(
            HomeCard(
                "Support plans waiting for approval",
                reverse("budgets:waiting"),
                "Plans people have agreed, for you to approve.",
                AT,
            )
        )
    if can(actor, "budgets.set_up_budget"):
        cards.append(
            HomeCard(
                "Set up a budget",
                reverse("budgets:set_up_find"),
                "A personal budget for someone: how it is held, how much, who keeps it.",
                AT,
            )
        )
    if can(actor, "budgets.see_budgets_i_manage"):
        cards.append(
            HomeCard(
                "Budgets I manage",
                reverse("budgets:managed"),
                "Record payments and see what is left.",
                AT + 1,
            )
        )
    return cards


def record_links(actor, person) -> list[RecordLink]:
    """The person's budget, for whoever may see it."""
    budget = _latest_budget(person)
    if budget is None or not can(actor, "budgets.view_budget", budget):
        return []
    own = can(actor, "budgets.see_my_budget", person)
    text = "My budget" if own else f"{person.called}'s budget"
    return [RecordLink(text, reverse("budgets:budget", args=[budget.pk]), 15)]

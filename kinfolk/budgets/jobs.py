"""Budgets' recurring jobs: a review is due (told a month ahead and on the day), and unspent
direct payments go back to the council once their period has ended."""

from datetime import date, timedelta

from django.urls import reverse

from kinfolk.notifications.events import Event, register
from kinfolk.notifications.schedules import DAILY, Job, register_job
from kinfolk.notifications.services import Notice, tell_many
from kinfolk.people.notices import speaking_for

from . import selectors, services
from .models import Budget

REVIEW_DUE = "budgets.review_due"
TOLD_AHEAD = timedelta(days=30)


def budgets_due_a_review(day: date) -> list[Budget]:
    """Budgets still running whose yearly review falls due within a month of `day` (or has
    passed)."""
    running = Budget.objects.filter(ends_on__gte=day, person__erased_at__isnull=True)
    running = running.select_related("person", "person__user", "area", "manager")
    return [b for b in running if b.review_due_on <= day + TOLD_AHEAD]


def remind(day: date) -> str:
    """Tell the person (and whoever speaks for them) and the manager that a review is due."""
    notices = []
    for budget in budgets_due_a_review(day):
        person, due = budget.person, budget.review_due_on
        link = reverse("budgets:budget", args=[budget.pk])
        key = f"budget-review-{budget.pk}-{due}"
        for user in {*speaking_for(person), budget.manager}:
            own = user.pk == person.user_id
            text = (
                f"Your budget and support plan are due a review by {due:%-d %B %Y}."
                if own
                else f"{person.called}'s budget is due a review by {due:%-d %B %Y}."
            )
            notices.append(Notice(user, person.area, REVIEW_DUE, text, key, link, person))
    return f"told:{tell_many(notices)}"


def recover(day: date) -> str:
    """Return what is left of each ended direct payment to the council, as a movement."""
    recovered = 0
    for budget in selectors.budgets_ended_with_money_left(day):
        if services.unspent_recover(budget=budget, day=day) is not None:
            recovered += 1
    return f"recovered:{recovered}"


def register_jobs() -> None:
    """Budgets' event and jobs (from AppConfig.ready())."""
    register(
        Event(
            REVIEW_DUE,
            "A budget and support plan are due a review. Sign in to see which.",
            "A budget review is due. Sign in to see it.",
        )
    )
    register_job(
        Job(
            "budgets.review_due",
            "Remind people their budget review is due",
            DAILY,
            remind,
            reminds=True,
        )
    )
    register_job(
        Job(
            "budgets.recover_unspent",
            "Return unspent direct payments at period end",
            DAILY,
            recover,
        )
    )

"""The nightly Shared Lives introduction plan: each area's stable plan is worked out again,
and if it suggests a household for people who have waited more than four weeks, the area's
scheme workers are told how many (no names: the page, behind sign-in, shows who). Nothing is
proposed: an introduction still needs both sides to say yes."""

from datetime import date, timedelta

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.accounts.selectors import users_acting_as
from kinfolk.core.models import Area
from kinfolk.core.tenancy import within_area
from kinfolk.notifications.events import Event, register
from kinfolk.notifications.schedules import DAILY, Job, register_job
from kinfolk.notifications.services import Notice, tell_many

from .selectors import plan_for_area

PLAN_SUGGESTS = "sharedlives.plan_suggests_introductions"
LONG_WAIT = timedelta(days=28)


def waited_long_and_planned(area, day: date) -> int:
    """How many people in tonight's plan have waited more than four weeks."""
    plan = plan_for_area(area=area)
    return sum(1 for pair in plan.pairs if day - pair.referral.received_on > LONG_WAIT)


def run_plan(day: date) -> str:
    """Work out each area's plan and tell its scheme workers when long waits could end."""
    notices = []
    for area in Area.objects.all():
        with within_area(area):
            workers = users_acting_as(area_id=area.pk, role=Role.SCHEME_WORKER)
            if not workers:
                continue
            count = waited_long_and_planned(area, day)
        if not count:
            continue
        text = (
            f"Last night's introduction plan suggests a household for {count} "
            f"{'person who has' if count == 1 else 'people who have'} waited more than 4 weeks."
        )
        notices += [
            Notice(worker, area, PLAN_SUGGESTS, text, f"plan-{area.pk}-{day}",
                   reverse("sharedlives:introduction_plan"))
            for worker in workers
        ]  # fmt: skip
    return f"told:{tell_many(notices)}"


def register_nightly_plan() -> None:
    """The nightly plan's event and job (from AppConfig.ready())."""
    register(
        Event(
            PLAN_SUGGESTS,
            "The Shared Lives introduction plan suggests households for people who have waited "
            "a long time. Sign in to see it.",
            "Some people waiting could meet a family. Sign in to see it.",
        )
    )
    register_job(Job("sharedlives.introduction_plan", "Work out the introduction plan",
                     DAILY, run_plan, reminds=True))  # fmt: skip

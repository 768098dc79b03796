"""Shared Lives reminders, run once a day: training and checks 60, 30 and 7 days before they
run out, and reviews 14 days before they are due and the day after they were missed. The carer
(if they sign in) and every scheme worker in the area are told; each reminder once."""

from datetime import date, timedelta

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.accounts.selectors import users_acting_as
from kinfolk.notifications.events import Event, register
from kinfolk.notifications.schedules import DAILY, Job, register_job
from kinfolk.notifications.services import Notice, tell_many

from .models import ArrangementReview, Carer, CarerCheck, TrainingRecord

AHEAD_DAYS = (60, 30, 7)
REVIEW_AHEAD_DAYS = 14

TRAINING = "sharedlives.training_expiring"
CHECK = "sharedlives.check_due"
REVIEW_DUE = "sharedlives.review_due"
REVIEW_MISSED = "sharedlives.review_overdue"


def _on(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _scheme_workers(area_id: int, cache: dict) -> list:
    if area_id not in cache:
        cache[area_id] = users_acting_as(area_id=area_id, role=Role.SCHEME_WORKER)
    return cache[area_id]


def _household_and_scheme(carer: Carer, *, event, own, theirs, key, link, about=None,
                          workers: dict) -> list[Notice]:  # fmt: skip
    notices = []
    if carer.user_id:
        notices.append(Notice(carer.user, carer.area, event, own, key, "/", about))
    for worker in _scheme_workers(carer.area_id, workers):
        notices.append(Notice(worker, carer.area, event, theirs, key, link, about))
    return notices


def remind(day: date) -> str:
    """Tell carers and scheme workers what runs out or is due soon; returns how many were told."""
    workers: dict = {}
    notices = []
    for ahead in AHEAD_DAYS:
        on = day + timedelta(days=ahead)
        for record in TrainingRecord.objects.filter(expires_on=on).select_related(
            "carer", "carer__area", "carer__user"
        ):
            course = record.get_course_display()
            notices += _household_and_scheme(
                record.carer,
                event=TRAINING,
                own=f"Your {course} training runs out on {_on(on)}.",
                theirs=f"{record.carer.name}: {course} training runs out on {_on(on)}.",
                key=f"training-{record.pk}-{ahead}",
                link=reverse("sharedlives:carer", args=[record.carer_id]),
                workers=workers,
            )
        for check in CarerCheck.objects.filter(due_on=on, done_on__isnull=True).select_related(
            "carer", "carer__area", "carer__user"
        ):
            kind = check.get_kind_display()
            notices += _household_and_scheme(
                check.carer,
                event=CHECK,
                own=f"Your {kind[:1].lower() + kind[1:]} is due on {_on(on)}.",
                theirs=f"{check.carer.name}: {kind} is due on {_on(on)}.",
                key=f"check-{check.pk}-{ahead}",
                link=reverse("sharedlives:carer", args=[check.carer_id]),
                workers=workers,
            )
    notices += _reviews(day, workers)
    return f"told:{tell_many(notices)}"


def _reviews(day: date, workers: dict) -> list[Notice]:
    notices = []
    due_soon = day + timedelta(days=REVIEW_AHEAD_DAYS)
    missed = day - timedelta(days=1)
    for review in ArrangementReview.objects.filter(
        due_on__in=[due_soon, missed], done_on__isnull=True, arrangement__ended_on__isnull=True
    ).select_related("arrangement", "arrangement__person", "arrangement__carer__area",
                     "arrangement__carer__user"):  # fmt: skip
        arrangement = review.arrangement
        late = review.due_on == missed
        when = f"was due on {_on(review.due_on)}" if late else f"is due on {_on(review.due_on)}"
        notices += _household_and_scheme(
            arrangement.carer,
            event=REVIEW_MISSED if late else REVIEW_DUE,
            own=f"A review of the arrangement with {arrangement.person.called} {when}.",
            theirs=(
                f"A review of {arrangement.person.called}'s arrangement with "
                f"{arrangement.carer.name} {when}."
            ),
            key=f"review-{review.pk}-{'missed' if late else 'soon'}",
            link=reverse("sharedlives:arrangement", args=[arrangement.pk]),
            about=arrangement.person,
            workers=workers,
        )
    return notices


def register_reminders() -> None:
    """Shared Lives' events and its daily reminder job (from AppConfig.ready())."""
    register(Event(TRAINING, "Some Shared Lives training needs renewing soon. Sign in to see it.",
                   "Some training needs doing again soon. Sign in to see it."))  # fmt: skip
    register(Event(CHECK, "A Shared Lives check is due soon. Sign in to see it.",
                   "A check is due soon. Sign in to see it."))  # fmt: skip
    register(Event(REVIEW_DUE, "A Shared Lives review is due soon. Sign in to see it.",
                   "A review is coming up. Sign in to see it."))  # fmt: skip
    register(Event(REVIEW_MISSED, "A Shared Lives review is overdue. Sign in to see it.",
                   "A review is late. Sign in to see it."))  # fmt: skip
    register_job(Job("sharedlives.reminders", "Remind about training, checks and reviews",
                     DAILY, remind, reminds=True))  # fmt: skip

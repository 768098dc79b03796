"""Wellbeing reminders, run once a day: a person who has checked in before is told when three
months have passed since their last check-in (and so is whoever they chose to act for them).
Someone who has never checked in is never chased."""

from datetime import date, timedelta

from django.db.models import Max
from django.urls import reverse

from kinfolk.notifications.events import Event, register
from kinfolk.notifications.schedules import DAILY, Job, day_bounds, register_job
from kinfolk.notifications.services import Notice, tell_many
from kinfolk.people.models import Person
from kinfolk.people.notices import speaking_for

from .models import CheckIn

CHECK_IN_EVERY = timedelta(days=91)  # about three months
CHECK_IN_DUE = "wellbeing.check_in_due"


def people_due_a_check_in(day: date) -> list[tuple[Person, date]]:
    """People whose last check-in was three months or more before `day`, with its date."""
    _, end = day_bounds(day - CHECK_IN_EVERY)
    last = dict(
        CheckIn.objects.values("person_id")
        .annotate(last=Max("checked_in_at"))
        .filter(last__lt=end)
        .values_list("person_id", "last")
    )
    people = Person.objects.filter(pk__in=last, erased_at__isnull=True)
    people = people.select_related("user", "area")
    return [(person, last[person.pk].date()) for person in people]


def remind(day: date) -> str:
    """Tell each person due a check-in, once for each check-in they last made."""
    notices = []
    for person, last in people_due_a_check_in(day):
        for user in speaking_for(person):
            own = user.pk == person.user_id
            text = (
                "It is three months since your last check-in. How are things going?"
                if own
                else f"It is three months since {person.called}'s last check-in."
            )
            notices.append(
                Notice(user, person.area, CHECK_IN_DUE, text, f"check-in-due-{person.pk}-{last}",
                       reverse("wellbeing:check_in", args=[person.pk]), person)
            )  # fmt: skip
    return f"told:{tell_many(notices)}"


def register_reminders() -> None:
    """Wellbeing's event and its daily reminder (from AppConfig.ready())."""
    register(
        Event(
            CHECK_IN_DUE,
            "Your wellbeing check-in is due. Sign in to say how things are going.",
            "It is time to say how you are. Sign in to do it.",
        )
    )
    register_job(Job("wellbeing.check_in_due", "Remind people their check-in is due",
                     DAILY, remind, reminds=True))  # fmt: skip

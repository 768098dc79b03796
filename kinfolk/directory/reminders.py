"""Directory reminders, run once a day: a listing not confirmed for 5 months reminds whoever
listed it to confirm it is still right, a month before it is marked out of date (6 months)."""

from datetime import date, timedelta

from django.db.models import Q

from kinfolk.notifications.events import Event, register
from kinfolk.notifications.schedules import DAILY, Job, day_bounds, register_job
from kinfolk.notifications.services import Notice, tell_many

from .listing_checks import STALE_AFTER
from .models import Organization

REMIND_AFTER = timedelta(days=152)  # about 5 months
LISTING = "directory.listing_needs_confirming"


def remind(day: date) -> str:
    """Remind each organisation whose listing was last confirmed 5 months ago today."""
    then = day_bounds(day - REMIND_AFTER)
    due = (
        Organization.objects.filter(submitted_by__isnull=False)
        .filter(
            Q(confirmed_at__range=then) | Q(confirmed_at__isnull=True, last_modified__range=then)
        )
        .select_related("area", "submitted_by")
    )
    notices = []
    for org in due:
        hidden_on = (org.confirmed_at or org.last_modified).date() + STALE_AFTER
        text = (
            f"Is {org.name}'s listing still right? Confirm it by "
            f"{hidden_on.day} {hidden_on:%B %Y} or it will show as out of date."
        )
        key = f"listing-{org.pk}-{day - REMIND_AFTER}"
        notices.append(Notice(org.submitted_by, org.area, LISTING, text, key, "/"))
    return f"told:{tell_many(notices)}"


def register_reminders() -> None:
    """The directory's event and its daily reminder (from AppConfig.ready())."""
    register(
        Event(
            LISTING,
            "Your listing in the local directory needs checking. Sign in to confirm it.",
            "Please check your listing is right. Sign in to do it.",
        )
    )
    register_job(Job("directory.listing_reminders", "Remind organisations to confirm listings",
                     DAILY, remind, reminds=True))  # fmt: skip

"""Reads for notifications: a person's own, and the area admin's outbox and scheduled jobs."""

from django.db.models import QuerySet
from django.utils import timezone

from kinfolk.core.audit import audit_list_view
from kinfolk.core.permissions import require
from kinfolk.core.records import record_for

from . import schedules
from .models import Delivery, Notification, ScheduledRun


def unread_count(*, actor) -> int:
    """How many notifications the signed-in person has not read (the header shows it)."""
    if not getattr(actor, "is_signed_in", False):
        return 0
    return (
        Notification.objects.in_area(actor.area)
        .filter(recipient=actor.user, read_at__isnull=True)
        .count()
    )


def notifications_for(*, actor) -> QuerySet:
    """The signed-in person's own notifications in the area they are acting in, newest first."""
    require(actor, "notifications.see_own")
    return Notification.objects.in_area(actor.area).filter(recipient=actor.user)


def notification_get(*, actor, notification_id) -> Notification:
    """One of the signed-in person's notifications (anyone else's is refused and audited)."""
    return record_for(
        actor,
        Notification.objects.in_area(actor.area),
        notification_id,
        permission="notifications.read_notification",
        audit=False,
    )


def audit_centre_page(*, actor, shown: int) -> None:
    """A notification may name someone, so a page of them is a read like any list of people."""
    audit_list_view(actor=actor, target_type="notification_list", count=shown)


def outbox_for(*, actor) -> QuerySet:
    """Every message sent or kept for people in the admin's area, newest first (audited)."""
    require(actor, "notifications.read_outbox", actor.area)
    return Delivery.objects.filter(notification__area=actor.area).select_related(
        "notification", "notification__recipient"
    )


def audit_outbox_page(*, actor, shown: int) -> None:
    """An outbox page names who was told: a read like any list of people."""
    audit_list_view(actor=actor, target_type="notification_outbox", count=shown)


def scheduled_jobs(*, actor) -> list[dict]:
    """Each recurring job with its last run and next run, for the area admin."""
    require(actor, "notifications.see_scheduled_jobs", actor.area)
    now = timezone.now()
    last_runs = {}
    for run in ScheduledRun.objects.order_by("job", "-started_at"):
        last_runs.setdefault(run.job, run)
    return [
        {"job": job, "last": last_runs.get(job.code), "next": schedules.next_run(job, now)}
        for job in schedules.jobs()
    ]


def failed_background_work(*, actor) -> list[dict]:
    """Background work that failed in the last 7 days (what, when, the kind of error), for the
    area admin; it names no person."""
    from .failures import recent_failures

    require(actor, "notifications.see_scheduled_jobs", actor.area)
    return recent_failures()

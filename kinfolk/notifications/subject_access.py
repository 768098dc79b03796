"""Notifications' part of subject access and erasure: what a person was told, what was told to
others about them, and how they chose to be told."""

from django.db.models import Q

from kinfolk.core.subject_access import ERASED, Part, holds_nothing_about_a_person, register, when

from .models import Notification, Preference

KEY = "notifications"


def _theirs(person) -> Q:
    mine = Q(about_person_id=person.pk)
    return mine | Q(recipient_id=person.user_id) if person.user_id else mine


def export(person) -> dict:
    """What the person was told, and notifications to others that name them."""
    told = Notification.objects.filter(_theirs(person)).order_by("created_at")
    preference = Preference.objects.filter(user_id=person.user_id).first()
    return {
        "notifications": [
            {
                "to_them": item.recipient_id == person.user_id,
                "text": item.text,
                "created_at": when(item.created_at),
                "read_at": when(item.read_at),
                "sent": [
                    {"channel": d.channel, "status": d.status, "at": when(d.at)}
                    for d in item.deliveries.all()
                ],
            }
            for item in told
        ],
        "choices": None
        if preference is None
        else {
            "by_email": preference.by_email,
            "by_text": preference.by_text,
            "mobile": preference.mobile,
            "easy_read": preference.easy_read,
            "daily_digest": preference.daily_digest,
        },
    }


def erase(person) -> None:
    """Their own notifications and choices go; others' notifications naming them are blanked."""
    if person.user_id:
        Notification.objects.filter(recipient_id=person.user_id).delete()
        Preference.objects.filter(user_id=person.user_id).delete()
    Notification.objects.filter(about_person_id=person.pk).update(text=ERASED, link="")


def register_parts() -> None:
    """Register notifications' part from AppConfig.ready()."""
    register(
        Part(
            KEY,
            ("notifications.Notification", "notifications.Delivery", "notifications.Preference"),
            export,
            erase,
        )
    )
    holds_nothing_about_a_person(
        "django_tasks_database.DBTaskResult",
        "The background queue: Kinfolk's tasks take ids only (a notification's id), never names.",
    )
    holds_nothing_about_a_person(
        "notifications.ScheduledRun", "Which recurring job ran for which day, and its outcome."
    )
    holds_nothing_about_a_person(
        "notifications.BackgroundFailure",
        "Which kind of background work failed, when, and the kind of error; never its arguments.",
    )

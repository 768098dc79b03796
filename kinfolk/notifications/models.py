"""What people are told: a notification in Kinfolk, each message sent for it, each person's
choices, and each run of a scheduled job."""

from django.conf import settings
from django.db import models

from kinfolk.core.scoping import AreaOwned


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    SMS = "sms", "Text message"


class DeliveryStatus(models.TextChoices):
    OUTBOX = "outbox", "Kept in the outbox (no message service set up)"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"


class Notification(AreaOwned):
    """Something one person needs to know, shown in their notification centre.

    `key` makes telling idempotent: the same event for the same person is stored (and sent) once,
    however many times a page is posted or a scheduled job runs."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField(max_length=64)
    text = models.CharField(max_length=200)
    link = models.CharField(max_length=300, blank=True)
    key = models.CharField(max_length=120)
    # The person the notification is about, if any (its text may name them): erasure blanks it.
    # An id, not a key to people, so notifications stay below people in the layers.
    about_person_id = models.UUIDField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_told_once")
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]


class Delivery(models.Model):
    """One message sent (or kept in the outbox) for a notification, on one channel."""

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=8, choices=Channel.choices)
    template = models.CharField(max_length=64)
    status = models.CharField(max_length=8, choices=DeliveryStatus.choices)
    provider_id = models.CharField(max_length=64, blank=True)
    problem = models.CharField(max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_once")
        ]


class Preference(models.Model):
    """How someone wants to be told, beyond the notification centre they always have."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    by_email = models.BooleanField(default=True)
    by_text = models.BooleanField(default=False)
    mobile = models.CharField(max_length=20, blank=True)
    easy_read = models.BooleanField(default=False)
    daily_digest = models.BooleanField(default=False)


class ScheduledRun(models.Model):
    """One run of a recurring job for one period: unique, so it runs once however many workers."""

    job = models.CharField(max_length=64)
    period = models.CharField(max_length=16)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=200, blank=True)
    succeeded = models.BooleanField(null=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="scheduled_run_once")]


class BackgroundFailure(models.Model):
    """A piece of background work that failed (after any retries its task makes itself): what
    it was and the kind of error, never its arguments. Shown to area admins so a failure is
    seen, whichever queue runs the work."""

    task = models.CharField(max_length=200)
    problem = models.CharField(max_length=200)
    failed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-failed_at", "-pk"]

"""Telling people: store a notification once, deliver it on the channels its recipient chose, in
the background, and let them mark it read."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinfolk.accounts.models import User
from kinfolk.core.audit import audit_record
from kinfolk.core.models import Area, AuditAction

from . import channels, events
from .models import Channel, Delivery, DeliveryStatus, Notification, Preference

# A failed message is tried again after 1, 5, 25 and 125 minutes, then left as failed.
RETRY_MINUTES = (1, 5, 25, 125)
BATCH = 500


@dataclass(frozen=True)
class Notice:
    """One thing to tell one person (see `tell`)."""

    recipient: object
    area: object
    event: str
    text: str
    key: str
    link: str = ""
    about: object = None

    def as_notification(self) -> Notification:
        events.event(self.event)  # a mistake if no app registered it
        return Notification(
            area=self.area,
            recipient=self.recipient,
            event=self.event,
            text=self.text[:200],
            key=self.key,
            link=self.link,
            about_person_id=getattr(self.about, "pk", None),
        )


def tell(*, recipient, area, event: str, text: str, key: str, link: str = "", about=None):
    """Tell one person something. The same `key` for the same person is stored once, so posting a
    page twice or running a job twice tells nobody twice. Returns the notification, or None if
    they had already been told. Email and text go out in the background after the change is
    committed. `about` is the person the text names, if any, so erasing them blanks it."""
    notice = Notice(recipient, area, event, text, key, link, about)
    try:
        with transaction.atomic():
            notification = notice.as_notification()
            notification.save(force_insert=True)
    except IntegrityError:
        return None
    when_committed(lambda: _enqueue_delivery(notification.pk))
    return notification


def tell_many(notices: list[Notice]) -> int:
    """Tell many people at once (a scheduled job): one query to find who was told already, one
    insert, and one background task per batch of deliveries. Returns how many were told now."""
    told = 0
    for start in range(0, len(notices), BATCH):
        told += _tell_batch(notices[start : start + BATCH])
    return told


def _tell_batch(notices: list[Notice]) -> int:
    wanted = {(n.recipient.pk, n.key): n for n in notices}
    already = set(
        Notification.objects.filter(key__in={key for _, key in wanted})
        .filter(recipient_id__in={pk for pk, _ in wanted})
        .values_list("recipient_id", "key")
    )
    fresh = [n.as_notification() for pair, n in wanted.items() if pair not in already]
    if not fresh:
        return 0
    Notification.objects.bulk_create(fresh, ignore_conflicts=True)
    ids = list(
        Notification.objects.filter(key__in={n.key for n in fresh})
        .filter(recipient_id__in={n.recipient_id for n in fresh}, deliveries__isnull=True)
        .values_list("pk", flat=True)
    )
    when_committed(lambda: _enqueue_batch(ids))
    return len(fresh)


def _enqueue_batch(ids: list[int]) -> None:
    from .tasks import deliver_many

    deliver_many.enqueue(ids)


def when_committed(enqueue) -> None:
    """Queue background work so it runs only if the change that asked for it is kept.

    With the database queue the task row is written in the same transaction (it appears, or
    not, with the change: a transactional outbox, and one commit instead of two). Any other
    queue (Redis) is told after the commit, so a worker never acts on a change not yet kept."""
    from django_tasks_db.backend import DatabaseBackend

    from .tasks import deliver

    if isinstance(deliver.get_backend(), DatabaseBackend):
        enqueue()
    else:
        transaction.on_commit(enqueue, robust=True)


def _enqueue_delivery(notification_id: int, *, after: timedelta | None = None) -> None:
    from .tasks import deliver

    task = deliver
    if after is not None:
        if not deliver.get_backend().supports_defer:
            return  # a backend that runs tasks at once (tests) cannot wait: no retry storm
        task = deliver.using(run_after=timezone.now() + after)
    task.enqueue(notification_id)


def preference_for(user) -> Preference:
    """How this person wants to be told (email only, until they choose)."""
    found = Preference.objects.filter(user=user).first()
    return found or Preference(user=user)


def preference_save(*, actor, by_email: bool, by_text: bool, mobile: str, easy_read: bool,
                    daily_digest: bool) -> Preference:  # fmt: skip
    """Save how the signed-in person wants to be told."""
    preference, _ = Preference.objects.update_or_create(
        user=actor.user,
        defaults={
            "by_email": by_email,
            "by_text": by_text and bool(mobile),
            "mobile": mobile,
            "easy_read": easy_read,
            "daily_digest": daily_digest,
        },
    )
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target_type="notification_preference",
        target_id=preference.pk,
    )  # fmt: skip
    return preference


def _addresses(notification: Notification) -> dict[str, str]:
    preference = preference_for(notification.recipient)
    chosen = {}
    if preference.by_email and notification.recipient.email:
        chosen[Channel.EMAIL] = notification.recipient.email
    if preference.by_text and preference.mobile:
        chosen[Channel.SMS] = preference.mobile
    return chosen


def _message_for(notification: Notification, channel: str, to: str) -> channels.Message:
    event = events.event(notification.event)
    easy = preference_for(notification.recipient).easy_read
    return channels.Message(
        channel=channel,
        to=to,
        message=event.easy_read if easy else event.message,
        link=settings.KINFOLK_SITE_URL.rstrip("/") + (notification.link or "/notifications/"),
        reference=f"kinfolk-{notification.pk}-{channel}",
    )


def deliver_notification(notification_id: int) -> dict[str, str]:
    """Send a notification on each channel its recipient chose, once per channel: a channel
    already sent (or kept in the outbox) is not sent again, so a retried task is harmless."""
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None:
        return {}
    if notification.event != events.DIGEST and preference_for(notification.recipient).daily_digest:
        return {}  # they chose one message a day: the digest job tells them
    outcome = {}
    for channel, to in _addresses(notification).items():
        outcome[channel] = _deliver_on(notification, channel, to)
    return outcome


def _deliver_on(notification: Notification, channel: str, to: str) -> str:
    delivery, _ = Delivery.objects.get_or_create(
        notification=notification,
        channel=channel,
        defaults={"template": notification.event, "status": DeliveryStatus.SENDING},
    )
    if delivery.status in (DeliveryStatus.SENT, DeliveryStatus.OUTBOX):
        return delivery.status
    delivery.attempts += 1
    if not channels.notify_is_set_up():
        delivery.status = DeliveryStatus.OUTBOX
    else:
        try:
            delivery.provider_id = channels.send(_message_for(notification, channel, to))
            delivery.status, delivery.problem = DeliveryStatus.SENT, ""
        except channels.NotSent as error:
            delivery.status, delivery.problem = DeliveryStatus.FAILED, error.problem
            if error.retry and delivery.attempts <= len(RETRY_MINUTES):
                wait = timedelta(minutes=RETRY_MINUTES[delivery.attempts - 1])
                when_committed(lambda: _enqueue_delivery(notification.pk, after=wait))
    delivery.save()
    return delivery.status


def mark_read(*, actor, notification: Notification) -> None:
    """The person has seen this notification."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def mark_all_read(*, actor) -> int:
    """The person has seen everything in their notification centre."""
    unread = Notification.objects.in_area(actor.area).filter(recipient=actor.user)
    return unread.filter(read_at__isnull=True).update(read_at=timezone.now())


def send_test_message(*, actor):
    """Tell the signed-in person a test message on their chosen channels (each press is new)."""
    return tell(
        recipient=actor.user,
        area=actor.area,
        event=events.TEST_MESSAGE,
        text="A test message: if it reached your email or phone, your choices work.",
        key=f"test-{timezone.now().isoformat()}",
        link="/notifications/",
    )


def send_daily_digests(day) -> str:
    """For everyone who chose one message a day: one message if anything new came since the
    last digest. Runs once a day (schedules); a digest is itself a notification, told once."""
    sent = 0
    waiting = (
        Notification.objects.filter(
            recipient__notification_preference__daily_digest=True, read_at__isnull=True
        )
        .exclude(event=events.DIGEST)
        .filter(created_at__gte=timezone.now() - timedelta(days=1))
        .values_list("recipient_id", "area_id")
        .distinct()
    )
    pairs = list(waiting)
    users = User.objects.in_bulk({user for user, _ in pairs})
    areas = Area.objects.in_bulk({area for _, area in pairs})
    for recipient_id, area_id in pairs:
        told = tell(
            recipient=users[recipient_id],
            area=areas[area_id],
            event=events.DIGEST,
            text="Your daily summary of new notifications.",
            key=f"digest-{day.isoformat()}",
            link="/notifications/",
        )
        sent += told is not None
    return f"digests:{sent}"

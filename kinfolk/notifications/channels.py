"""Email and text messages through GOV.UK Notify, with its official client.

With no Notify key (the demo, a new install) nothing leaves the machine: each message is kept in
the area's outbox, which the area admin can read. `KINFOLK_NOTIFY_BASE_URL` points the client at
another server (tests use a fake Notify server on loopback).
"""

from dataclasses import dataclass

from django.conf import settings
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient
from requests import RequestException

from .models import Channel


class NotSent(Exception):
    """Notify refused the message or could not be reached; `retry` says whether to try again."""

    def __init__(self, problem: str, *, retry: bool):
        super().__init__(problem)
        self.problem, self.retry = problem, retry


@dataclass(frozen=True)
class Message:
    """One message to send: who to, on which channel, what it says and where it leads."""

    channel: str
    to: str
    message: str
    link: str
    reference: str


def notify_is_set_up() -> bool:
    """Whether messages are really sent (a Notify key is set) or kept in the outbox."""
    return bool(settings.KINFOLK_NOTIFY_API_KEY)


def _client() -> NotificationsAPIClient:
    return NotificationsAPIClient(
        settings.KINFOLK_NOTIFY_API_KEY, base_url=settings.KINFOLK_NOTIFY_BASE_URL, timeout=10
    )


def send(message: Message) -> str:
    """Send one message through Notify; returns Notify's id for it."""
    personalisation = {"message": message.message, "link": message.link}
    try:
        if message.channel == Channel.EMAIL:
            answer = _client().send_email_notification(
                email_address=message.to,
                template_id=settings.KINFOLK_NOTIFY_EMAIL_TEMPLATE,
                personalisation=personalisation,
                reference=message.reference,
            )
        else:
            answer = _client().send_sms_notification(
                phone_number=message.to,
                template_id=settings.KINFOLK_NOTIFY_SMS_TEMPLATE,
                personalisation=personalisation,
                reference=message.reference,
            )
    except HTTPError as error:
        # Notify's 4xx answers (a bad address, a bad template) will not get better by waiting.
        raise NotSent(f"notify_{error.status_code}", retry=error.status_code >= 500) from error
    except RequestException as error:
        raise NotSent("notify_unreachable", retry=True) from error
    return str(answer.get("id", ""))

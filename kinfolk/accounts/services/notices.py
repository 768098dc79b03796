"""Telling an account's owner about something that changed their account's security.

These go by email to the address on the account, never carry health details, and are sent
whatever the owner's notification choices, because they may mean someone else is in.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail

from ..models import User

logger = logging.getLogger(__name__)
SIGN_OFF = (
    "\n\nIf this was not you, contact your area admin straight away.\n\n"
    "This message was sent by Kinfolk. Do not reply to it."
)


def tell_account_owner(*, user: User, subject: str, what_happened: str) -> None:
    """Email the owner of an account that something happened to its security."""
    if not user.email or not user.is_active:
        return
    body = f"Hello {user.display_name or 'there'},\n\n{what_happened}{SIGN_OFF}"
    email_send(to=user.email, subject=f"Kinfolk: {subject}", body=body)


def email_send(*, to: str, subject: str, body: str) -> bool:
    """Send one plain email; a broken mail server is logged and never stops what the person did."""
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    except OSError:
        logger.exception("Could not send an email (%s)", subject)
        return False
    return True

"""Forms that make something are acted on once. The form carries a one-time token
(`once_input()` in its template); the first sending records the token with the page it led to,
in the same transaction as what it made; sending the same form again (the browser's Back, a
double click, a retry) makes nothing and goes to that page instead."""

import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from markupsafe import Markup

from .models import FormSent

FIELD = "once"
KEPT_FOR = timedelta(days=30)


def once_input() -> Markup:
    """The hidden one-time token a form that makes something carries."""
    return Markup(f'<input type="hidden" name="{FIELD}" value="{uuid.uuid4()}">')


def token_of(request) -> uuid.UUID | None:
    """The form's one-time token, if it carries a well-formed one and someone is signed in."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return None
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def earlier_outcome(user, token: uuid.UUID) -> str | None:
    """Where this form led the first time it was sent, if it was."""
    sent = FormSent.objects.filter(user=user, token=token).first()
    return sent.outcome_url if sent else None


class SentAlready(Exception):
    """The same form was sent at the same moment from elsewhere; that sending made it."""


def act_once(user, token: uuid.UUID, act, outcome_url) -> tuple[object, str]:
    """Act and record the token with the page it led to, together: if the token is taken by a
    sending at the same moment, everything this one did is undone."""
    try:
        with transaction.atomic():
            result = act()
            url = outcome_url(result)
            FormSent.objects.create(user=user, token=token, outcome_url=url[:300])
    except IntegrityError as error:
        if earlier_outcome(user, token) is None:
            raise
        raise SentAlready from error
    return result, url


def forget_old_tokens(now=None) -> int:
    """Tokens older than 30 days are let go (a form that old is not sent by Back)."""
    before = (now or timezone.now()) - KEPT_FOR
    deleted, _ = FormSent.objects.filter(sent_at__lt=before).delete()
    return deleted

"""Telling carers their payment statement is ready: once a month, for the month just ended,
each household with a sign-in and something to be paid for it is told (once). The message has
no figures and no names: only that a statement is ready, and to sign in."""

from datetime import date, timedelta

from django.db.models import Q
from django.urls import reverse

from kinfolk.notifications.events import Event, register
from kinfolk.notifications.schedules import MONTHLY, Job, register_job
from kinfolk.notifications.services import Notice, tell_many

from . import policy
from .models import Arrangement
from .scheme import scheme_settings

STATEMENT_READY = "sharedlives.payment_statement_ready"


def month_before(day: date) -> date:
    """The first day of the month before the one `day` falls in."""
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def statements_ready(day: date) -> str:
    """Tell each carer whose household earned something last month that its statement is
    ready; returns how many were told."""
    month = month_before(day)
    first, last = policy.month_bounds(month)
    bands = scheme_settings().bands
    arrangements = (
        Arrangement.objects.filter(starts_on__lte=last, carer__user__isnull=False)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first))
        .select_related("carer", "carer__user", "carer__area")
    )
    households = {}
    for arrangement in arrangements:
        if policy.payment_line(arrangement, bands, first, last) is not None:
            households[arrangement.carer_id] = arrangement.carer
    link = reverse("sharedlives:my_statement") + f"?month={month:%Y-%m}"
    notices = [
        Notice(
            carer.user,
            carer.area,
            STATEMENT_READY,
            f"Your payment statement for {month:%B %Y} is ready.",
            f"statement-{carer.pk}-{month:%Y-%m}",
            link,
        )
        for carer in households.values()
    ]
    return f"told:{tell_many(notices)}"


def register_statements() -> None:
    """The statement's event and its monthly job (from AppConfig.ready())."""
    register(
        Event(
            STATEMENT_READY,
            "Your Shared Lives payment statement is ready. Sign in to see it.",
            "Your payment statement is ready. Sign in to see it.",
        )
    )
    register_job(
        Job(
            "sharedlives.payment_statements",
            "Tell carers their payment statement is ready",
            MONTHLY,
            statements_ready,
        )
    )

"""Carers' payments: each arrangement's band and rate, turned into a month's schedule.

Living together is paid weekly (pro rata by days in the month); home from hospital per
night; short breaks per night and day support per session, as planned for the month.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from .models import Arrangement
from .scheme import RATE_UNITS, scheme_settings

CSV_HEADER = [
    "arrangement",
    "carer",
    "person_initials",
    "arrangement_type",
    "band",
    "rate_pence",
    "per",
    "quantity",
    "amount_pence",
    "amount",
]


@dataclass(frozen=True)
class PaymentLine:
    arrangement: Arrangement
    rate_pence: int
    per: str
    quantity: float
    amount_pence: int

    @property
    def amount(self) -> str:
        return f"£{self.amount_pence / 100:,.2f}"

    @property
    def rate(self) -> str:
        return f"£{self.rate_pence / 100:,.2f} a {self.per}"


def month_from(text: str | None) -> date:
    """The first day of a month written 2026-11; this month if blank or not a month."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return date.today().replace(day=1)


def _days_active(arrangement: Arrangement, first: date, last: date) -> int:
    start = max(arrangement.starts_on, first)
    end = min(arrangement.ended_on or last, last)
    return max(0, (end - start).days + 1)


def monthly_schedule(*, area, month: date) -> list[PaymentLine]:
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    bands = scheme_settings().bands
    arrangements = (
        Arrangement.objects.in_area(area)
        .filter(starts_on__lte=last)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first))
        .select_related("carer", "person")
        .order_by("carer__name", "starts_on")
    )
    lines = []
    for a in arrangements:
        rate = bands[a.arrangement_type][a.band]
        days = _days_active(a, first, last)
        if a.arrangement_type == "long_term":
            quantity = round(days / 7, 4)
        elif a.arrangement_type == "home_from_hospital":
            quantity = days
        else:
            quantity = a.nights_or_sessions_per_month
        if quantity:
            lines.append(
                PaymentLine(
                    a, rate, RATE_UNITS[a.arrangement_type], quantity, round(rate * quantity)
                )
            )
    return lines


def csv_rows(lines: list[PaymentLine]):
    for line in lines:
        a = line.arrangement
        yield [
            a.pk,
            a.carer.name,
            f"{a.person.given_name[:1]}{a.person.family_name[:1]}",
            a.arrangement_type,
            a.band,
            line.rate_pence,
            line.per,
            line.quantity,
            line.amount_pence,
            f"{line.amount_pence / 100:.2f}",
        ]

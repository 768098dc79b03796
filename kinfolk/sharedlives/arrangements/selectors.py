"""Reads about arrangements: one arrangement, its reviews, a household's or a person's
arrangements, and a month's payments to carers."""

from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.http import Http404

from kinfolk.core.records import record_for

from .. import policy
from ..models import Arrangement, ArrangementReview, ArrangementStatus, Carer
from ..scheme import scheme_settings


def arrangement_get(*, actor, arrangement_id) -> Arrangement:
    """An arrangement, for its person (or their chosen people), its carer, or their worker."""
    return record_for(
        actor,
        Arrangement.objects.select_related("person", "person__area", "carer", "introduction"),
        arrangement_id,
        permission="sharedlives.view_arrangement",
        refusal="This arrangement is between other people.",
    )


def reviews_for_arrangement(*, arrangement: Arrangement) -> QuerySet[ArrangementReview]:
    """The arrangement's reviews and visits, soonest due first."""
    return ArrangementReview.objects.in_area(arrangement.area).filter(arrangement=arrangement)


def review_get(*, arrangement: Arrangement, review_id) -> ArrangementReview:
    """One of this arrangement's reviews (404 if it is not one of them)."""
    review = reviews_for_arrangement(arrangement=arrangement).filter(pk=review_id).first()
    if review is None:
        raise Http404("No such review")
    return review


def arrangements_for_carer(*, carer: Carer) -> QuerySet[Arrangement]:
    """A household's arrangements, with the people they support."""
    return Arrangement.objects.in_area(carer.area).filter(carer=carer).select_related("person")


def active_arrangements_for_carer(*, carer: Carer) -> list[Arrangement]:
    """The arrangements a household has now, with the people they support."""
    return list(arrangements_for_carer(carer=carer).filter(status=ArrangementStatus.ACTIVE))


def arrangements_for_person(*, person) -> QuerySet[Arrangement]:
    """A person's arrangements, with their households."""
    return Arrangement.objects.in_area(person.area).filter(person=person).select_related("carer")


def monthly_schedule(*, area, month: date, carer: Carer | None = None) -> list[policy.PaymentLine]:
    """What each arrangement running in the month earns its carer, household by household (or
    for one household)."""
    first, last = policy.month_bounds(month)
    bands = scheme_settings().bands
    arrangements = Arrangement.objects.in_area(area)
    if carer is not None:
        arrangements = arrangements.filter(carer=carer)
    arrangements = (
        arrangements.filter(starts_on__lte=last)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first))
        .select_related("carer", "person")
        .order_by("carer__name", "starts_on")
    )
    lines = (policy.payment_line(a, bands, first, last) for a in arrangements)
    return [line for line in lines if line is not None]


def carer_statement(*, carer: Carer, month: date) -> list[policy.PaymentLine]:
    """A household's payment statement for a month: its lines of the scheme's payment schedule
    (the same arithmetic as the schedule and its CSV)."""
    return monthly_schedule(area=carer.area, month=month, carer=carer)


def statement_months(*, carer: Carer, today: date | None = None, last: int = 12) -> list[date]:
    """The months (newest first, up to `last`) a household has a statement for: every month
    since its first arrangement started, up to the last finished month."""
    today = today or date.today()
    first = (
        Arrangement.objects.in_area(carer.area)
        .filter(carer=carer)
        .order_by("starts_on")
        .values_list("starts_on", flat=True)
        .first()
    )
    if first is None:
        return []
    months, month = [], today.replace(day=1)
    while len(months) < last:
        month = (month - timedelta(days=1)).replace(day=1)  # the month before
        if month < first.replace(day=1):
            break
        months.append(month)
    return months

"""Reads about arrangements: one arrangement, its reviews, a household's or a person's
arrangements, and a month's payments to carers."""

from datetime import date

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


def monthly_schedule(*, area, month: date) -> list[policy.PaymentLine]:
    """What each arrangement running in the month earns its carer, household by household."""
    first, last = policy.month_bounds(month)
    bands = scheme_settings().bands
    arrangements = (
        Arrangement.objects.in_area(area)
        .filter(starts_on__lte=last)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first))
        .select_related("carer", "person")
        .order_by("carer__name", "starts_on")
    )
    lines = (policy.payment_line(a, bands, first, last) for a in arrangements)
    return [line for line in lines if line is not None]

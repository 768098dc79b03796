"""Reads about carer households: their record, training, checks and what holds them back."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.http import Http404

from kinfolk.core.audit import audit_list_view
from kinfolk.core.lookups import int_or_404
from kinfolk.core.records import record_for

from .. import policy
from ..models import (
    IN_PROGRESS_STAGES,
    ApplicationCheck,
    ApplicationStep,
    Carer,
    CarerCheck,
    CarerStatus,
    Introduction,
    TrainingRecord,
)
from ..scheme import scheme_settings


def carer_get(*, actor, carer_id, audit: bool = True) -> Carer:
    """A carer household, for its own carer or a scheme worker in its area; the read is audited."""
    return record_for(
        actor,
        Carer.objects.select_related("area").with_places_in_use(),
        carer_id,
        permission="sharedlives.view_carer",
        audit=audit,
        refusal="Only the carer and their scheme can see this household's record.",
    )


def carers_list(*, actor) -> list[Carer]:
    """Every carer household in the scheme, read once and audited as one list view."""
    households = list(Carer.objects.in_area(actor.area).with_places_in_use())
    audit_list_view(actor=actor, target_type="carer_households", count=len(households))
    return households


def approved_carers(*, area) -> list[Carer]:
    """The households approved in this area's scheme."""
    return list(
        Carer.objects.in_area(area).filter(status=CarerStatus.APPROVED).with_places_in_use()
    )


def carer_for_actor(*, actor) -> Carer | None:
    """The household of the carer who is signed in."""
    if actor.area is None or actor.user is None:
        return None
    return Carer.objects.in_area(actor.area).filter(user=actor.user).with_places_in_use().first()


def carer_check_get(*, carer: Carer, check_id) -> CarerCheck:
    """One of this household's annual checks (404 if it is not theirs)."""
    check = (
        CarerCheck.objects.in_area(carer.area).filter(carer=carer, pk=int_or_404(check_id)).first()
    )
    if check is None:
        raise Http404("No such check")
    return check


def missing_steps(*, carer: Carer) -> list[str]:
    """The application steps this household has not done yet, in words."""
    done = set(
        ApplicationCheck.objects.in_area(carer.area)
        .filter(carer=carer)
        .values_list("step", flat=True)
    )
    return [label for value, label in ApplicationStep.choices if value not in done]


def training_status(*, carer: Carer, today: date | None = None) -> list[policy.TrainingStatus]:
    """Each required course: its latest record and whether it is current."""
    records = TrainingRecord.objects.in_area(carer.area).filter(carer=carer)
    return policy.training_status(records, today or date.today())


def flags_for_carers(*, carers: list[Carer], today: date | None = None) -> dict:
    """For each household, what stops new introductions, in plain English (two queries in all)."""
    today = today or date.today()
    if not carers:
        return {}
    area = carers[0].area_id
    records: dict = {}
    for record in TrainingRecord.objects.filter(area_id=area, carer__in=carers):
        records.setdefault(record.carer_id, []).append(record)
    overdue: dict = {}
    for check in CarerCheck.objects.filter(
        area_id=area, carer__in=carers, done_on__isnull=True, due_on__lt=today
    ).order_by("due_on"):
        overdue.setdefault(check.carer_id, []).append(check)
    return {
        carer.pk: policy.carer_flags(records.get(carer.pk, []), overdue.get(carer.pk, []), today)
        for carer in carers
    }


def carer_flags(*, carer: Carer, today: date | None = None) -> list[str]:
    """What stops new introductions for this household, in plain English (empty: nothing)."""
    return flags_for_carers(carers=[carer], today=today)[carer.pk]


def introductions_in_progress(*, area) -> dict:
    """How many introductions each carer household has in progress."""
    rows = (
        Introduction.objects.in_area(area)
        .filter(stage__in=IN_PROGRESS_STAGES)
        .values("carer")
        .annotate(n=Count("id"))
    )
    return {row["carer"]: row["n"] for row in rows}


def held_back_carers(
    *, area, carers: list[Carer], today: date | None = None, at_limit_counts: bool = True
) -> dict:
    """Households that cannot take a new introduction now, with the reasons why.

    `at_limit_counts=False` leaves out the limit on introductions in progress, for a side
    saying yes: the limit is checked when the introduction is proposed.
    """
    limit = scheme_settings().introductions_per_carer if at_limit_counts else None
    in_progress = introductions_in_progress(area=area) if at_limit_counts else {}
    flags = flags_for_carers(carers=carers, today=today)
    held: dict = {}
    for carer in carers:
        reasons = policy.held_back_reasons(
            carer, flags[carer.pk], in_progress.get(carer.pk, 0), limit
        )
        if reasons:
            held[carer.pk] = reasons
    return held


@dataclass(frozen=True)
class CarerRecord:
    """Everything a carer household's page shows, read in one place."""

    carer: Carer
    training: list
    flags: list
    steps_done: dict  # application step -> its check
    panels: list
    annual_checks: list


def carer_record(*, carer: Carer, today: date | None = None) -> CarerRecord:
    """A household's training, flags, application steps, panels and annual checks."""
    return CarerRecord(
        carer=carer,
        training=training_status(carer=carer, today=today),
        flags=carer_flags(carer=carer, today=today),
        steps_done={check.step: check for check in carer.checks.all()},
        panels=list(carer.panel_decisions.all()),
        annual_checks=list(carer.annual_checks.all()),
    )

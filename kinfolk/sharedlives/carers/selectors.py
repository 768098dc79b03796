"""Reads about carer households: their record, training, checks and what holds them back."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.http import Http404

from kinfolk.core.audit import audit_list_view, audit_record
from kinfolk.core.lookups import int_or_404
from kinfolk.core.models import Area, AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.records import record_for

from .. import policy
from ..models import (
    IN_PROGRESS_STAGES,
    ApplicationCheck,
    ApplicationStep,
    Carer,
    CarerCheck,
    CarerStatus,
    HouseholdPhoto,
    Introduction,
    ProfileChange,
    ProfileChangeStatus,
    TrainingRecord,
)
from ..scheme import scheme_settings


def carer_get(
    *, actor, carer_id, audit: bool = True, permission: str = "sharedlives.view_carer"
) -> Carer:
    """A carer household, for its own carer or a scheme worker in its area (or whoever the
    permission names); the read is audited."""
    return record_for(
        actor,
        Carer.objects.select_related("area", "user").with_places_in_use(),
        carer_id,
        permission=permission,
        audit=audit,
        refusal="Only the carer and their scheme can see this household's record.",
    )


def area_for_applying(*, slug: str):
    """The area someone applies to be a carer in (404 if there is none by that name)."""
    area = Area.objects.filter(slug=slug).first()
    if area is None:
        raise Http404("No such area")
    return area


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


# --- the carer's own record -----------------------------------------------------------------


def my_household(*, actor) -> Carer:
    """The signed-in carer's own household, read and audited; 404 if none is linked to them."""
    carer = carer_for_actor(actor=actor)
    if carer is None:
        raise Http404("No household is linked to your sign-in yet.")
    return carer_get(actor=actor, carer_id=carer.pk)


def pending_change(*, carer: Carer) -> ProfileChange | None:
    """The household's changes still waiting for the scheme to check, if any."""
    return (
        ProfileChange.objects.in_area(carer.area)
        .filter(carer=carer, status=ProfileChangeStatus.PENDING)
        .first()
    )


def last_returned_change(*, carer: Carer) -> ProfileChange | None:
    """The latest changes the scheme sent back, if it is newer than anything waiting or accepted."""
    latest = ProfileChange.objects.in_area(carer.area).filter(carer=carer).first()
    return latest if latest and latest.status == ProfileChangeStatus.RETURNED else None


def change_get(*, carer: Carer, change_id) -> ProfileChange:
    """One of this household's asked-for changes (404 if it is not theirs)."""
    change = (
        ProfileChange.objects.in_area(carer.area)
        .filter(carer=carer, pk=int_or_404(change_id))
        .select_related("carer")
        .first()
    )
    if change is None:
        raise Http404("No such change")
    return change


def household_photos(*, actor, carer: Carer) -> list[HouseholdPhoto]:
    """The household's photos (without their bytes), for whoever may see them; audited."""
    require(
        actor,
        "sharedlives.see_household_photos",
        carer,
        message="Only the household, its scheme and people introduced to it can see its photos.",
    )
    photos = list(HouseholdPhoto.objects.in_area(carer.area).filter(carer=carer).defer("image"))
    if photos:
        audit_record(
            actor=actor,
            action=AuditAction.VIEW,
            target_type="household_photos",
            target_id=carer.pk,
            area=carer.area,
            detail={"count": len(photos)},
        )
    return photos


def household_photo_get(*, actor, carer: Carer, photo_id) -> HouseholdPhoto:
    """One photo with its bytes, for whoever may see the household's photos; audited."""
    require(
        actor,
        "sharedlives.see_household_photos",
        carer,
        message="Only the household, its scheme and people introduced to it can see its photos.",
    )
    photo = (
        HouseholdPhoto.objects.in_area(carer.area)
        .filter(carer=carer, pk=int_or_404(photo_id))
        .select_related("carer")
        .first()
    )
    if photo is None:
        raise Http404("No such photo")
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        target_type="household_photo",
        target_id=photo.pk,
        area=carer.area,
    )
    return photo

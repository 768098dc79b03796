"""Writes about carer households: from enquiry to approval, training and annual checks.

Only a scheme worker in the household's area records these; each is audited against the
household.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolk.core.audit import audit_record
from kinfolk.core.geography import UnknownPostcode, locate, normalise_postcode
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import clean_name, visible_text

from .. import notices, policy
from ..models import (
    ApplicationCheck,
    ApplicationStep,
    Carer,
    CarerCheck,
    CarerCheckKind,
    CarerStatus,
    PanelDecision,
    TrainingRecord,
    add_years,
)
from .selectors import missing_steps


def _must_run_scheme(actor, carer: Carer | None = None) -> None:
    require(
        actor,
        "sharedlives.run_scheme",
        carer,
        message="Only a scheme worker in this area can do this.",
    )


def _audit_carer(actor, action, carer: Carer, **detail) -> None:
    audit_record(
        actor=actor,
        action=action,
        target_type="carer",
        target_id=carer.pk,
        area=carer.area,
        detail=detail,
    )


def carer_lock(carer: Carer) -> Carer:
    """The household, locked for the rest of the transaction (its places and approval)."""
    return Carer.objects.select_for_update().get(pk=carer.pk)


@transaction.atomic
def carer_enquiry(*, actor, name: str, postcode: str, user=None) -> Carer:
    """A household asks about becoming Shared Lives carers: the scheme records the enquiry."""
    _must_run_scheme(actor)
    if not clean_name(name):
        raise ValidationError("Enter the household's name.", code="name")
    try:
        latitude, longitude = locate(postcode)
    except UnknownPostcode as error:
        raise ValidationError(str(error), code="postcode") from error
    carer = Carer.objects.create(
        area=actor.area,
        user=user,
        name=clean_name(name),
        postcode=normalise_postcode(postcode),
        latitude=latitude,
        longitude=longitude,
        status=CarerStatus.ENQUIRY,
    )
    _audit_carer(actor, AuditAction.CREATE, carer)
    return carer


@transaction.atomic
def application_check_record(
    *, actor, carer: Carer, step: str, completed_on: date, note: str = ""
) -> ApplicationCheck:
    """A step of the application done (references, checks, assessment); all done: to panel."""
    _must_run_scheme(actor, carer)
    if step not in ApplicationStep.values:
        raise ValidationError("Choose an application step.", code="step")
    if completed_on > date.today():
        raise ValidationError("A step cannot be done in the future.", code="completed_on")
    check, _ = ApplicationCheck.objects.update_or_create(
        area=carer.area,
        carer=carer,
        step=step,
        defaults={"completed_on": completed_on, "note": note.strip(), "recorded_by": actor.user},
    )
    if carer.status == CarerStatus.ENQUIRY:
        carer.status = CarerStatus.APPLYING
    if not missing_steps(carer=carer) and carer.status == CarerStatus.APPLYING:
        carer.status = CarerStatus.AT_PANEL
    carer.save(update_fields=["status"])
    _audit_carer(actor, AuditAction.UPDATE, carer, step=step)
    return check


@transaction.atomic
def panel_decision_record(
    *,
    actor,
    carer: Carer,
    panel_date: date,
    members: str,
    decision: str,
    reasons: str = "",
    approved_types: list[str] = (),
    approved_needs: list[str] = (),
    places: int = 0,
    rooms: int = 0,
) -> PanelDecision:
    """The panel's decision. Approval sets the terms; a deferral or decline records why."""
    _must_run_scheme(actor, carer)
    carer = carer_lock(carer)
    if decision not in FIRST_PANEL_DECISIONS:
        raise ValidationError("Choose the panel's decision.", code="decision")
    if not visible_text(members):
        raise ValidationError("Record who sat on the panel.", code="members")
    if decision != PanelDecision.Decision.APPROVED and not visible_text(reasons):
        raise ValidationError("Record the panel's reasons.", code="reasons")
    if decision == PanelDecision.Decision.APPROVED:
        missing = missing_steps(carer=carer)
        if missing:
            raise ValidationError(
                "Panel can approve only a complete application. Missing: " + "; ".join(missing),
                code="incomplete",
            )
        problem = policy.approval_terms_problem(
            approved_types=approved_types,
            approved_needs=approved_needs,
            places=places,
            places_in_use=carer.places_in_use,
        )
        if problem:
            raise problem
    panel = PanelDecision.objects.create(
        area=carer.area,
        carer=carer,
        panel_date=panel_date,
        members=members.strip(),
        decision=decision,
        reasons=visible_text(reasons),
        approved_types=list(approved_types),
        approved_needs=list(approved_needs),
        places=places,
        rooms=rooms,
        recorded_by=actor.user,
    )
    if decision == PanelDecision.Decision.APPROVED:
        carer.status = CarerStatus.APPROVED
        carer.approved_types, carer.approved_needs = list(approved_types), list(approved_needs)
        carer.places, carer.rooms, carer.approved_on = places, rooms, panel_date
        for kind in CarerCheckKind.values:
            CarerCheck.objects.create(
                area=carer.area, carer=carer, kind=kind, due_on=add_years(panel_date, 1)
            )
    else:
        carer.status = (
            CarerStatus.DEFERRED
            if decision == PanelDecision.Decision.DEFERRED
            else CarerStatus.DECLINED
        )
    carer.panel_on, carer.back_to_panel_because = None, ""
    carer.save()
    _audit_carer(actor, AuditAction.UPDATE, carer, panel=decision)
    notices.panel_outcome(carer, panel)
    return panel


Decision = PanelDecision.Decision
FIRST_PANEL_DECISIONS = (Decision.APPROVED, Decision.DEFERRED, Decision.DECLINED)
# What panel may decide about a household it approved before, and the status each needs.
APPROVAL_REVIEW_DECISIONS = {
    Decision.APPROVED: (CarerStatus.APPROVED,),  # approval continues as it is
    Decision.TERMS_CHANGED: (CarerStatus.APPROVED, CarerStatus.SUSPENDED),
    Decision.SUSPENDED: (CarerStatus.APPROVED,),
    Decision.SUSPENSION_LIFTED: (CarerStatus.SUSPENDED,),
}


@transaction.atomic
def panel_date_set(*, actor, carer: Carer, panel_on: date) -> Carer:
    """The household's next panel date; the household is told."""
    _must_run_scheme(actor, carer)
    if panel_on < date.today():
        raise ValidationError("A panel date cannot be in the past.", code="panel_on")
    carer.panel_on = panel_on
    carer.save(update_fields=["panel_on"])
    _audit_carer(actor, AuditAction.UPDATE, carer, panel_on=str(panel_on))
    notices.panel_date_set(carer)
    return carer


@transaction.atomic
def approval_review_record(
    *,
    actor,
    carer: Carer,
    panel_date: date,
    members: str,
    decision: str,
    reasons: str = "",
    approved_types: list[str] = (),
    approved_needs: list[str] = (),
    places: int = 0,
    rooms: int = 0,
) -> PanelDecision:
    """Panel looks again at an approved household: approval continues, its terms change, it is
    suspended (no new introductions; arrangements carry on) or a suspension is lifted. Every
    decision is kept, with the terms it left in place."""
    _must_run_scheme(actor, carer)
    carer = carer_lock(carer)
    if decision not in APPROVAL_REVIEW_DECISIONS:
        raise ValidationError("Choose the panel's decision.", code="decision")
    if carer.status not in APPROVAL_REVIEW_DECISIONS[decision]:
        raise ValidationError(
            {
                Decision.APPROVED: "Only an approved household's approval can continue.",
                Decision.SUSPENDED: "This household's approval is not in force to suspend.",
                Decision.SUSPENSION_LIFTED: "This household's approval is not suspended.",
            }.get(decision, "Panel can change the terms only of an approved household."),
            code="status",
        )
    if not visible_text(members):
        raise ValidationError("Record who sat on the panel.", code="members")
    if decision != Decision.APPROVED and not visible_text(reasons):
        raise ValidationError("Record the panel's reasons.", code="reasons")
    if panel_date > date.today():
        raise ValidationError("Record panel's decision on or after the day it met.", code="date")
    if decision == Decision.TERMS_CHANGED:
        problem = policy.approval_terms_problem(
            approved_types=approved_types,
            approved_needs=approved_needs,
            places=places,
            places_in_use=carer.places_in_use,
        )
        if problem:
            raise problem
        carer.approved_types, carer.approved_needs = list(approved_types), list(approved_needs)
        carer.places, carer.rooms = places, rooms
    if decision == Decision.SUSPENDED:
        carer.status = CarerStatus.SUSPENDED
    elif decision == Decision.SUSPENSION_LIFTED:
        carer.status = CarerStatus.APPROVED
    panel = PanelDecision.objects.create(
        area=carer.area,
        carer=carer,
        panel_date=panel_date,
        members=members.strip(),
        decision=decision,
        reasons=visible_text(reasons),
        approved_types=list(carer.approved_types),
        approved_needs=list(carer.approved_needs),
        places=carer.places,
        rooms=carer.rooms,
        recorded_by=actor.user,
    )
    carer.panel_on, carer.back_to_panel_because = None, ""
    carer.save()
    _audit_carer(actor, AuditAction.UPDATE, carer, panel=decision)
    notices.panel_outcome(carer, panel)
    return panel


def back_to_panel(*, actor, carer: Carer, because: str) -> None:
    """A review sends the household back to panel: it goes on panel's list (inside the
    review's transaction)."""
    _must_run_scheme(actor, carer)
    Carer.objects.filter(pk=carer.pk).update(back_to_panel_because=because)
    carer.back_to_panel_because = because
    _audit_carer(actor, AuditAction.UPDATE, carer, back_to_panel=True)


@transaction.atomic
def training_record(*, actor, carer: Carer, course: str, completed_on: date) -> TrainingRecord:
    """A course the household's carer completed; it runs out when the course says."""
    _must_run_scheme(actor, carer)
    if course not in policy.COURSE_YEARS:
        raise ValidationError("Choose a course.", code="course")
    if completed_on > date.today():
        raise ValidationError("Training cannot be completed in the future.", code="completed_on")
    record = TrainingRecord.objects.create(
        area=carer.area,
        carer=carer,
        course=course,
        completed_on=completed_on,
        expires_on=policy.training_expires_on(course, completed_on),
    )
    _audit_carer(actor, AuditAction.CREATE, carer, course=course)
    return record


@transaction.atomic
def carer_check_done(*, actor, check: CarerCheck, done_on: date, notes: str = "") -> CarerCheck:
    """An annual review or home check done; the next one is due a year after this was due."""
    _must_run_scheme(actor, check.carer)
    if check.done_on:
        raise ValidationError("Already recorded.", code="done")
    if done_on > date.today():
        raise ValidationError("A check cannot be done in the future.", code="done_on")
    check.done_on, check.notes = done_on, (notes or "").strip()
    check.save(update_fields=["done_on", "notes"])
    CarerCheck.objects.create(
        area=check.area, carer=check.carer, kind=check.kind, due_on=add_years(done_on, 1)
    )
    _audit_carer(actor, AuditAction.UPDATE, check.carer, check=check.kind)
    return check

"""Writes about carer households: from enquiry to approval, training and annual checks.

Only a scheme worker in the household's area records these; each is audited against the
household.
"""

from datetime import date

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.accounts.services.memberships import account_invite
from kinfolk.core.audit import audit_record
from kinfolk.core.geography import UnknownPostcode, locate, normalise_postcode
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import clean_name, visible_text
from kinfolk.notifications.events import Event, register
from kinfolk.notifications.services import tell

from .. import notices, policy
from ..models import (
    ApplicationCheck,
    ApplicationStep,
    Carer,
    CarerCheck,
    CarerCheckKind,
    CarerStatus,
    HouseholdPhoto,
    PanelDecision,
    ProfileChange,
    ProfileChangeStatus,
    TrainingRecord,
    add_years,
)
from .photos import MAX_UPLOAD_BYTES, TOO_BIG, photo_cleaned
from .selectors import missing_steps, pending_change

APPLICATIONS_PER_HOUR = 5
CHANGE_ACCEPTED = "sharedlives.household_change_accepted"
CHANGE_RETURNED = "sharedlives.household_change_returned"
ACCEPTED_TEXT = "The scheme has checked and accepted the changes to your household."
RETURNED_TEXT = "The scheme has sent back the changes to your household, with a reason."


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


# --- the carer's own record -----------------------------------------------------------------


@transaction.atomic
def carer_apply(
    *, area, name: str, email: str, postcode: str, words: str = "", from_address: str = ""
) -> Carer:
    """Someone applies online to become a Shared Lives carer: a new enquiry the scheme sees in
    its list. Nobody is signed in; the scheme invites them to sign in when it has talked to them.
    A few applications an hour from one address, then a clear refusal (the form is public)."""
    key = f"kinfolk:carer-apply:{from_address or 'unknown'}"
    sent = cache.get(key, 0)
    if sent >= APPLICATIONS_PER_HOUR:
        raise ValidationError(
            "You have applied several times in the last hour. Try again later, or contact "
            "the Shared Lives scheme."
        )
    if not clean_name(name):
        raise ValidationError({"name": "Enter your name."})
    try:
        validate_email((email or "").strip())
    except ValidationError as error:
        raise ValidationError({"email": "Enter an email address like name@example.com."}) from error
    try:
        latitude, longitude = locate(postcode)
    except UnknownPostcode as error:
        raise ValidationError({"postcode": str(error)}) from error
    carer = Carer.objects.create(
        area=area,
        name=clean_name(name),
        contact_email=email.strip().lower(),
        enquiry_words=visible_text(words),
        postcode=normalise_postcode(postcode),
        latitude=latitude,
        longitude=longitude,
        status=CarerStatus.ENQUIRY,
    )
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        target_type="carer",
        target_id=carer.pk,
        area=area,
        detail={"applied_online": True},
    )
    cache.set(key, sent + 1, 60 * 60)  # only applications made count
    return carer


@transaction.atomic
def carer_invite(*, actor, carer: Carer, name: str, email: str, link_for) -> Carer:
    """The scheme invites a household's carer to sign in: their account (made if need be) gets
    the carer role in this area and is linked to the household; they are emailed a one-time
    link to choose a password."""
    require(
        actor,
        "sharedlives.invite_carer",
        carer,
        message="Only a scheme worker in this area can invite a carer.",
    )
    carer = carer_lock(carer)
    email = (email or "").strip().lower()
    if not clean_name(name):
        raise ValidationError({"name": "Enter the carer's name."})
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": "Enter an email address like name@example.com."}) from error
    elsewhere = (
        Carer.objects.in_area(carer.area)
        .filter(user__email__iexact=email)
        .exclude(pk=carer.pk)
        .first()
    )
    if elsewhere is not None:
        raise ValidationError(
            {
                "email": f"{email} is already the carer of {elsewhere.name}. "
                "One sign-in keeps one household's record: use another email address."
            }
        )
    if carer.user_id and carer.user.email.lower() != email:
        raise ValidationError({"email": f"{carer.name} already signs in as {carer.user.email}."})
    user = account_invite(
        area=carer.area,
        email=email,
        display_name=clean_name(name),
        role=Role.SHARED_LIVES_CARER,
        link_for=link_for,
        invited_to=f"keep {carer.name}'s Shared Lives record",
    )
    if carer.user_id != user.pk:
        carer.user = user
        carer.save(update_fields=["user"])
    _audit_carer(actor, AuditAction.UPDATE, carer, invited=user.pk)
    return carer


@transaction.atomic
def household_profile_save(*, actor, carer: Carer, wanted: dict) -> dict:
    """The carer keeps their household's profile. What describes the household applies at once;
    what the scheme must check waits for it (replacing anything still waiting). Returns
    {"applied": [...], "waiting": [...]} field names."""
    require(
        actor,
        "sharedlives.keep_household_profile",
        carer,
        message="Only the household's own carer can change its profile.",
    )
    problems = policy.profile_problem(wanted)
    if problems:
        raise ValidationError(problems)
    carer = carer_lock(carer)
    current = {name: getattr(carer, name) for name in policy.HOUSEHOLD_PROFILE}
    at_once, checked = policy.profile_split(current, wanted)
    for name, value in at_once.items():
        setattr(carer, name, value)
    if at_once:
        carer.save(update_fields=list(at_once))
    waiting = pending_change(carer=carer)
    if checked:
        if waiting is None:
            waiting = ProfileChange(area=carer.area, carer=carer, asked_by=actor.user)
        waiting.changes, waiting.asked_by = checked, actor.user
        waiting.save()
    elif waiting is not None:
        waiting.status = ProfileChangeStatus.WITHDRAWN
        waiting.save(update_fields=["status"])
    _audit_carer(actor, AuditAction.UPDATE, carer, applied=sorted(at_once), waiting=sorted(checked))
    return {"applied": sorted(at_once), "waiting": sorted(checked)}


def _review(actor, change: ProfileChange) -> ProfileChange:
    require(
        actor,
        "sharedlives.review_household_changes",
        change.carer,
        message="Only a scheme worker in this area can check a household's changes.",
    )
    change = ProfileChange.objects.select_for_update().get(pk=change.pk)
    if change.status != ProfileChangeStatus.PENDING:
        raise ValidationError("These changes have already been dealt with.")
    return change


def _tell_the_carer(change: ProfileChange, *, event: str, text: str) -> None:
    carer = change.carer
    if carer.user_id:
        tell(
            recipient=carer.user,
            area=carer.area,
            event=event,
            text=text,
            key=f"household-change-{change.pk}-{change.status}",
            link=reverse("sharedlives:my_household"),
        )


@transaction.atomic
def household_change_accept(*, actor, change: ProfileChange) -> ProfileChange:
    """A scheme worker checked the household's changes: matching uses them from now on."""
    change = _review(actor, change)
    carer = carer_lock(change.carer)
    for name, value in change.changes.items():
        if name in policy.CHECKED_BY_THE_SCHEME:
            setattr(carer, name, value)
    carer.save(update_fields=[n for n in change.changes if n in policy.CHECKED_BY_THE_SCHEME])
    change.status, change.reviewed_by, change.reviewed_at = (
        ProfileChangeStatus.ACCEPTED,
        actor.user,
        timezone.now(),
    )
    change.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    _audit_carer(actor, AuditAction.UPDATE, carer, change=change.pk, accepted=True)
    _tell_the_carer(change, event=CHANGE_ACCEPTED, text=ACCEPTED_TEXT)
    return change


@transaction.atomic
def household_change_return(*, actor, change: ProfileChange, reason: str) -> ProfileChange:
    """A scheme worker sends the household's changes back, saying why; nothing changes."""
    change = _review(actor, change)
    if not visible_text(reason):
        raise ValidationError({"reason": "Say why the changes are going back to the carer."})
    change.status, change.reviewed_by, change.reviewed_at = (
        ProfileChangeStatus.RETURNED,
        actor.user,
        timezone.now(),
    )
    change.reason = visible_text(reason)
    change.save(update_fields=["status", "reviewed_by", "reviewed_at", "reason"])
    _audit_carer(actor, AuditAction.UPDATE, change.carer, change=change.pk, returned=True)
    _tell_the_carer(change, event=CHANGE_RETURNED, text=RETURNED_TEXT)
    return change


@transaction.atomic
def household_photo_add(
    *, actor, carer: Carer, photo, caption: str, everyone_agreed: bool
) -> HouseholdPhoto:
    """The carer adds a photo of the household or home, once everyone in it agreed; it is kept
    resized and without its metadata."""
    require(
        actor,
        "sharedlives.keep_household_profile",
        carer,
        message="Only the household's own carer can add its photos.",
    )
    if not everyone_agreed:
        raise ValidationError(
            {"everyone_agreed": "Tick to confirm everyone in the photo agreed to it being shown."}
        )
    if not visible_text(caption):
        raise ValidationError({"caption": "Say what the photo shows."})
    if getattr(photo, "size", 0) > MAX_UPLOAD_BYTES:  # refused before it is read
        raise ValidationError({"photo": TOO_BIG})
    photo = photo_cleaned(photo.read())
    added = HouseholdPhoto.objects.create(
        area=carer.area,
        carer=carer,
        image=photo.data,
        width=photo.width,
        height=photo.height,
        caption=visible_text(caption)[:200],
        everyone_agreed=True,
        added_by=actor.user,
    )
    _audit_carer(actor, AuditAction.CREATE, carer, photo=added.pk)
    return added


@transaction.atomic
def household_photo_remove(*, actor, photo: HouseholdPhoto) -> None:
    """The carer takes a photo down; it is deleted."""
    require(
        actor,
        "sharedlives.keep_household_profile",
        photo.carer,
        message="Only the household's own carer can remove its photos.",
    )
    _audit_carer(actor, AuditAction.DELETE, photo.carer, photo=photo.pk)
    photo.delete()


def register_household_events() -> None:
    """What a carer is told about their household's changes (from AppConfig.ready())."""
    register(
        Event(
            CHANGE_ACCEPTED,
            "Your Shared Lives scheme has checked changes to your household. Sign in to see them.",
            "Your changes were checked. Sign in to see them.",
        )
    )
    register(
        Event(
            CHANGE_RETURNED,
            "Your Shared Lives scheme has sent back changes to your household. Sign in to see why.",
            "Your changes were sent back. Sign in to see why.",
        )
    )

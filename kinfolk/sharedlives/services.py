"""Writes for Shared Lives: one function per thing that happens, each checked and audited.

The rules that protect people live here and in the database (ADR 0011):
- home first: suggestions wait for the person's own choice, in their words, when they have a
  home and family to support them there, and always after a hospital discharge referral;
- nobody is placed: an introduction is proposed only when both sides said yes to meeting,
  and either may stop at any stage, for any reason or none;
- an arrangement needs both sides' agreement, the agreement (and for living together, the
  licence) signed by both, and a carer with current approval covering it and a free place.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from kinfolk.core.audit import audit_record
from kinfolk.core.geography import UnknownPostcode, locate, normalise_postcode
from kinfolk.core.models import AuditAction
from kinfolk.core.text import clean_name, visible_text
from kinfolk.people.audit import audit_person
from kinfolk.people.services import person_lock

from . import selectors
from .matchmaking import suggestions_for, why_not
from .models import (
    ARRANGEMENT_CHOICES,
    COURSE_YEARS,
    IN_PROGRESS_STAGES,
    MAX_PLACES,
    MEETING_STAGES,
    NEED_CHOICES,
    ApplicationCheck,
    ApplicationStep,
    Arrangement,
    ArrangementReview,
    ArrangementStatus,
    Carer,
    CarerCheck,
    CarerCheckKind,
    CarerStatus,
    Introduction,
    PanelDecision,
    Referral,
    ReferralSource,
    ReferralStatus,
    ReviewKind,
    Side,
    Stage,
    StageView,
    TrainingRecord,
    add_years,
)
from .rules import can_for_person, is_the_carer, runs_the_scheme
from .scheme import scheme_settings

CHOICE_MIN_LENGTH = 10
ARRANGEMENT_TYPES = {value for value, _ in ARRANGEMENT_CHOICES}
NEEDS = {value for value, _ in NEED_CHOICES}


class HomeFirst(ValidationError):
    """Suggestions cannot be shown until the home-first question is settled."""


# --- referrals ------------------------------------------------------------------------------


def _must(actor, rule: str, person, message: str) -> None:
    if not can_for_person(actor, rule, person):
        audit_person(actor=actor, action=AuditAction.DENIED, person=person, detail={"rule": rule})
        raise PermissionDenied(message)


@transaction.atomic
def referral_create(
    *,
    actor,
    person,
    source: str,
    received_on: date,
    has_own_home: bool | None,
    family_able_to_support: bool | None,
    referrer_name: str = "",
) -> Referral:
    """A referral to Shared Lives, recorded by the person's allocated scheme worker."""
    _must(actor, "manage_referral", person, "Only the person's allocated scheme worker can refer.")
    if source not in ReferralSource.values:
        raise ValidationError("Choose who made the referral.", code="source")
    if source == ReferralSource.HOSPITAL_DISCHARGE and (
        has_own_home is None or family_able_to_support is None
    ):
        raise ValidationError(
            "A hospital discharge referral must say whether the person has their own home and "
            "family able and willing to support them there.",
            code="home_first",
        )
    if received_on > date.today():
        raise ValidationError("The referral date cannot be in the future.", code="received_on")
    person_lock(person)
    if selectors.open_referral_for_person(person=person):
        raise ValidationError(
            f"{person.called} already has an open Shared Lives referral.", code="duplicate"
        )
    referral = Referral.objects.create(
        area=person.area,
        person=person,
        source=source,
        referrer_name=clean_name(referrer_name),
        received_on=received_on,
        has_own_home=has_own_home,
        family_able_to_support=family_able_to_support,
        created_by=actor.user,
    )
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=referral)
    return referral


def home_first_question(referral: Referral) -> str | None:
    """What must be settled before suggestions are shown, or None if nothing."""
    name = referral.person.called
    if referral.has_own_home is None or referral.family_able_to_support is None:
        return (
            f"Record whether {name} has their own home, and family able and willing to "
            "support them there."
        )
    must_choose = referral.source == ReferralSource.HOSPITAL_DISCHARGE or (
        referral.has_own_home and referral.family_able_to_support
    )
    if must_choose and not referral.persons_choice:
        why = (
            "This is a hospital discharge referral"
            if referral.source == ReferralSource.HOSPITAL_DISCHARGE
            else f"{name} has their own home and family able to support them there"
        )
        return f"{why}: record {name}'s own choice to look at Shared Lives, in their words."
    return None


@transaction.atomic
def home_first_answer(
    *, actor, referral: Referral, has_own_home: bool, family_able_to_support: bool
) -> Referral:
    _must(actor, "manage_referral", referral.person, "Only the allocated scheme worker can.")
    referral.has_own_home = has_own_home
    referral.family_able_to_support = family_able_to_support
    referral.save(update_fields=["has_own_home", "family_able_to_support"])
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=referral.person,
        about=referral,
        detail={"fields": ["has_own_home", "family_able_to_support"]},
    )
    return referral


@transaction.atomic
def persons_choice_record(*, actor, referral: Referral, words: str) -> Referral:
    """The person's own choice to look at Shared Lives, written down in their words."""
    _must(actor, "manage_referral", referral.person, "Only the allocated scheme worker can.")
    words = (words or "").strip()
    if len(words) < CHOICE_MIN_LENGTH:
        raise ValidationError(
            f"Write what {referral.person.called} said, in their words "
            f"(at least {CHOICE_MIN_LENGTH} characters).",
            code="persons_choice",
        )
    referral.persons_choice = words
    referral.choice_recorded_at = timezone.now()
    referral.choice_recorded_by = actor.user
    referral.save(update_fields=["persons_choice", "choice_recorded_at", "choice_recorded_by"])
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=referral.person,
        about=referral,
        detail={"fields": ["persons_choice"]},
    )
    return referral


ASSESSMENT_FIELDS = (
    "assessed_on",
    "wishes",
    "hobbies",
    "risks",
    "easy_read",
    "share_with_suitable_carers",
    "postcode",
    "arrangement_types",
    "support_needs",
    "needs_step_free",
    "needs_ground_floor_bedroom",
    "needs_own_bathroom",
    "pet_allergy",
    "wants_no_pets",
    "needs_smoke_free",
    "children_ok",
    "personal_care_gender",
    "atmosphere",
    "languages",
    "faith",
    "faith_important",
    "diet",
    "interests",
    "daily_rhythm",
    "places_that_matter",
    "max_day_support_minutes",
)


def _located_places(places: list[dict]) -> list[dict]:
    located = []
    for place in places or []:
        name = (place.get("name") or "").strip()
        if not name:
            continue
        try:
            minutes = int(place.get("max_minutes") or 30)
            latitude, longitude = locate(place.get("postcode", ""))
        except (TypeError, ValueError) as error:
            raise ValidationError(f"{name}: {error}", code="places_that_matter") from error
        located.append(
            {
                "name": name,
                "kind": place.get("kind") or "family",
                "postcode": normalise_postcode(place.get("postcode", "")),
                "latitude": latitude,
                "longitude": longitude,
                "max_minutes": max(5, min(minutes, 180)),
            }
        )
    return located


@transaction.atomic
def assessment_record(*, actor, referral: Referral, changes: dict) -> list[str]:
    """The assessment visit: needs, wishes, hobbies, risks, and what a household must offer."""
    _must(actor, "manage_referral", referral.person, "Only the allocated scheme worker can.")
    unknown = set(changes) - set(ASSESSMENT_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown fields: {', '.join(sorted(unknown))}")
    if "arrangement_types" in changes:
        if (
            not changes["arrangement_types"]
            or set(changes["arrangement_types"]) - ARRANGEMENT_TYPES
        ):
            raise ValidationError("Choose at least one kind of Shared Lives.", code="types")
    if set(changes.get("support_needs", [])) - NEEDS:
        raise ValidationError("Choose support needs from the list.", code="support_needs")
    if "postcode" in changes:
        try:
            referral.latitude, referral.longitude = locate(changes["postcode"])
        except UnknownPostcode as error:
            raise ValidationError(str(error), code="postcode") from error
        changes["postcode"] = normalise_postcode(changes["postcode"])
    if "places_that_matter" in changes:
        changes["places_that_matter"] = _located_places(changes["places_that_matter"])
    for name in ("interests", "languages"):
        if name in changes:
            changes[name] = sorted({w.strip() for w in changes[name] if w and w.strip()})
    changed = [name for name, value in changes.items() if getattr(referral, name) != value]
    for name in changed:
        setattr(referral, name, changes[name])
    if referral.status == ReferralStatus.NEW and referral.assessed_on:
        referral.status = ReferralStatus.LOOKING
        changed.append("status")
    if changed:
        referral.save()
        audit_person(
            actor=actor,
            action=AuditAction.UPDATE,
            person=referral.person,
            about=referral,
            detail={"fields": sorted(set(changed))},
        )
    return changed


def _ready_to_match(referral: Referral) -> None:
    question = home_first_question(referral)
    if question:
        raise HomeFirst(question, code="home_first")
    if referral.latitude is None or not referral.arrangement_types:
        raise ValidationError(
            "Record the assessment first: where the person lives and what they are looking for.",
            code="assessment",
        )
    if referral.status not in (ReferralStatus.NEW, ReferralStatus.LOOKING):
        raise ValidationError("This referral is no longer looking for a household.", code="status")


def suggestions(*, actor, referral: Referral, k: int = 50):
    """Every suitable household for the person, best first, with reasons and cautions."""
    person = referral.person
    if not (
        can_for_person(actor, "manage_referral", person)
        or can_for_person(actor, "decide_for_person", person)
    ):
        audit_person(actor=actor, action=AuditAction.DENIED, person=person, about=referral)
        raise PermissionDenied("Only the person, someone acting for them, or their worker.")
    _ready_to_match(referral)
    carers = selectors.approved_carers(area=referral.area)
    held = selectors.held_back_carers(area=referral.area, carers=carers)
    in_progress = selectors.introductions_in_progress(area=referral.area)
    found = suggestions_for(referral, carers, held, in_progress, k=k)
    audit_person(
        actor=actor,
        action=AuditAction.VIEW,
        person=person,
        about=referral,
        detail={"suggestions": len(found)},
    )
    return found


def why_not_suggested(*, actor, referral: Referral, carer: Carer) -> tuple[str, ...]:
    """The worker asks: why is this household not suggested?"""
    _must(actor, "manage_referral", referral.person, "Only the allocated scheme worker can ask.")
    held = selectors.held_back_carers(area=referral.area, carers=[carer])
    in_progress = selectors.introductions_in_progress(area=referral.area).get(carer.pk, 0)
    return why_not(referral, carer, held, in_progress)


# --- introductions: both sides say yes ------------------------------------------------------


def _side_of(actor, person, carer, side: str | None = None) -> str:
    """Which side the actor speaks for; only the person (or who they chose) and the carer."""
    if is_the_carer(actor, carer) and side in (None, Side.CARER):
        return Side.CARER
    if can_for_person(actor, "decide_for_person", person) and side in (None, Side.PERSON):
        return Side.PERSON
    audit_person(actor=actor, action=AuditAction.DENIED, person=person, detail={"rule": "consent"})
    raise PermissionDenied(
        "Only the person (or someone they chose to act for them) and the carer can decide this."
    )


def _lock_carer(carer: Carer) -> Carer:
    return Carer.objects.select_for_update().get(pk=carer.pk)


def _lock_both_sides(person, carer: Carer) -> Carer:
    """Lock the person, then the carer: always in this order, so two writers never deadlock."""
    person_lock(person)
    return _lock_carer(carer)


def _open_introduction(referral, carer) -> Introduction | None:
    return (
        Introduction.objects.in_area(referral.area)
        .select_for_update()
        .filter(person=referral.person, carer=carer)
        .exclude(stage__in=[Stage.CLOSED, Stage.ARRANGED])
        .first()
    )


def _check_limits(referral: Referral, carer: Carer) -> None:
    settings = scheme_settings()
    carer_count = (
        Introduction.objects.in_area(carer.area)
        .filter(carer=carer, stage__in=IN_PROGRESS_STAGES)
        .count()
    )
    if carer_count >= settings.introductions_per_carer:
        raise ValidationError(
            f"{carer.name} already has {carer_count} introductions in progress, the scheme's "
            "limit. Try again when one has finished.",
            code="carer_limit",
        )
    person_count = (
        Introduction.objects.in_area(referral.area)
        .filter(person=referral.person, stage__in=IN_PROGRESS_STAGES)
        .count()
    )
    if person_count >= settings.introductions_per_person:
        raise ValidationError(
            f"{referral.person.called} already has {person_count} introductions in progress, "
            "the scheme's limit.",
            code="person_limit",
        )


@transaction.atomic
def interest_express(*, actor, referral: Referral, carer: Carer, arrangement_type: str = ""):
    """One side says yes to meeting. When both have, the introduction is proposed."""
    person = referral.person
    side = _side_of(actor, person, carer)
    _ready_to_match(referral)
    carer = _lock_both_sides(person, carer)
    if side == Side.CARER and not referral.share_with_suitable_carers:
        raise PermissionDenied(f"{person.called} has not chosen to be seen by carers.")
    held = selectors.held_back_carers(area=carer.area, carers=[carer], at_limit_counts=False)
    reasons = why_not(referral, carer, held, 0)  # the limit is checked when proposed
    if reasons:
        raise ValidationError("This household cannot be introduced now: " + "; ".join(reasons))
    wanted = [t for t in referral.arrangement_types if t in carer.approved_types]
    arrangement_type = arrangement_type or (wanted[0] if wanted else "")
    if arrangement_type not in wanted:
        raise ValidationError("Choose a kind of Shared Lives both want.", code="arrangement_type")
    now = timezone.now()
    introduction = _open_introduction(referral, carer) or Introduction(
        area=referral.area,
        referral=referral,
        person=person,
        carer=carer,
        arrangement_type=arrangement_type,
        first_interest_from=side,
    )
    if side == Side.PERSON and introduction.person_yes_at is None:
        introduction.person_yes_at, introduction.person_yes_by = now, actor.user
    if side == Side.CARER and introduction.carer_yes_at is None:
        introduction.carer_yes_at, introduction.carer_yes_by = now, actor.user
    if (
        introduction.person_yes_at
        and introduction.carer_yes_at
        and introduction.stage == Stage.INTEREST
    ):
        _check_limits(referral, carer)
        introduction.stage, introduction.proposed_at = Stage.INTRODUCTION, now
    introduction.save()
    audit_person(
        actor=actor,
        action=AuditAction.CREATE if introduction.stage == Stage.INTEREST else AuditAction.UPDATE,
        person=person,
        about=introduction,
        detail={"side": side, "said": "yes", "stage": introduction.stage},
    )
    return introduction


@transaction.atomic
def introduction_decline(*, actor, introduction: Introduction, reason: str = "") -> Introduction:
    """Either side can say no at any stage, with or without a reason. Nothing counts against it."""
    side = _side_of(actor, introduction.person, introduction.carer)
    if not introduction.is_open:
        raise ValidationError("This introduction has already finished.", code="closed")
    introduction.stage = Stage.CLOSED
    introduction.closed_at = timezone.now()
    introduction.closed_by_side = side
    introduction.closed_reason = visible_text(reason)
    introduction.save()
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=introduction.person,
        about=introduction,
        detail={"side": side, "said": "no"},
    )
    return introduction


def _may_record_view(actor, introduction: Introduction, side: str) -> None:
    worker = can_for_person(actor, "manage_referral", introduction.person)
    if worker:
        return
    _side_of(actor, introduction.person, introduction.carer, side)


@transaction.atomic
def stage_view_record(
    *,
    actor,
    introduction: Introduction,
    side: str,
    carry_on: bool,
    view: str = "",
    happened_on: date | None = None,
) -> Introduction:
    """A side's view after a meeting. When both want to carry on, the next stage opens."""
    if side not in Side.values:
        raise ValidationError("Say whose view this is.", code="side")
    _may_record_view(actor, introduction, side)
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    if introduction.stage not in MEETING_STAGES:
        raise ValidationError("There is no meeting to give a view on now.", code="stage")
    if (
        StageView.objects.in_area(introduction.area)
        .filter(introduction=introduction, stage=introduction.stage, side=side)
        .exists()
    ):
        raise ValidationError("This side's view of this meeting is already recorded.", code="dup")
    StageView.objects.create(
        area=introduction.area,
        introduction=introduction,
        stage=introduction.stage,
        side=side,
        carry_on=carry_on,
        view=visible_text(view),
        happened_on=happened_on,
        recorded_by=actor.user,
    )
    if not carry_on:
        introduction.stage = Stage.CLOSED
        introduction.closed_at = timezone.now()
        introduction.closed_by_side = side
        introduction.closed_reason = visible_text(view)
    elif (
        StageView.objects.in_area(introduction.area)
        .filter(introduction=introduction, stage=introduction.stage, carry_on=True)
        .count()
        == 2
    ):
        following = MEETING_STAGES.index(introduction.stage) + 1
        introduction.stage = (
            MEETING_STAGES[following] if following < len(MEETING_STAGES) else Stage.AGREEING
        )
    introduction.save()
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=introduction.person,
        about=introduction,
        detail={"side": side, "carry_on": carry_on, "stage": introduction.stage},
    )
    return introduction


@transaction.atomic
def arrangement_agree(*, actor, introduction: Introduction) -> Introduction:
    """A side agrees to the arrangement. Only they can: never a worker for them."""
    side = _side_of(actor, introduction.person, introduction.carer)
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    if introduction.stage != Stage.AGREEING:
        raise ValidationError("Agreeing comes after the meetings.", code="stage")
    now = timezone.now()
    if side == Side.PERSON:
        introduction.person_agreed_at = introduction.person_agreed_at or now
    else:
        introduction.carer_agreed_at = introduction.carer_agreed_at or now
    if introduction.person_agreed_at and introduction.carer_agreed_at:
        introduction.stage = Stage.AGREED
    introduction.save()
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=introduction.person,
        about=introduction,
        detail={"side": side, "agreed": True},
    )
    return introduction


# --- arrangements ---------------------------------------------------------------------------


def review_schedule(arrangement: Arrangement) -> list[ArrangementReview]:
    """A review at 4 weeks, monthly visits for the first 6 months, then annual reviews."""
    start = arrangement.starts_on
    due = [(ReviewKind.FOUR_WEEK, start + timedelta(weeks=4))]
    due += [(ReviewKind.MONTHLY_VISIT, _add_months(start, m)) for m in range(2, 7)]
    due += [(ReviewKind.ANNUAL, add_years(start, 1))]
    return [
        ArrangementReview(area=arrangement.area, arrangement=arrangement, kind=kind, due_on=day)
        for kind, day in due
    ]


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@transaction.atomic
def arrangement_start(
    *,
    actor,
    introduction: Introduction,
    starts_on: date,
    agreement_signed_by_person_on: date | None,
    agreement_signed_by_carer_on: date | None,
    licence_signed_by_person_on: date | None = None,
    licence_signed_by_carer_on: date | None = None,
    band: int = 1,
    nights_or_sessions_per_month: int = 0,
) -> Arrangement:
    """Start an arrangement both sides agreed to and signed, in a carer's free place."""
    person = introduction.person
    _must(actor, "manage_referral", person, "Only the allocated scheme worker can record this.")
    _lock_both_sides(person, introduction.carer)
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    if introduction.stage != Stage.AGREED:
        raise ValidationError(
            "Both the person and the carer must agree before an arrangement can start.",
            code="not_agreed",
        )
    if not (agreement_signed_by_person_on and agreement_signed_by_carer_on):
        raise ValidationError(
            "Record when the person and the carer each signed the Shared Lives Arrangement "
            "Agreement.",
            code="agreement",
        )
    if introduction.arrangement_type == "long_term" and not (
        licence_signed_by_person_on and licence_signed_by_carer_on
    ):
        raise ValidationError(
            "Living together needs the Licence Agreement signed by the person and the carer.",
            code="licence",
        )
    if band not in scheme_settings().bands[introduction.arrangement_type]:
        raise ValidationError("Choose a payment band the scheme uses.", code="band")
    carer = _lock_carer(introduction.carer)
    if carer.status != CarerStatus.APPROVED:
        raise ValidationError(f"{carer.name} is not approved now.", code="approval")
    if introduction.arrangement_type not in carer.approved_types or set(
        introduction.referral.support_needs
    ) - set(carer.approved_needs):
        raise ValidationError(
            f"{carer.name}'s approval does not cover this arrangement.", code="approval"
        )
    flags = selectors.carer_flags(carer=carer)
    if flags:
        raise ValidationError(f"{carer.name} cannot start a new arrangement: {'; '.join(flags)}.")
    arrangement = Arrangement(
        area=introduction.area,
        introduction=introduction,
        person=person,
        carer=carer,
        arrangement_type=introduction.arrangement_type,
        starts_on=starts_on,
        person_agreed_at=introduction.person_agreed_at,
        carer_agreed_at=introduction.carer_agreed_at,
        agreement_signed_by_person_on=agreement_signed_by_person_on,
        agreement_signed_by_carer_on=agreement_signed_by_carer_on,
        licence_signed_by_person_on=licence_signed_by_person_on,
        licence_signed_by_carer_on=licence_signed_by_carer_on,
        band=band,
        nights_or_sessions_per_month=nights_or_sessions_per_month,
        created_by=actor.user,
    )
    if arrangement.takes_a_place:
        _take_a_place(carer)
    arrangement.save()
    ArrangementReview.objects.bulk_create(review_schedule(arrangement))
    introduction.stage = Stage.ARRANGED
    introduction.save(update_fields=["stage"])
    referral = introduction.referral
    referral.status = ReferralStatus.ARRANGED
    referral.save(update_fields=["status"])
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=arrangement)
    from kinfolk.wellbeing.services import shared_lives_episode_started

    shared_lives_episode_started(arrangement)
    return arrangement


def _take_a_place(carer: Carer) -> None:
    """Fill one place; the database refuses if none is free (even if two try at once)."""
    if carer.free_places < 1:
        raise ValidationError(f"{carer.name} has no free place.", code="no_place")
    try:
        with transaction.atomic():
            Carer.objects.filter(pk=carer.pk).update(places_in_use=F("places_in_use") + 1)
    except IntegrityError as error:
        raise ValidationError(f"{carer.name} has no free place.", code="no_place") from error


@transaction.atomic
def review_record(*, actor, review: ArrangementReview, done_on: date, notes: str) -> None:
    arrangement = review.arrangement
    _must(actor, "manage_referral", arrangement.person, "Only the allocated scheme worker can.")
    if review.done_on:
        raise ValidationError("This review is already recorded.", code="done")
    if done_on > date.today():
        raise ValidationError("A review cannot be recorded before it happens.", code="done_on")
    if not (notes or "").strip():
        raise ValidationError("Write what was talked about and agreed.", code="notes")
    review.done_on, review.notes, review.recorded_by = done_on, notes.strip(), actor.user
    review.save(update_fields=["done_on", "notes", "recorded_by"])
    if review.kind == ReviewKind.ANNUAL:
        ArrangementReview.objects.create(
            area=review.area,
            arrangement=arrangement,
            kind=ReviewKind.ANNUAL,
            due_on=add_years(review.due_on, 1),
        )
    audit_person(actor=actor, action=AuditAction.UPDATE, person=arrangement.person, about=review)


@transaction.atomic
def review_request(*, actor, arrangement: Arrangement, reason: str = "") -> ArrangementReview:
    """Either side asks for a review; the scheme sees it within two weeks."""
    side = _side_of(actor, arrangement.person, arrangement.carer)
    review = ArrangementReview.objects.create(
        area=arrangement.area,
        arrangement=arrangement,
        kind=ReviewKind.REQUESTED,
        due_on=date.today() + timedelta(days=14),
        requested_by_side=side,
        notes=visible_text(reason),
    )
    audit_person(actor=actor, action=AuditAction.CREATE, person=arrangement.person, about=review)
    return review


@transaction.atomic
def arrangement_end(
    *,
    actor,
    arrangement: Arrangement,
    reason: str,
    next_step: str = "",
    ended_on: date | None = None,
    side: str | None = None,
) -> Arrangement:
    """End an arrangement: who, why, and (for living together) what happens next."""
    worker = can_for_person(actor, "manage_referral", arrangement.person)
    if worker:
        if side not in Side.values:
            raise ValidationError("Say who asked to end the arrangement.", code="side")
    else:
        side = _side_of(actor, arrangement.person, arrangement.carer)
    arrangement = Arrangement.objects.select_for_update().get(pk=arrangement.pk)
    if arrangement.status != ArrangementStatus.ACTIVE:
        raise ValidationError("This arrangement has already ended.", code="ended")
    if not visible_text(reason):
        raise ValidationError("Write why the arrangement is ending.", code="reason")
    if arrangement.arrangement_type == "long_term" and not visible_text(next_step):
        raise ValidationError(
            "Record where the person will live and who will support them next: no one is left "
            "without support.",
            code="next_step",
        )
    arrangement.status = ArrangementStatus.ENDED
    arrangement.ended_on = ended_on or date.today()
    arrangement.ended_by_side = side
    arrangement.end_reason = visible_text(reason)
    arrangement.next_step = (next_step or "").strip()
    arrangement.save()
    if arrangement.takes_a_place:
        Carer.objects.filter(pk=arrangement.carer_id, places_in_use__gt=0).update(
            places_in_use=F("places_in_use") - 1
        )
    from kinfolk.wellbeing.services import shared_lives_episode_ended

    shared_lives_episode_ended(arrangement)
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=arrangement.person,
        about=arrangement,
        detail={"ended_by": side},
    )
    return arrangement


# --- carers: from enquiry to approval, training and annual checks ---------------------------


def _must_run_scheme(actor, carer: Carer | None = None) -> None:
    if not runs_the_scheme(actor, carer):
        raise PermissionDenied("Only a scheme worker in this area can do this.")


def _audit_carer(actor, action, carer: Carer, **detail) -> None:
    audit_record(
        actor=actor,
        action=action,
        target_type="carer",
        target_id=carer.pk,
        area=carer.area,
        detail=detail,
    )


@transaction.atomic
def carer_enquiry(*, actor, name: str, postcode: str, user=None) -> Carer:
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
    done = set(
        ApplicationCheck.objects.in_area(carer.area)
        .filter(carer=carer)
        .values_list("step", flat=True)
    )
    if done >= set(ApplicationStep.values) and carer.status == CarerStatus.APPLYING:
        carer.status = CarerStatus.AT_PANEL
    carer.save(update_fields=["status"])
    _audit_carer(actor, AuditAction.UPDATE, carer, step=step)
    return check


def missing_steps(carer: Carer) -> list[str]:
    done = set(
        ApplicationCheck.objects.in_area(carer.area)
        .filter(carer=carer)
        .values_list("step", flat=True)
    )
    return [label for value, label in ApplicationStep.choices if value not in done]


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
    carer = _lock_carer(carer)
    if decision not in PanelDecision.Decision.values:
        raise ValidationError("Choose the panel's decision.", code="decision")
    if not visible_text(members):
        raise ValidationError("Record who sat on the panel.", code="members")
    if decision != PanelDecision.Decision.APPROVED and not visible_text(reasons):
        raise ValidationError("Record the panel's reasons.", code="reasons")
    if decision == PanelDecision.Decision.APPROVED:
        missing = missing_steps(carer)
        if missing:
            raise ValidationError(
                "Panel can approve only a complete application. Missing: " + "; ".join(missing),
                code="incomplete",
            )
        if not approved_types or set(approved_types) - ARRANGEMENT_TYPES:
            raise ValidationError("Approve at least one kind of Shared Lives.", code="types")
        if set(approved_needs) - NEEDS:
            raise ValidationError("Choose needs from the list.", code="needs")
        if not 1 <= places <= MAX_PLACES:
            raise ValidationError(
                f"A household can be approved for 1 to {MAX_PLACES} places.", code="places"
            )
        if places < carer.places_in_use:
            raise ValidationError("Fewer places than people living there now.", code="places")
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
    carer.save()
    _audit_carer(actor, AuditAction.UPDATE, carer, panel=decision)
    return panel


@transaction.atomic
def carer_return_to_panel(*, actor, carer: Carer) -> Carer:
    _must_run_scheme(actor, carer)
    if carer.status not in (CarerStatus.DEFERRED, CarerStatus.DECLINED):
        raise ValidationError("Only a deferred or declined application returns to panel.")
    carer.status = CarerStatus.AT_PANEL
    carer.save(update_fields=["status"])
    _audit_carer(actor, AuditAction.UPDATE, carer, status="at_panel")
    return carer


@transaction.atomic
def training_record(*, actor, carer: Carer, course: str, completed_on: date) -> TrainingRecord:
    _must_run_scheme(actor, carer)
    if course not in COURSE_YEARS:
        raise ValidationError("Choose a course.", code="course")
    if completed_on > date.today():
        raise ValidationError("Training cannot be completed in the future.", code="completed_on")
    years = COURSE_YEARS[course]
    record = TrainingRecord.objects.create(
        area=carer.area,
        carer=carer,
        course=course,
        completed_on=completed_on,
        expires_on=add_years(completed_on, years) if years else None,
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


def scheme_report_exported(*, actor, lines: int) -> None:
    """The scheme report leaves Kinfolk as a CSV: record who took it."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        target_type="shared_lives_scheme_report",
        detail={"lines": lines},
    )


def payments_exported(*, actor, month: date, rows: int) -> None:
    """An export of carers' payments leaves Kinfolk: record who took it."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        target_type="shared_lives_payments",
        target_id=f"{month:%Y-%m}",
        detail={"rows": rows},
    )

"""Writes for arrangements: starting one both sides agreed and signed, reviews, endings, and the
payments export.

An arrangement needs both sides' agreement, the agreement (and for living together, the
licence) signed by both, and a carer with current approval covering it and a free place.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import can, require
from kinfolk.core.text import visible_text
from kinfolk.people.audit import audit_person

from .. import integrity, notices, policy
from ..carers.selectors import carer_flags
from ..carers.services import back_to_panel as carer_back_to_panel
from ..carers.services import carer_lock
from ..introductions.services import both_sides_lock, speaking_side
from ..models import (
    Arrangement,
    ArrangementReview,
    ArrangementStatus,
    Carer,
    CarerStatus,
    Introduction,
    ReferralStatus,
    ReviewKind,
    Side,
    Stage,
    add_years,
)
from ..policy import Move
from ..scheme import scheme_settings

MANAGE = "sharedlives.manage_referral"


def review_schedule(arrangement: Arrangement) -> list[ArrangementReview]:
    """The reviews a new arrangement has (unsaved): `policy.review_dates` from its start."""
    return [
        ArrangementReview(area=arrangement.area, arrangement=arrangement, kind=kind, due_on=day)
        for kind, day in policy.review_dates(arrangement.starts_on)
    ]


def _has_a_free_place(carer: Carer) -> None:
    """Refuse, in words, when the (locked) household has no free place."""
    if carer.free_places < 1:
        raise ValidationError(f"{carer.name} has no free place.", code="no_place")


def _refused_by_the_database(error: IntegrityError, carer: Carer) -> ValidationError:
    """What the person recording sees when the database refuses the arrangement (ADR 0030)."""
    words = {
        integrity.NO_FREE_PLACE: (f"{carer.name} has no free place.", "no_place"),
        integrity.NOT_APPROVED: (f"{carer.name} is not approved now.", "approval"),
        integrity.NOT_AGREED: ("Both sides need to agree before an arrangement starts.", "stage"),
    }
    message, code = words.get(
        integrity.refusal_in(error),
        ("The arrangement could not be started, so nothing was saved. Try again.", "refused"),
    )
    return ValidationError(message, code=code)


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
    require(actor, MANAGE, person, message="Only the allocated scheme worker can record this.")
    both_sides_lock(person, introduction.carer)
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    arranged = policy.stage_after(Move.START_ARRANGEMENT, introduction.stage)
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
    carer = carer_lock(introduction.carer)
    if carer.status != CarerStatus.APPROVED:
        raise ValidationError(f"{carer.name} is not approved now.", code="approval")
    if not policy.approval_covers(
        carer, introduction.arrangement_type, introduction.referral.support_needs
    ):
        raise ValidationError(
            f"{carer.name}'s approval does not cover this arrangement.", code="approval"
        )
    flags = carer_flags(carer=carer)
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
        _has_a_free_place(carer)
    try:
        with transaction.atomic():
            arrangement.save()
    except IntegrityError as error:
        raise _refused_by_the_database(error, carer) from error
    ArrangementReview.objects.bulk_create(review_schedule(arrangement))
    introduction.stage = arranged
    introduction.save(update_fields=["stage"])
    referral = introduction.referral
    referral.status = ReferralStatus.ARRANGED
    referral.save(update_fields=["status"])
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=arrangement)
    from kinfolk.wellbeing.services import shared_lives_episode_started

    shared_lives_episode_started(arrangement)
    return arrangement


@transaction.atomic
def review_record(
    *,
    actor,
    review: ArrangementReview,
    done_on: date,
    person_view: str,
    carer_view: str,
    going_well: str = "",
    to_change: str = "",
    agreed_actions: str = "",
    back_to_panel: bool = False,
) -> ArrangementReview:
    """A review or visit done: the person's view and the carer's, what goes well, what to change
    and the actions agreed; it may send the household back to panel. An annual review books the
    next one a year on."""
    arrangement = review.arrangement
    require(actor, MANAGE, arrangement.person, message="Only the allocated scheme worker can.")
    review = ArrangementReview.objects.select_for_update().get(pk=review.pk)
    if review.done_on:
        raise ValidationError("This review is already recorded.", code="done")
    if done_on > date.today():
        raise ValidationError("A review cannot be recorded before it happens.", code="done_on")
    if not visible_text(person_view):
        raise ValidationError(
            "Record the person's view, in their words (or that they chose not to say).",
            code="person_view",
        )
    if not visible_text(carer_view):
        raise ValidationError("Record the carer's view.", code="carer_view")
    review.done_on, review.recorded_by = done_on, actor.user
    review.person_view, review.carer_view = person_view.strip(), carer_view.strip()
    review.going_well, review.to_change = going_well.strip(), to_change.strip()
    review.agreed_actions, review.back_to_panel = agreed_actions.strip(), bool(back_to_panel)
    review.save()
    if review.kind == ReviewKind.ANNUAL:
        ArrangementReview.objects.create(
            area=review.area,
            arrangement=arrangement,
            kind=ReviewKind.ANNUAL,
            due_on=add_years(review.due_on, 1),
        )
    if back_to_panel:
        carer_back_to_panel(
            actor=actor,
            carer=arrangement.carer,
            because=f"The {review.get_kind_display().lower()} on {done_on:%-d %B %Y} "
            "asked panel to look again.",
        )
    audit_person(actor=actor, action=AuditAction.UPDATE, person=arrangement.person, about=review)
    return review


@transaction.atomic
def review_request(*, actor, arrangement: Arrangement, reason: str = "") -> ArrangementReview:
    """Either side asks for a review; the scheme sees it within two weeks."""
    side = speaking_side(actor, arrangement)
    review = ArrangementReview.objects.create(
        area=arrangement.area,
        arrangement=arrangement,
        kind=ReviewKind.REQUESTED,
        due_on=policy.asked_for_review_due(date.today()),
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
    if can(actor, MANAGE, arrangement.person):
        if side not in Side.values:
            raise ValidationError("Say who asked to end the arrangement.", code="side")
    else:
        side = speaking_side(actor, arrangement)
    return _arrangement_ended(
        actor=actor,
        arrangement=arrangement,
        side=side,
        reason=reason,
        next_step=next_step,
        ended_on=ended_on,
    )


def _arrangement_ended(*, actor, arrangement, side, reason, next_step, ended_on) -> Arrangement:
    """The ending rules, whoever ends it: a reason, and for living together what happens next."""
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


HOUSEHOLD_LEFT_REASON = "The household stopped being Shared Lives carers."


@transaction.atomic
def household_leaves(
    *,
    actor,
    carer: Carer,
    in_their_words: str,
    next_steps: dict,
    left_on: date | None = None,
) -> Carer:
    """A household stops being Shared Lives carers (the carer, or a worker recording it for them
    in their words). Every arrangement with them ends with its next step recorded (no one is
    left without support); open introductions close, and everyone involved is told."""
    require(
        actor,
        "sharedlives.record_leaving",
        carer,
        message="Only the carer or a scheme worker in this area can record this.",
    )
    carer = carer_lock(carer)
    if carer.status == CarerStatus.LEFT:
        raise ValidationError("This household has already left.", code="left")
    if not visible_text(in_their_words):
        raise ValidationError("Write why the household is stopping, in their words.", code="words")
    left_on = left_on or date.today()
    if left_on > date.today():
        raise ValidationError("Record leaving on or after the last day.", code="left_on")
    arrangements = list(
        Arrangement.objects.in_area(carer.area)
        .filter(carer=carer, status=ArrangementStatus.ACTIVE)
        .select_related("person")
    )
    for arrangement in arrangements:
        if not visible_text(next_steps.get(arrangement.pk, "")):
            raise ValidationError(
                f"Record what happens next for {arrangement.person.called}: where they will "
                "live or be supported, and who will support them.",
                code="next_step",
            )
    for arrangement in arrangements:
        _arrangement_ended(
            actor=actor,
            arrangement=arrangement,
            side=Side.CARER,
            reason=HOUSEHOLD_LEFT_REASON,
            next_step=next_steps[arrangement.pk],
            ended_on=left_on,
        )
    introductions = list(
        Introduction.objects.in_area(carer.area)
        .select_for_update()
        .filter(carer=carer)
        .exclude(stage__in=[Stage.CLOSED, Stage.ARRANGED])
        .select_related("person")
    )
    for introduction in introductions:
        introduction.stage = policy.stage_after(Move.DECLINE, introduction.stage)
        introduction.closed_at = timezone.now()
        introduction.closed_by_side = Side.CARER
        introduction.closed_reason = HOUSEHOLD_LEFT_REASON
        introduction.save(update_fields=["stage", "closed_at", "closed_by_side", "closed_reason"])
        audit_person(
            actor=actor,
            action=AuditAction.UPDATE,
            person=introduction.person,
            about=introduction,
            detail={"side": Side.CARER, "said": "household_left"},
        )
    carer.status, carer.left_on = CarerStatus.LEFT, left_on
    carer.left_in_their_words = visible_text(in_their_words)
    carer.save(update_fields=["status", "left_on", "left_in_their_words"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target_type="carer",
        target_id=carer.pk,
        area=carer.area,
        detail={"left": True, "arrangements": len(arrangements)},
    )
    notices.household_left(carer, introductions, arrangements)
    return carer


def payments_exported(*, actor, month: date, rows: int) -> None:
    """An export of carers' payments leaves Kinfolk: record who took it."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        target_type="shared_lives_payments",
        target_id=f"{month:%Y-%m}",
        detail={"rows": rows},
    )

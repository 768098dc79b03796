"""Writes for arrangements: starting one both sides agreed and signed, reviews, endings, and the
payments export.

An arrangement needs both sides' agreement, the agreement (and for living together, the
licence) signed by both, and a carer with current approval covering it and a free place.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import can, require
from kinfolk.core.text import visible_text
from kinfolk.people.audit import audit_person

from .. import integrity, policy
from ..carers.selectors import carer_flags
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
def review_record(*, actor, review: ArrangementReview, done_on: date, notes: str) -> None:
    """A review or visit done, in words; an annual review books the next one a year on."""
    arrangement = review.arrangement
    require(actor, MANAGE, arrangement.person, message="Only the allocated scheme worker can.")
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


def payments_exported(*, actor, month: date, rows: int) -> None:
    """An export of carers' payments leaves Kinfolk: record who took it."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        target_type="shared_lives_payments",
        target_id=f"{month:%Y-%m}",
        detail={"rows": rows},
    )

"""Writes for introductions: nobody is placed.

An introduction is proposed only when both sides said yes to meeting; after each meeting both
say whether to carry on; both agree before an arrangement; and either may stop at any stage,
for any reason or none. Every move is a row of `policy.STAGE_MACHINE`; who speaks for which
side is `rules.side_for`.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import audit_refusal, can, require
from kinfolk.core.text import visible_text
from kinfolk.people.audit import audit_person
from kinfolk.people.services import person_lock

from .. import notices, policy
from ..carers.selectors import held_back_carers
from ..carers.services import carer_lock
from ..models import IN_PROGRESS_STAGES, Carer, Introduction, Referral, Side, Stage, StageView
from ..policy import Move
from ..rules import SCHEME, side_for
from ..scheme import scheme_settings

ONLY_THE_SIDES = (
    "Only the person (or someone they chose to act for them) and the carer can decide this."
)


def speaking_side(actor, introduction, move: Move | None = None) -> str:
    """The side (person or carer) the actor speaks for on this introduction or arrangement, if
    that side may make the move; anyone else is refused, and the refusal is filed under the
    person."""
    require(
        actor,
        "sharedlives.speak_for_a_side",
        introduction,
        about=introduction.person,
        message=ONLY_THE_SIDES,
    )
    side = side_for(actor, introduction)
    if move is not None and side not in policy.who_makes(move):
        audit_refusal(actor, "sharedlives.speak_for_a_side", introduction.person)
        raise PermissionDenied(ONLY_THE_SIDES)
    return side


def both_sides_lock(person, carer: Carer) -> Carer:
    """Lock the person, then the carer: always in this order, so two writers never deadlock."""
    person_lock(person)
    return carer_lock(carer)


def _open_introduction(referral, carer) -> Introduction | None:
    return (
        Introduction.objects.in_area(referral.area)
        .select_for_update()
        .filter(person=referral.person, carer=carer)
        .exclude(stage__in=[Stage.CLOSED, Stage.ARRANGED])
        .first()
    )


def _in_progress(area, **who) -> int:
    return Introduction.objects.in_area(area).filter(stage__in=IN_PROGRESS_STAGES, **who).count()


def _check_limits(referral: Referral, carer: Carer) -> None:
    policy.check_introduction_limits(
        carer_name=carer.name,
        carer_count=_in_progress(carer.area, carer=carer),
        person_called=referral.person.called,
        person_count=_in_progress(referral.area, person=referral.person),
        settings=scheme_settings(),
    )


@transaction.atomic
def interest_express(*, actor, referral: Referral, carer: Carer, arrangement_type: str = ""):
    """One side says yes to meeting. When both have, the introduction is proposed."""
    person = referral.person
    asked = Introduction(area=referral.area, referral=referral, person=person, carer=carer)
    side = speaking_side(actor, asked, Move.SAY_YES)
    policy.ready_to_match(referral)
    carer = both_sides_lock(person, carer)
    if side == Side.CARER and not referral.share_with_suitable_carers:
        raise PermissionDenied(f"{person.called} has not chosen to be seen by carers.")
    held = held_back_carers(area=carer.area, carers=[carer], at_limit_counts=False)
    reasons = policy.why_not(referral, carer, held, 0)  # the limit is checked when proposed
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
        and policy.can_move(Move.SAY_YES, introduction.stage)
    ):
        _check_limits(referral, carer)
        introduction.stage = policy.stage_after(Move.SAY_YES, introduction.stage)
        introduction.proposed_at = now
    introduction.save()
    audit_person(
        actor=actor,
        action=AuditAction.CREATE if introduction.stage == Stage.INTEREST else AuditAction.UPDATE,
        person=person,
        about=introduction,
        detail={"side": side, "said": "yes", "stage": introduction.stage},
    )
    notices.side_said_yes(introduction, side)
    return introduction


@transaction.atomic
def introduction_decline(*, actor, introduction: Introduction, reason: str = "") -> Introduction:
    """Either side can say no at any stage, with or without a reason. Nothing counts against it."""
    side = speaking_side(actor, introduction, Move.DECLINE)
    introduction.stage = policy.stage_after(Move.DECLINE, introduction.stage)
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
    notices.side_said_no(introduction, side)
    return introduction


def _may_give_view(actor, introduction: Introduction, side: str) -> None:
    """The worker may record either side's view of a meeting (they were often there); a side
    only its own."""
    move = Move.GIVE_VIEW
    if SCHEME in policy.who_makes(move) and can(
        actor, "sharedlives.manage_referral", introduction.person
    ):
        return
    if speaking_side(actor, introduction, move) != side:
        audit_refusal(actor, "sharedlives.speak_for_a_side", introduction.person)
        raise PermissionDenied(ONLY_THE_SIDES)


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
    _may_give_view(actor, introduction, side)
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    move = Move.GIVE_VIEW if carry_on else Move.STOP_AFTER_MEETING
    following = policy.stage_after(move, introduction.stage)
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
        introduction.stage = following
        introduction.closed_at = timezone.now()
        introduction.closed_by_side = side
        introduction.closed_reason = visible_text(view)
    elif (
        StageView.objects.in_area(introduction.area)
        .filter(introduction=introduction, stage=introduction.stage, carry_on=True)
        .count()
        == 2
    ):
        introduction.stage = following
    introduction.save()
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=introduction.person,
        about=introduction,
        detail={"side": side, "carry_on": carry_on, "stage": introduction.stage},
    )
    if not carry_on:
        notices.side_said_no(introduction, side)
    return introduction


@transaction.atomic
def arrangement_agree(*, actor, introduction: Introduction) -> Introduction:
    """A side agrees to the arrangement. Only they can: never a worker for them."""
    side = speaking_side(actor, introduction, Move.AGREE)
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    agreed = policy.stage_after(Move.AGREE, introduction.stage)
    now = timezone.now()
    if side == Side.PERSON:
        introduction.person_agreed_at = introduction.person_agreed_at or now
    else:
        introduction.carer_agreed_at = introduction.carer_agreed_at or now
    if introduction.person_agreed_at and introduction.carer_agreed_at:
        introduction.stage = agreed
    introduction.save()
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=introduction.person,
        about=introduction,
        detail={"side": side, "agreed": True},
    )
    if introduction.person_agreed_at and introduction.carer_agreed_at:
        notices.both_agreed(introduction)
    return introduction

"""Writes for introductions: nobody is placed.

An introduction is proposed only when both sides said yes to meeting; after each meeting both
say whether to carry on; both agree before an arrangement; and either may stop at any stage,
for any reason or none. Every move is a row of `policy.STAGE_MACHINE`; who speaks for which
side is `rules.side_for`.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import audit_refusal, require
from kinfolk.core.text import visible_text
from kinfolk.people.audit import audit_person
from kinfolk.people.services import person_lock

from .. import notices, policy
from ..carers.selectors import held_back_carers
from ..carers.services import carer_lock
from ..models import (
    IN_PROGRESS_STAGES,
    LIVE_MEETING,
    Carer,
    Introduction,
    Meeting,
    MeetingStatus,
    NotForMe,
    Referral,
    SaidFor,
    ShownHow,
    Side,
    Stage,
    StageView,
)
from ..policy import Move
from ..rules import REPRESENTATIVE, SCHEME, THEMSELVES, side_for, speaker_for
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


RECORDED_AS = {REPRESENTATIVE: "representative", SCHEME: "scheme worker"}


@dataclass(frozen=True)
class Voice:
    """Whose yes or no this is, and who recorded it: the side THEMSELVES, or someone for them
    with how the side showed it."""

    side: str
    speaker: str
    shown_how: str = ""
    note: str = ""

    @property
    def for_them(self) -> bool:
        return self.speaker != THEMSELVES


def _refuse(actor, introduction, message: str = ONLY_THE_SIDES):
    audit_refusal(actor, "sharedlives.record_for_a_side", introduction.person)
    raise PermissionDenied(message)


def side_name(introduction, side: str) -> str:
    """How a side is named: the person's first name, or the household's name."""
    return introduction.person.called if side == Side.PERSON else introduction.carer.name


def voice_for(
    actor, introduction, move: Move, *, side: str | None = None, shown_how: str = "", note: str = ""
) -> Voice:
    """Who speaks for which side in this move: a side for itself, or the person's
    representative or their worker recording it for a side, only with how that side showed it
    (ADR 0027). Anyone else is refused, and the refusal is filed under the person."""
    require(
        actor,
        "sharedlives.record_for_a_side",
        introduction,
        about=introduction.person,
        message=ONLY_THE_SIDES,
    )
    speaker = speaker_for(actor, introduction)
    if speaker != THEMSELVES and speaker not in policy.who_records_for(move):
        name = side_name(introduction, side or Side.PERSON)
        _refuse(
            actor,
            introduction,
            policy.voice_problem(move, speaker=speaker, shown_how="", name=name),
        )
    if speaker == THEMSELVES:
        own = side_for(actor, introduction)
        if side and side != own:
            _refuse(actor, introduction, "You can only say this for yourself.")
        side, shown_how, note = own, "", ""
    elif speaker == REPRESENTATIVE:
        if side and side != Side.PERSON:
            _refuse(actor, introduction)
        side = Side.PERSON
    elif side not in Side.values:
        raise ValidationError("Say who this is for: the person or the carer.", code="side")
    if side not in policy.who_makes(move):
        _refuse(actor, introduction)
    if shown_how and shown_how not in ShownHow.values:
        raise ValidationError("Choose how they showed it from the list.", code="shown_how")
    problem = policy.voice_problem(
        move, speaker=speaker, shown_how=shown_how, name=side_name(introduction, side)
    )
    if problem:
        raise ValidationError(problem, code="shown_how")
    return Voice(side, speaker, shown_how, visible_text(note)[:300])


def said_for_record(
    *, actor, voice: Voice, introduction, what: str, person=None, carer=None
) -> SaidFor | None:
    """Write down that someone recorded a side's yes or no for them, and how the side showed
    it (nothing when the side spoke for itself)."""
    if not voice.for_them:
        return None
    return SaidFor.objects.create(
        area=(introduction or person).area,
        person=person or introduction.person,
        carer=carer or introduction.carer,
        introduction=introduction if introduction and introduction.pk else None,
        side=voice.side,
        what=what,
        stage=introduction.stage if introduction and introduction.pk else "",
        recorded_by=actor.user,
        recorded_as=RECORDED_AS[voice.speaker],
        shown_how=voice.shown_how,
        note=voice.note,
    )


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


def _standing_not_for_me(person, carer, side: str):
    return (
        NotForMe.objects.in_area(carer.area)
        .filter(person=person, carer=carer, side=side, undone_at__isnull=True)
        .first()
    )


def _may_the_household_ask(referral: Referral, carer: Carer, introduction) -> None:
    """A household asking first cannot ask a person who said no to it (not for me, or stopped
    an introduction) until the person asks, or `ASK_AGAIN_AFTER_MONTHS` pass."""
    if introduction.person_yes_at:
        return  # the person asked: the household is answering
    said_no = _standing_not_for_me(referral.person, carer, Side.PERSON)
    if said_no is None:
        return
    again_on = policy.may_ask_again_on(said_no.said_at.date())
    if timezone.localdate() < again_on:
        raise ValidationError(
            f"{referral.person.called} said no to meeting your household. You can ask again "
            f"from {again_on:%-d %B %Y}, or sooner if {referral.person.called} asks to meet you.",
            code="said_no",
        )


@transaction.atomic
def interest_express(
    *,
    actor,
    referral: Referral,
    carer: Carer,
    arrangement_type: str = "",
    side: str | None = None,
    shown_how: str = "",
    note: str = "",
):
    """One side says yes to meeting (or someone records it for them, with how they showed
    it). When both have, the introduction is proposed."""
    person = referral.person
    asked = Introduction(area=referral.area, referral=referral, person=person, carer=carer)
    voice = voice_for(actor, asked, Move.SAY_YES, side=side, shown_how=shown_how, note=note)
    side = voice.side
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
    if side == Side.CARER:
        _may_the_household_ask(referral, carer, introduction)
    if side == Side.PERSON and introduction.person_yes_at is None:
        introduction.person_yes_at, introduction.person_yes_by = now, actor.user
        # The person asking lifts their own "not for me" about this household.
        NotForMe.objects.in_area(carer.area).filter(
            person=person, carer=carer, side=Side.PERSON, undone_at__isnull=True
        ).update(undone_at=now, undone_by=actor.user)
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
    said_for_record(actor=actor, voice=voice, introduction=introduction, what=SaidFor.What.YES)
    audit_person(
        actor=actor,
        action=AuditAction.CREATE if introduction.stage == Stage.INTEREST else AuditAction.UPDATE,
        person=person,
        about=introduction,
        detail={
            "side": side,
            "said": "yes",
            "stage": introduction.stage,
            "for_them": voice.for_them,
        },
    )
    notices.side_said_yes(introduction, side)
    return introduction


def _call_off_planned_meetings(introduction: Introduction, side: str) -> None:
    """Meetings still planned when an introduction ends are cancelled with it (those taking part
    are told the introduction ended, which says it all)."""
    Meeting.objects.in_area(introduction.area).filter(
        introduction=introduction, status__in=LIVE_MEETING
    ).update(
        status=MeetingStatus.CANCELLED,
        cancelled_by_side=side,
        cancelled_reason="The introduction ended.",
        updated_at=timezone.now(),
    )


def _remember_the_persons_no(actor, introduction, reason: str) -> None:
    """The person stopping an introduction is remembered as "not for me": the household drops
    out of their suggestions and cannot ask them again for a while."""
    if introduction.closed_by_side != Side.PERSON:
        return
    if _standing_not_for_me(introduction.person, introduction.carer, Side.PERSON):
        return
    NotForMe.objects.create(
        area=introduction.area,
        person=introduction.person,
        carer=introduction.carer,
        side=Side.PERSON,
        reason=reason,
        said_at=introduction.closed_at,
        said_by=actor.user,
        introduction=introduction,
    )


@transaction.atomic
def introduction_decline(
    *,
    actor,
    introduction: Introduction,
    reason: str = "",
    side: str | None = None,
    shown_how: str = "",
    note: str = "",
) -> Introduction:
    """Either side can say no at any stage, with or without a reason (or someone records it for
    them, with how they showed it). Nothing counts against it."""
    voice = voice_for(actor, introduction, Move.DECLINE, side=side, shown_how=shown_how, note=note)
    introduction.stage = policy.stage_after(Move.DECLINE, introduction.stage)
    said_for_record(actor=actor, voice=voice, introduction=introduction, what=SaidFor.What.NO)
    introduction.closed_at = timezone.now()
    introduction.closed_by_side = voice.side
    introduction.closed_reason = visible_text(reason)
    introduction.save()
    _call_off_planned_meetings(introduction, voice.side)
    _remember_the_persons_no(actor, introduction, introduction.closed_reason)
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=introduction.person,
        about=introduction,
        detail={"side": voice.side, "said": "no", "for_them": voice.for_them},
    )
    notices.side_said_no(introduction, voice.side)
    return introduction


@transaction.atomic
def stage_view_record(
    *,
    actor,
    introduction: Introduction,
    carry_on: bool,
    side: str | None = None,
    view: str = "",
    happened_on: date | None = None,
    shown_how: str = "",
    note: str = "",
) -> Introduction:
    """A side says whether to carry on after a meeting, in their words (or someone records it
    for them, with how they showed it). When both want to carry on, the next stage opens."""
    move = Move.GIVE_VIEW if carry_on else Move.STOP_AFTER_MEETING
    voice = voice_for(actor, introduction, move, side=side, shown_how=shown_how, note=note)
    side = voice.side
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
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
    said_for_record(
        actor=actor,
        voice=voice,
        introduction=introduction,
        what=SaidFor.What.CARRY_ON if carry_on else SaidFor.What.STOP,
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
    if not carry_on:
        _remember_the_persons_no(actor, introduction, introduction.closed_reason)
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=introduction.person,
        about=introduction,
        detail={
            "side": side,
            "carry_on": carry_on,
            "stage": introduction.stage,
            "for_them": voice.for_them,
        },
    )
    if not carry_on:
        notices.side_said_no(introduction, side)
    return introduction


@transaction.atomic
def arrangement_agree(
    *, actor, introduction: Introduction, shown_how: str = "", note: str = ""
) -> Introduction:
    """A side agrees to the arrangement: themselves, or the person's representative with how
    the person showed it. Never a worker for them."""
    voice = voice_for(actor, introduction, Move.AGREE, shown_how=shown_how, note=note)
    side = voice.side
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    agreed = policy.stage_after(Move.AGREE, introduction.stage)
    now = timezone.now()
    if side == Side.PERSON:
        introduction.person_agreed_at = introduction.person_agreed_at or now
    else:
        introduction.carer_agreed_at = introduction.carer_agreed_at or now
    said_for_record(actor=actor, voice=voice, introduction=introduction, what=SaidFor.What.AGREE)
    if introduction.person_agreed_at and introduction.carer_agreed_at:
        introduction.stage = agreed
    introduction.save()
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=introduction.person,
        about=introduction,
        detail={"side": side, "agreed": True, "for_them": voice.for_them},
    )
    if introduction.person_agreed_at and introduction.carer_agreed_at:
        notices.both_agreed(introduction)
    return introduction


# --- "not for me" -----------------------------------------------------------------------------


def _pair(referral: Referral, carer: Carer) -> Introduction:
    return Introduction(area=referral.area, referral=referral, person=referral.person, carer=carer)


@transaction.atomic
def not_for_me_say(
    *,
    actor,
    referral: Referral,
    carer: Carer,
    reason: str = "",
    side: str | None = None,
    shown_how: str = "",
    note: str = "",
) -> NotForMe:
    """A side says "not for me" to a suggestion: a person to a household, a household to a
    person. It leaves that side's suggestions and asks (and ends a request waiting for them)
    until that side shows it again."""
    pair = _pair(referral, carer)
    voice = voice_for(actor, pair, Move.DECLINE, side=side, shown_how=shown_how, note=note)
    person = referral.person
    carer = both_sides_lock(person, carer)
    if _standing_not_for_me(person, carer, voice.side):
        raise ValidationError("You have already said this is not for you.", code="dup")
    open_one = _open_introduction(referral, carer)
    if open_one is not None and open_one.stage != Stage.INTEREST:
        raise ValidationError(
            "You are already getting to know each other. To stop, use 'Stop this "
            "introduction' on the introduction's page.",
            code="in_progress",
        )
    now = timezone.now()
    said = NotForMe.objects.create(
        area=referral.area,
        person=person,
        carer=carer,
        side=voice.side,
        reason=visible_text(reason),
        said_at=now,
        said_by=actor.user,
        introduction=open_one,
    )
    said_for_record(
        actor=actor,
        voice=voice,
        introduction=None,
        person=person,
        carer=carer,
        what=SaidFor.What.NOT_FOR_ME,
    )
    if open_one is not None:  # a request waiting for this side's answer: answered no
        open_one.stage = policy.stage_after(Move.DECLINE, open_one.stage)
        open_one.closed_at, open_one.closed_by_side = now, voice.side
        open_one.closed_reason = said.reason
        open_one.save()
        notices.side_said_no(open_one, voice.side)
    audit_person(
        actor=actor,
        action=AuditAction.CREATE,
        person=person,
        about=said,
        detail={"side": voice.side, "said": "not_for_me", "for_them": voice.for_them},
    )
    return said


@transaction.atomic
def not_for_me_undo(*, actor, said: NotForMe) -> NotForMe:
    """ "Show it again": only the side that said "not for me" can undo it."""
    pair = Introduction(area=said.area, person=said.person, carer=said.carer)
    if side_for(actor, pair) != said.side:
        _refuse(actor, pair, "Only the side who said it was not for them can show it again.")
    if said.undone_at is None:
        said.undone_at, said.undone_by = timezone.now(), actor.user
        said.save(update_fields=["undone_at", "undone_by"])
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=said.person,
        about=said,
        detail={"side": said.side, "said": "show_it_again"},
    )
    return said

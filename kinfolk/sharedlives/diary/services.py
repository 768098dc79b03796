"""Writes for the diary: a date, time and place for each meeting of an introduction.

Either side (the person, someone they chose to act for them, the carer) or the person's scheme
worker proposes a meeting for the introduction's current meeting stage; each side says whether
the time suits them, or proposes another (the old one is kept as "moved"); anyone planning it
can cancel it with a reason, or say it happened. Planning a meeting never moves the stage: each
side still says for themselves whether to carry on (`introductions.services.stage_view_record`).
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import visible_text
from kinfolk.people.audit import audit_person

from ..models import MEETING_STAGES, Introduction, Meeting, MeetingStatus, Side, Stage
from ..rules import side_for
from . import notices

LONDON = ZoneInfo("Europe/London")

ONLY_THOSE_MEETING = (
    "Only the person (or someone they chose to act for them), the carer and the person's "
    "scheme worker can plan these meetings."
)
ONLY_THE_SIDES = (
    "Only the person (or someone they chose to act for them) and the carer can say this."
)


def london_moment(day: date, at: time) -> datetime:
    """A day and a clock time in England (Europe/London), as a moment."""
    return datetime.combine(day, at, tzinfo=LONDON)


def planner_side(actor, introduction: Introduction) -> str:
    """The side the actor plans for (person, carer or scheme); anyone else is refused, and the
    refusal is filed under the person."""
    require(
        actor,
        "sharedlives.plan_meeting",
        introduction,
        about=introduction.person,
        message=ONLY_THOSE_MEETING,
    )
    return side_for(actor, introduction)


def _when(*, day: date, starts: time, ends: time, last_day: date | None) -> tuple:
    now = timezone.now()
    today = timezone.localdate(now, LONDON)
    if day < today:
        raise ValidationError(
            {"day": "The date of the meeting must be today or in the future."}, code="past"
        )
    if last_day is not None and last_day < day:
        raise ValidationError(
            {"last_day": "The last day must be the same as the first day or after it."},
            code="order",
        )
    starts_at = london_moment(day, starts)
    ends_at = london_moment(last_day or day, ends)
    if starts_at <= now:
        raise ValidationError(
            {"starts": "That time has already passed. Enter a later time or another day."},
            code="past",
        )
    if ends_at <= starts_at:
        raise ValidationError(
            {"ends": "The meeting must end after it starts. For a stay over more than one "
                     "day, enter the last day."},
            code="order",
        )  # fmt: skip
    return starts_at, ends_at


def _place(place: str) -> str:
    place = visible_text(place)
    if not place:
        raise ValidationError({"place": "Enter where you will meet."}, code="place")
    return place[:200]


def _locked(introduction: Introduction) -> Introduction:
    return Introduction.objects.select_for_update().get(pk=introduction.pk)


def _suits(meeting: Meeting, side: str, now) -> None:
    if side == Side.PERSON:
        meeting.person_suits_at = meeting.person_suits_at or now
    elif side == Side.CARER:
        meeting.carer_suits_at = meeting.carer_suits_at or now
    if meeting.person_suits_at and meeting.carer_suits_at:
        meeting.status = MeetingStatus.ACCEPTED


def _audit(actor, meeting: Meeting, action: str, **detail) -> None:
    audit_person(
        actor=actor,
        action=action,
        person=meeting.introduction.person,
        about=meeting,
        detail={"stage": meeting.stage, "status": meeting.status, **detail},
    )


def _new_meeting(*, actor, introduction, side, stage, day, starts, ends, place, getting_there,
                 last_day, moved_from=None) -> Meeting:  # fmt: skip
    starts_at, ends_at = _when(day=day, starts=starts, ends=ends, last_day=last_day)
    meeting = Meeting(
        area=introduction.area,
        introduction=introduction,
        stage=stage,
        starts_at=starts_at,
        ends_at=ends_at,
        place=_place(place),
        getting_there=visible_text(getting_there),
        proposed_by=actor.user,
        proposed_by_side=side,
        moved_from=moved_from,
    )
    _suits(meeting, side, timezone.now())
    meeting.save()
    return meeting


@transaction.atomic
def meeting_propose(*, actor, introduction: Introduction, day: date, starts: time, ends: time,
                    place: str, getting_there: str = "",
                    last_day: date | None = None) -> Meeting:  # fmt: skip
    """Propose a date, time and place for the introduction's current meeting."""
    side = planner_side(actor, introduction)
    introduction = _locked(introduction)
    if introduction.stage not in MEETING_STAGES:
        raise ValidationError(
            "A meeting can be planned only while the two sides are getting to know each other.",
            code="stage",
        )
    stage = Stage(introduction.stage)
    live = Meeting.objects.in_area(introduction.area).filter(
        introduction=introduction, stage=stage, status__in=[MeetingStatus.PROPOSED,
                                                             MeetingStatus.ACCEPTED]
    )  # fmt: skip
    if live.exists():
        raise ValidationError(
            f"A {stage.label.lower()} is already planned. Change it or cancel it instead.",
            code="planned",
        )
    meeting = _new_meeting(
        actor=actor, introduction=introduction, side=side, stage=stage, day=day, starts=starts,
        ends=ends, place=place, getting_there=getting_there, last_day=last_day,
    )  # fmt: skip
    _audit(actor, meeting, AuditAction.CREATE, side=side)
    notices.meeting_proposed(meeting)
    return meeting


def _live(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().select_related("introduction").get(pk=meeting.pk)
    if not meeting.is_live or not meeting.introduction.is_open:
        raise ValidationError("This meeting is no longer planned.", code="not_live")
    return meeting


@transaction.atomic
def meeting_move(*, actor, meeting: Meeting, day: date, starts: time, ends: time, place: str,
                 getting_there: str = "", last_day: date | None = None) -> Meeting:  # fmt: skip
    """Propose another time or place instead: the old meeting is kept as moved, and the new one
    waits for the other side(s) to say it suits them."""
    side = planner_side(actor, meeting.introduction)
    introduction = _locked(meeting.introduction)
    meeting = _live(meeting)
    meeting.status = MeetingStatus.MOVED
    meeting.save(update_fields=["status", "updated_at"])
    moved = _new_meeting(
        actor=actor, introduction=introduction, side=side, stage=meeting.stage, day=day,
        starts=starts, ends=ends, place=place, getting_there=getting_there, last_day=last_day,
        moved_from=meeting,
    )  # fmt: skip
    _audit(actor, moved, AuditAction.UPDATE, side=side, moved_from=meeting.pk)
    notices.meeting_moved(moved)
    return moved


@transaction.atomic
def meeting_accept(*, actor, meeting: Meeting) -> Meeting:
    """A side says the proposed time and place suit them; when both have, it is agreed."""
    require(
        actor,
        "sharedlives.say_a_meeting_suits",
        meeting.introduction,
        about=meeting.introduction.person,
        message=ONLY_THE_SIDES,
    )
    side = side_for(actor, meeting.introduction)
    if side not in (Side.PERSON, Side.CARER):
        raise PermissionDenied(ONLY_THE_SIDES)
    meeting = _live(meeting)
    said = meeting.person_suits_at if side == Side.PERSON else meeting.carer_suits_at
    if said:
        raise ValidationError("You have already said this time suits you.", code="already")
    _suits(meeting, side, timezone.now())
    meeting.save(update_fields=["person_suits_at", "carer_suits_at", "status", "updated_at"])
    _audit(actor, meeting, AuditAction.UPDATE, side=side, suits=True)
    return meeting


@transaction.atomic
def meeting_cancel(*, actor, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a planned meeting, saying why (the introduction itself carries on)."""
    side = planner_side(actor, meeting.introduction)
    reason = visible_text(reason)
    if not reason:
        raise ValidationError({"reason": "Say why the meeting is cancelled."}, code="reason")
    meeting = _live(meeting)
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_by_side = side
    meeting.cancelled_reason = reason
    meeting.save(update_fields=["status", "cancelled_by_side", "cancelled_reason", "updated_at"])
    _audit(actor, meeting, AuditAction.UPDATE, side=side)
    notices.meeting_cancelled(meeting, by=actor.user)
    return meeting


@transaction.atomic
def meeting_held(*, actor, meeting: Meeting) -> Meeting:
    """Say that an agreed meeting happened (after its start). Each side then says how it went."""
    side = planner_side(actor, meeting.introduction)
    meeting = _live(meeting)
    if meeting.status != MeetingStatus.ACCEPTED:
        raise ValidationError(
            "Both sides need to have said the time suits them first.", code="not_agreed"
        )
    if meeting.starts_at > timezone.now():
        raise ValidationError("This meeting has not started yet.", code="future")
    meeting.status = MeetingStatus.HELD
    meeting.held_marked_by = actor.user
    meeting.save(update_fields=["status", "held_marked_by", "updated_at"])
    _audit(actor, meeting, AuditAction.UPDATE, side=side)
    return meeting

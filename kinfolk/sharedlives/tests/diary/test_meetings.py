"""Planning a meeting: suggested, moved, agreed, held; nothing moves the stage; bad dates are
refused and change nothing; one live meeting per introduction and stage."""

from datetime import UTC, date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinfolk.sharedlives.diary.services import (
    meeting_accept,
    meeting_cancel,
    meeting_held,
    meeting_move,
    meeting_propose,
)
from kinfolk.sharedlives.models import Meeting, MeetingStatus, Stage

from .conftest import LATER, NEXT_WEEK, when

pytestmark = pytest.mark.django_db


def _has_started(meeting):
    """The meeting's time comes (the row moved into the past, as the clock would)."""
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )


def test_suggested_by_the_worker_moved_by_the_carer_agreed_by_the_person_then_held(
    scheme, introduction
):
    first = meeting_propose(actor=scheme.worker, introduction=introduction, **when())
    assert first.proposed_by_side == "scheme" and first.person_suits_at is None
    moved = meeting_move(actor=scheme.carer_actor, meeting=first, **when(LATER, place="Our home"))
    first.refresh_from_db()
    assert first.status == MeetingStatus.MOVED and moved.moved_from == first
    assert moved.carer_suits_at and moved.status == MeetingStatus.PROPOSED
    agreed = meeting_accept(actor=scheme.you, meeting=moved)
    assert agreed.status == MeetingStatus.ACCEPTED
    _has_started(agreed)
    held = meeting_held(actor=scheme.carer_actor, meeting=agreed)
    assert held.status == MeetingStatus.HELD and held.held_marked_by == scheme.carer_actor.user
    introduction.refresh_from_db()
    assert introduction.stage == Stage.INTRODUCTION  # each side still says whether to carry on
    assert list(Meeting.objects.values_list("status", flat=True).order_by("pk")) == [
        "moved",
        "held",
    ]


def test_a_side_that_suggests_a_time_has_said_it_suits_them(scheme, introduction):
    meeting = meeting_propose(actor=scheme.you, introduction=introduction, **when())
    assert meeting.person_suits_at and meeting.carer_suits_at is None
    with pytest.raises(ValidationError, match="already said"):
        meeting_accept(actor=scheme.representative, meeting=meeting)


def test_a_trial_stay_can_end_on_a_later_day(scheme, introduction):
    introduction.stage = Stage.TRIAL_STAY
    introduction.save()
    stay = meeting_propose(
        actor=scheme.worker, introduction=introduction,
        **when(starts=time(17, 0), ends=time(11, 0), last_day=NEXT_WEEK + timedelta(days=2)),
    )  # fmt: skip
    assert (stay.ends_at - stay.starts_at) == timedelta(days=1, hours=18)
    assert stay.stage == Stage.TRIAL_STAY


def test_times_are_in_england(scheme, introduction):
    summer = date(date.today().year + 1, 7, 1)
    meeting = meeting_propose(actor=scheme.worker, introduction=introduction, **when(summer))
    assert meeting.starts_at.astimezone(UTC).hour == 13  # 2pm in British Summer Time


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"day": date.today() - timedelta(days=1)}, "day", "today or in the future"),
        ({"day": date.today(), "starts": time(0, 0), "ends": time(0, 30)}, "starts",
         "already passed"),
        ({"starts": time(16, 0), "ends": time(14, 0)}, "ends", "end after it starts"),
        ({"last_day": NEXT_WEEK - timedelta(days=1)}, "last_day", "last day"),
        ({"place": "   "}, "place", "where you will meet"),
    ],
)  # fmt: skip
def test_bad_dates_and_places_are_refused_and_change_nothing(scheme, introduction, changes,
                                                              field, message):  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        meeting_propose(actor=scheme.worker, introduction=introduction, **when(**changes))
    assert message in refused.value.message_dict[field][0]
    assert not Meeting.objects.exists()


def test_moving_to_a_past_date_leaves_the_meeting_as_it_was(scheme, introduction):
    meeting = meeting_propose(actor=scheme.worker, introduction=introduction, **when())
    with pytest.raises(ValidationError):
        meeting_move(actor=scheme.carer_actor, meeting=meeting,
                     **when(date.today() - timedelta(days=3)))  # fmt: skip
    assert list(Meeting.objects.values_list("status", flat=True)) == ["proposed"]


def test_one_live_meeting_per_stage_by_the_service_and_by_the_database(scheme, introduction):
    meeting = meeting_propose(actor=scheme.worker, introduction=introduction, **when())
    with pytest.raises(ValidationError, match="already planned"):
        meeting_propose(actor=scheme.you, introduction=introduction, **when(LATER))
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            area=meeting.area, introduction=introduction, stage=meeting.stage,
            starts_at=meeting.starts_at, ends_at=meeting.ends_at, place="Elsewhere",
            proposed_by=scheme.you.user, proposed_by_side="person",
        )  # fmt: skip


def test_a_cancelled_meeting_needs_a_reason_and_frees_the_stage(scheme, introduction):
    meeting = meeting_propose(actor=scheme.worker, introduction=introduction, **when())
    with pytest.raises(ValidationError) as refused:
        meeting_cancel(actor=scheme.carer_actor, meeting=meeting, reason="  ")
    assert "Say why" in refused.value.message_dict["reason"][0]
    cancelled = meeting_cancel(actor=scheme.carer_actor, meeting=meeting, reason="Car broke down")
    assert cancelled.status == MeetingStatus.CANCELLED and cancelled.cancelled_by_side == "carer"
    again = meeting_propose(actor=scheme.carer_actor, introduction=introduction, **when(LATER))
    assert again.status == MeetingStatus.PROPOSED
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(cancelled_reason="")


def test_no_meeting_once_the_introduction_is_past_its_meetings(scheme, introduction):
    introduction.stage = Stage.CLOSED
    introduction.save()
    with pytest.raises(ValidationError, match="getting to know each other"):
        meeting_propose(actor=scheme.worker, introduction=introduction, **when())


def test_the_database_refuses_a_meeting_for_a_stage_that_is_not_a_meeting(scheme, introduction):
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            area=introduction.area, introduction=introduction, stage=Stage.AGREEING,
            starts_at=timezone.now(), ends_at=timezone.now() + timedelta(hours=1),
            place="Here", proposed_by=scheme.you.user, proposed_by_side="person",
        )  # fmt: skip

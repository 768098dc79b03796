"""Who may plan an introduction's meetings: the two sides (the person, whoever acts for them,
the carer) and the person's scheme worker. Nobody else; another area's meeting is not found."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kinfolk.accounts.models import Role
from kinfolk.sharedlives.diary import selectors
from kinfolk.sharedlives.diary.services import (
    meeting_accept,
    meeting_cancel,
    meeting_held,
    meeting_move,
    meeting_propose,
)
from kinfolk.sharedlives.models import Meeting, MeetingStatus

from .conftest import LATER, when

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["you", "representative", "carer_actor", "worker"])
def test_either_side_or_the_persons_worker_can_suggest_a_meeting(scheme, introduction, who):
    meeting = meeting_propose(actor=getattr(scheme, who), introduction=introduction, **when())
    assert meeting.status == MeetingStatus.PROPOSED and meeting.place == "Café at the library"


@pytest.mark.parametrize("who", ["other_carer_actor", "other_worker"])
def test_another_household_or_an_unallocated_worker_is_refused(scheme, introduction, who):
    with pytest.raises(PermissionDenied):
        meeting_propose(actor=getattr(scheme, who), introduction=introduction, **when())
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("who", ["other_carer_actor", "other_worker"])
def test_outsiders_cannot_move_cancel_or_read_a_meeting(scheme, introduction, who):
    meeting = meeting_propose(actor=scheme.worker, introduction=introduction, **when())
    outsider = getattr(scheme, who)
    with pytest.raises(PermissionDenied):
        meeting_move(actor=outsider, meeting=meeting, **when(LATER))
    with pytest.raises(PermissionDenied):
        meeting_cancel(actor=outsider, meeting=meeting, reason="No")
    with pytest.raises(PermissionDenied):
        selectors.meeting_get(actor=outsider, meeting_id=meeting.pk)
    assert selectors.meetings_for_introduction(actor=outsider, introduction=introduction) == []
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PROPOSED


def test_the_worker_cannot_say_a_time_suits_either_side(scheme, introduction):
    meeting = meeting_propose(actor=scheme.carer_actor, introduction=introduction, **when())
    with pytest.raises(PermissionDenied):
        meeting_accept(actor=scheme.worker, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.person_suits_at is None and meeting.status == MeetingStatus.PROPOSED


def test_someone_acting_for_the_person_can_say_it_suits_them(scheme, introduction):
    meeting = meeting_propose(actor=scheme.carer_actor, introduction=introduction, **when())
    accepted = meeting_accept(actor=scheme.representative, meeting=meeting)
    assert accepted.status == MeetingStatus.ACCEPTED


def test_a_meeting_in_another_area_is_not_found(scheme, introduction, other_area, make_member,
                                                actor_for):  # fmt: skip
    meeting = meeting_propose(actor=scheme.worker, introduction=introduction, **when())
    elsewhere = actor_for(make_member(Role.SCHEME_WORKER, other_area))
    with pytest.raises(Http404):
        selectors.meeting_get(actor=elsewhere, meeting_id=meeting.pk)


def test_only_an_agreed_meeting_that_has_started_can_be_marked_held(scheme, introduction):
    meeting = meeting_propose(actor=scheme.worker, introduction=introduction, **when())
    with pytest.raises(ValidationError, match="Both sides"):
        meeting_held(actor=scheme.worker, meeting=meeting)
    meeting_accept(actor=scheme.you, meeting=meeting)
    meeting_accept(actor=scheme.carer_actor, meeting=meeting)
    with pytest.raises(ValidationError, match="not started yet"):
        meeting_held(actor=scheme.worker, meeting=meeting)
    with pytest.raises(PermissionDenied):
        meeting_held(actor=scheme.other_carer_actor, meeting=meeting)

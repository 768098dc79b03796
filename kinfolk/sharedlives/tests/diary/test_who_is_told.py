"""Who is told about a meeting: the other side(s) and the person's worker, never the one who
suggested it, nobody else; email and text carry no names; "tomorrow" once per meeting."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kinfolk.notifications.events import event
from kinfolk.notifications.models import Notification
from kinfolk.sharedlives.diary import notices
from kinfolk.sharedlives.diary.services import (
    london_moment,
    meeting_accept,
    meeting_cancel,
    meeting_move,
    meeting_propose,
)
from kinfolk.sharedlives.models import Meeting

from .conftest import LATER, when

pytestmark = pytest.mark.django_db


def _told(actor, code):
    return list(
        Notification.objects.filter(recipient=actor.user, event=code).values_list("text", flat=True)
    )


def test_a_suggestion_from_the_carer_tells_sam_whoever_acts_for_him_and_his_worker(
    scheme, introduction
):
    s = scheme
    meeting_propose(actor=s.carer_actor, introduction=introduction, **when())
    for told in (s.you, s.representative, s.worker):
        [text] = _told(told, notices.PROPOSED)
        assert text.startswith("Introduction meeting proposed for ")
        assert "Café at the library" in text
    for not_told in (s.carer_actor, s.other_carer_actor, s.other_worker):
        assert _told(not_told, notices.PROPOSED) == []


def test_a_suggestion_from_the_worker_tells_both_sides_and_not_the_worker(scheme, introduction):
    s = scheme
    meeting_propose(actor=s.worker, introduction=introduction, **when())
    assert len(_told(s.you, notices.PROPOSED)) == 1
    assert len(_told(s.carer_actor, notices.PROPOSED)) == 1
    assert _told(s.worker, notices.PROPOSED) == []


def test_a_move_tells_the_others_that_it_moved(scheme, introduction):
    s = scheme
    meeting = meeting_propose(actor=s.worker, introduction=introduction, **when())
    meeting_move(actor=s.carer_actor, meeting=meeting, **when(LATER, place="Our home"))
    for told in (s.you, s.representative, s.worker):
        [text] = _told(told, notices.MOVED)
        assert text.startswith("Introduction meeting moved to ") and "Our home" in text
    assert _told(s.carer_actor, notices.MOVED) == []
    assert _told(s.other_carer_actor, notices.MOVED) == []


def test_a_cancellation_tells_the_others_why_and_not_whoever_cancelled(scheme, introduction):
    s = scheme
    meeting = meeting_propose(actor=s.worker, introduction=introduction, **when())
    meeting_cancel(actor=s.carer_actor, meeting=meeting, reason="Our car has broken down")
    for told in (s.you, s.representative, s.worker):
        [text] = _told(told, notices.CANCELLED)
        assert text.startswith("Introduction meeting on ")
        assert text.endswith("is cancelled: Our car has broken down")
    assert _told(s.carer_actor, notices.CANCELLED) == []
    assert _told(s.other_worker, notices.CANCELLED) == []


def test_email_and_text_say_nothing_about_who_or_where(scheme, introduction):
    for code in (notices.PROPOSED, notices.MOVED, notices.TOMORROW):
        registered = event(code)
        for message in (registered.message, registered.easy_read):
            assert "Sign in" in message
            for detail in ("Sam", "Hughes", "Café", "library"):
                assert detail not in message


def _agreed_for_tomorrow(s, introduction):
    meeting = meeting_propose(actor=s.carer_actor, introduction=introduction, **when())
    meeting = meeting_accept(actor=s.you, meeting=meeting)
    tomorrow = timezone.localdate() + timedelta(days=1)
    starts = london_moment(
        tomorrow, meeting.starts_at.astimezone(timezone.get_current_timezone()).time()
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    return meeting


def test_everyone_taking_part_is_reminded_the_day_before_once(scheme, introduction):
    s = scheme
    _agreed_for_tomorrow(s, introduction)
    today = timezone.localdate()
    assert notices.remind_tomorrow(today) == "told:4"  # Sam, his representative, carer, worker
    assert notices.remind_tomorrow(today) == "told:0"  # the job ran twice: nobody told twice
    for told in (s.you, s.representative, s.carer_actor, s.worker):
        [text] = _told(told, notices.TOMORROW)
        assert text.startswith("Introduction meeting tomorrow: ")
    for not_told in (s.other_carer_actor, s.other_worker):
        assert _told(not_told, notices.TOMORROW) == []


def test_no_reminder_on_other_days_or_for_a_meeting_nobody_agreed(scheme, introduction):
    s = scheme
    _agreed_for_tomorrow(s, introduction)
    assert notices.remind_tomorrow(timezone.localdate() - timedelta(days=1)) == "told:0"
    Meeting.objects.update(status="proposed", person_suits_at=None)
    assert notices.remind_tomorrow(timezone.localdate()) == "told:0"


def test_the_reminder_is_a_daily_job_that_the_worker_runs():
    from kinfolk.notifications.schedules import DAILY, jobs

    [job] = [j for j in jobs() if j.code == "sharedlives.meetings_tomorrow"]
    assert job.every == DAILY and job.reminds and job.run is notices.remind_tomorrow

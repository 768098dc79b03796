"""What the diary says, without the database: times in England, who it waits for, what the
reader can do, and the home page's card."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from kinfolk.sharedlives.diary.presenters import DiaryPresenter, MeetingLine, coming_up
from kinfolk.sharedlives.diary.wording import clock, meeting_times

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def _introduction(stage="tea_visit"):
    return SimpleNamespace(
        pk=7, stage=stage, is_open=True, person=SimpleNamespace(called="Sam"),
        carer=SimpleNamespace(name="The Khan household"),
    )  # fmt: skip


def _meeting(**changes):
    fields = dict(
        pk=3, stage="tea_visit", status="proposed", introduction=_introduction(),
        starts_at=datetime(2027, 7, 6, 13, 0, tzinfo=UTC),
        ends_at=datetime(2027, 7, 6, 15, 30, tzinfo=UTC),
        place="Café at the library", getting_there="", proposed_by_id=1,
        proposed_by_side="scheme", person_suits_at=None, carer_suits_at=NOW,
        cancelled_by_side="", cancelled_reason="",
    )  # fmt: skip
    fields.update(changes)
    meeting = SimpleNamespace(**fields)
    meeting.is_live = meeting.status in ("proposed", "accepted")
    return meeting


def test_times_read_in_england_across_the_clocks_changing():
    assert meeting_times(_meeting()) == "Tuesday 6 July 2027, 2pm to 4:30pm"
    winter = _meeting(starts_at=datetime(2027, 1, 5, 12, 0, tzinfo=UTC),
                      ends_at=datetime(2027, 1, 7, 10, 0, tzinfo=UTC))  # fmt: skip
    assert (
        meeting_times(winter) == "Tuesday 5 January 2027, 12 noon, to Thursday 7 January 2027, 10am"
    )
    assert clock(datetime(2027, 1, 5, 0, 15, tzinfo=UTC)) == "12:15am"


def test_it_says_who_suggested_it_and_who_it_waits_for():
    line = MeetingLine(_meeting(), "carer", 2, NOW)
    assert line.proposed_by == "Suggested by the scheme worker"
    assert line.waiting_for == ["Waiting for Sam to say whether this time suits them"]
    assert not line.can_say_it_suits and line.can_change
    sams = MeetingLine(_meeting(), "person", 5, NOW)
    assert sams.waiting_for == ["Waiting for you to say whether this time suits you"]
    assert sams.can_say_it_suits
    own = MeetingLine(_meeting(proposed_by_side="person", proposed_by_id=5), "person", 5, NOW)
    assert own.proposed_by == "Suggested by you"


def test_after_its_time_an_agreed_meeting_asks_whether_it_happened():
    passed = _meeting(
        status="accepted",
        person_suits_at=NOW,
        starts_at=NOW - timedelta(hours=3),
        ends_at=NOW - timedelta(hours=1),
    )
    line = MeetingLine(passed, "scheme", 9, NOW)
    assert line.status == "Has it happened?" and line.can_say_it_happened
    assert not line.can_change
    held = MeetingLine(_meeting(status="held"), "carer", 2, NOW)
    assert held.asks_how_it_went and held.status == "It happened" and not held.is_live


def test_someone_who_only_reads_the_introduction_cannot_act_on_its_meetings():
    line = MeetingLine(_meeting(), None, 11, NOW)
    assert not (line.can_say_it_suits or line.can_change or line.asks_how_it_went)
    assert not DiaryPresenter(_introduction(), None, 11, NOW, []).can_propose


def test_a_new_meeting_can_be_suggested_only_when_none_is_planned_for_the_stage():
    diary = DiaryPresenter(_introduction(), "carer", 2, NOW, [])
    assert (
        diary.can_propose and "Sam, The Khan household or the scheme worker" in diary.who_does_what
    )
    assert not DiaryPresenter(_introduction(), "carer", 2, NOW, [_meeting()]).can_propose
    moved = _meeting(status="moved")
    assert DiaryPresenter(_introduction(), "carer", 2, NOW, [moved]).can_propose
    assert not DiaryPresenter(_introduction("agreeing"), "carer", 2, NOW, []).can_propose


def test_the_home_card_names_the_other_side_by_first_name_or_household():
    card = coming_up(_meeting(), reader_side="carer")
    assert card.heading == "Tea visit: Tuesday 6 July 2027, 2pm to 4:30pm"
    assert card.description == "With Sam, at Café at the library. Not agreed by both sides yet."
    assert coming_up(_meeting(status="accepted"), reader_side="person").description == (
        "With The Khan household, at Café at the library."
    )

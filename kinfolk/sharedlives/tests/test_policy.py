"""Shared Lives policy without the database: home first, the stage machine, limits, what holds a
household back, review dates and payment arithmetic. Plain objects stand in for records."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from kinfolk.sharedlives import policy
from kinfolk.sharedlives.models import CarerStatus, ReviewKind, Side, Stage
from kinfolk.sharedlives.policy import Move
from kinfolk.sharedlives.rules import REPRESENTATIVE, SCHEME, THEMSELVES
from kinfolk.sharedlives.scheme import SchemeSettings


def referral(**changes):
    fields = dict(
        person=SimpleNamespace(called="Sam"),
        source="worker",
        has_own_home=False,
        family_able_to_support=False,
        persons_choice="",
        latitude=53.7,
        arrangement_types=["long_term"],
        status="looking",
    )
    return SimpleNamespace(**{**fields, **changes})


# --- home first -----------------------------------------------------------------------------


def test_nothing_to_settle_for_someone_without_a_home_and_family_to_go_to():
    assert policy.home_first_question(referral()) is None
    policy.ready_to_match(referral())


def test_the_home_question_must_be_answered_first():
    assert "Record whether Sam has their own home" in policy.home_first_question(
        referral(has_own_home=None)
    )


def test_with_a_home_and_family_the_persons_own_choice_comes_first():
    waiting = referral(has_own_home=True, family_able_to_support=True)
    assert "record Sam's own choice" in policy.home_first_question(waiting)
    with pytest.raises(policy.HomeFirst):
        policy.ready_to_match(waiting)
    waiting.persons_choice = "I want to live with a family"
    assert policy.home_first_question(waiting) is None


def test_a_hospital_discharge_always_waits_for_the_persons_choice():
    assert "hospital discharge" in policy.home_first_question(referral(source="hospital_discharge"))


def test_no_matching_before_the_assessment_or_after_the_referral_closed():
    with pytest.raises(ValidationError, match="assessment"):
        policy.ready_to_match(referral(latitude=None))
    with pytest.raises(ValidationError, match="no longer looking"):
        policy.ready_to_match(referral(status="closed"))


# --- the stage machine ----------------------------------------------------------------------


def test_every_move_in_the_machine():
    moves = {(t.move, t.stage): (t.to, t.who) for t in policy.STAGE_MACHINE}
    sides = {Side.PERSON, Side.CARER}
    assert moves.pop((Move.SAY_YES, Stage.INTEREST)) == (Stage.INTRODUCTION, sides)
    assert moves.pop((Move.GIVE_VIEW, Stage.INTRODUCTION)) == (Stage.TEA_VISIT, sides)
    assert moves.pop((Move.GIVE_VIEW, Stage.TEA_VISIT)) == (Stage.TRIAL_STAY, sides)
    assert moves.pop((Move.GIVE_VIEW, Stage.TRIAL_STAY)) == (Stage.AGREEING, sides)
    for meeting in (Stage.INTRODUCTION, Stage.TEA_VISIT, Stage.TRIAL_STAY):
        assert moves.pop((Move.STOP_AFTER_MEETING, meeting)) == (Stage.CLOSED, sides)
    for stage in (
        Stage.INTEREST,
        Stage.INTRODUCTION,
        Stage.TEA_VISIT,
        Stage.TRIAL_STAY,
        Stage.AGREEING,
        Stage.AGREED,
    ):
        assert moves.pop((Move.DECLINE, stage)) == (Stage.CLOSED, sides)
    assert moves.pop((Move.AGREE, Stage.AGREEING)) == (Stage.AGREED, sides)
    assert moves.pop((Move.START_ARRANGEMENT, Stage.AGREED)) == (Stage.ARRANGED, {SCHEME})
    assert moves == {}, "a move nobody has described"


def test_only_the_sides_decide_and_only_the_worker_starts_an_arrangement():
    for transition in policy.STAGE_MACHINE:
        if transition.move != Move.START_ARRANGEMENT:
            assert SCHEME not in transition.who
        if transition.move == Move.START_ARRANGEMENT:
            assert transition.who == {SCHEME}
    assert Side.PERSON in policy.who_may(Move.AGREE, Stage.AGREEING)
    assert SCHEME not in policy.who_may(Move.AGREE, Stage.AGREEING)
    assert None not in policy.who_may(Move.AGREE, Stage.AGREEING)


def test_nothing_moves_a_closed_or_arranged_introduction():
    for stage in (Stage.CLOSED, Stage.ARRANGED):
        assert not any(t.stage == stage for t in policy.STAGE_MACHINE)
        with pytest.raises(ValidationError, match="already finished"):
            policy.stage_after(Move.DECLINE, stage)


@pytest.mark.parametrize(
    ("move", "stage", "says"),
    [
        (Move.GIVE_VIEW, Stage.AGREEING, "no meeting"),
        (Move.AGREE, Stage.TEA_VISIT, "after the meetings"),
        (Move.START_ARRANGEMENT, Stage.AGREEING, "Both the person and the carer must agree"),
    ],
)
def test_a_move_out_of_turn_says_what_comes_first(move, stage, says):
    assert not policy.can_move(move, stage)
    with pytest.raises(ValidationError, match=says):
        policy.stage_after(move, stage)


# --- limits and held-back households --------------------------------------------------------


def test_limits_on_introductions_in_progress():
    settings = SchemeSettings(introductions_per_carer=2, introductions_per_person=3)
    ok = dict(carer_name="The Hughes household", person_called="Sam", settings=settings)
    policy.check_introduction_limits(carer_count=1, person_count=2, **ok)
    with pytest.raises(ValidationError, match="The Hughes household already has 2") as carer:
        policy.check_introduction_limits(carer_count=2, person_count=0, **ok)
    assert carer.value.code == "carer_limit"
    with pytest.raises(ValidationError, match="Sam already has 3") as person:
        policy.check_introduction_limits(carer_count=0, person_count=3, **ok)
    assert person.value.code == "person_limit"


def training(course, completed_on, expires_on):
    return SimpleNamespace(course=course, completed_on=completed_on, expires_on=expires_on)


def test_training_is_current_due_soon_expired_or_missing():
    today = date(2026, 6, 1)
    records = [
        training("first_aid", date(2024, 1, 1), date(2026, 5, 31)),
        training("first_aid", date(2023, 1, 1), date(2025, 5, 31)),
        training("safeguarding", date(2025, 6, 1), date(2026, 7, 1)),
        training("medication", date(2025, 6, 1), date(2027, 6, 1)),
    ]
    states = {t.course: t.state for t in policy.training_status(records, today)}
    assert states["first_aid"] == "expired"
    assert states["safeguarding"] == "due soon"
    assert states["medication"] == "current"
    assert states["equality"] == "missing"


def test_a_household_is_held_back_by_approval_flags_and_its_limit():
    approved = SimpleNamespace(status=CarerStatus.APPROVED)
    assert policy.held_back_reasons(approved, [], in_progress=1, limit=2) == ()
    assert "Already has 2" in policy.held_back_reasons(approved, [], 2, 2)[0]
    assert policy.held_back_reasons(approved, [], 5, None) == ()  # limit left out
    assert policy.held_back_reasons(approved, ["First aid training has expired"], 0, 2) == (
        "First aid training has expired",
    )
    applying = SimpleNamespace(status="applying", get_status_display=lambda: "Applying")
    assert policy.held_back_reasons(applying, [], 0, 2) == ("Not approved (applying)",)


def test_panel_terms():
    terms = dict(approved_types=["long_term"], approved_needs=["autism"], places=2)
    assert policy.approval_terms_problem(places_in_use=0, **terms) is None
    assert policy.approval_terms_problem(places_in_use=3, **terms).code == "places"
    assert policy.approval_terms_problem(
        approved_types=[], approved_needs=[], places=1, places_in_use=0
    ).code == ("types")
    assert (
        "1 to 3"
        in policy.approval_terms_problem(
            approved_types=["long_term"], approved_needs=[], places=4, places_in_use=0
        ).messages[0]
    )


def test_an_approval_covers_the_kind_and_every_need():
    carer = SimpleNamespace(approved_types=["long_term"], approved_needs=["autism"])
    assert policy.approval_covers(carer, "long_term", ["autism"])
    assert not policy.approval_covers(carer, "long_term", ["autism", "dementia"])
    assert not policy.approval_covers(carer, "short_breaks", [])


# --- reviews and payments -------------------------------------------------------------------


def test_reviews_at_four_weeks_monthly_for_six_months_then_a_year_on():
    due = policy.review_dates(date(2026, 1, 31))
    assert due[0] == (ReviewKind.FOUR_WEEK, date(2026, 2, 28))
    assert [d for k, d in due if k == ReviewKind.MONTHLY_VISIT] == [
        date(2026, 3, 31),
        date(2026, 4, 30),
        date(2026, 5, 31),
        date(2026, 6, 30),
        date(2026, 7, 31),
    ]
    assert due[-1] == (ReviewKind.ANNUAL, date(2027, 1, 31))
    assert policy.asked_for_review_due(date(2026, 1, 1)) == date(2026, 1, 15)


def test_a_review_is_done_overdue_or_due():
    today = date(2026, 3, 1)
    assert policy.review_state(SimpleNamespace(done_on=today, due_on=today), today) == "done"
    assert policy.review_state(SimpleNamespace(done_on=None, due_on=date(2026, 2, 1)), today) == (
        "overdue"
    )
    assert policy.review_state(SimpleNamespace(done_on=None, due_on=today), today) == "due"


def arrangement(kind, starts_on, ended_on=None, band=1, sessions=0):
    return SimpleNamespace(
        arrangement_type=kind,
        band=band,
        starts_on=starts_on,
        ended_on=ended_on,
        nights_or_sessions_per_month=sessions,
    )


BANDS = {"long_term": {1: 45_000}, "home_from_hospital": {1: 9_000}, "day_support": {1: 4_500}}


def test_payments_for_a_month():
    first, last = policy.month_bounds(date(2026, 2, 14))
    assert (first, last) == (date(2026, 2, 1), date(2026, 2, 28))
    living = policy.payment_line(arrangement("long_term", date(2026, 1, 1)), BANDS, first, last)
    assert living.quantity == 4 and living.amount_pence == 180_000 and living.per == "week"
    assert living.amount == "£1,800.00" and living.rate == "£450.00 a week"
    hospital = arrangement("home_from_hospital", date(2026, 2, 20), ended_on=date(2026, 2, 24))
    assert policy.payment_line(hospital, BANDS, first, last).quantity == 5
    days = policy.payment_line(arrangement("day_support", first, sessions=8), BANDS, first, last)
    assert days.amount_pence == 36_000
    assert policy.payment_line(arrangement("day_support", first), BANDS, first, last) is None


def test_a_month_is_read_from_its_year_and_number():
    assert policy.month_from("2026-11") == date(2026, 11, 1)
    assert policy.month_from("not a month") == date.today().replace(day=1)
    assert policy.days_active(date(2026, 1, 20), None, date(2026, 2, 1), date(2026, 2, 28)) == 28
    assert policy.days_active(date(2026, 3, 1), None, date(2026, 2, 1), date(2026, 2, 28)) == 0


def test_who_makes_a_move_from_any_stage():
    assert policy.who_makes(Move.GIVE_VIEW) == {Side.PERSON, Side.CARER}
    assert policy.who_makes(Move.DECLINE) == {Side.PERSON, Side.CARER}
    assert policy.who_may(Move.AGREE, Stage.INTEREST) == frozenset()


# --- a side's own voice (ADR 0027) ----------------------------------------------------------


def test_every_yes_or_no_may_be_recorded_for_a_side_but_the_agreement_never_by_a_worker():
    for move in (Move.SAY_YES, Move.GIVE_VIEW, Move.STOP_AFTER_MEETING, Move.DECLINE):
        assert policy.who_records_for(move) == {REPRESENTATIVE, SCHEME}
    assert policy.who_records_for(Move.AGREE) == {REPRESENTATIVE}
    assert policy.who_records_for(Move.START_ARRANGEMENT) == frozenset()


def test_recording_for_someone_needs_how_they_showed_it():
    assert policy.voice_problem(Move.SAY_YES, speaker=THEMSELVES, shown_how="", name="Sam") is None
    for speaker in (REPRESENTATIVE, SCHEME):
        said = policy.voice_problem(Move.SAY_YES, speaker=speaker, shown_how="", name="Sam")
        assert said.startswith("Say how Sam showed it")
        assert (
            policy.voice_problem(Move.SAY_YES, speaker=speaker, shown_how="signs", name="Sam")
            is None
        )
    refused = policy.voice_problem(Move.AGREE, speaker=SCHEME, shown_how="words", name="Sam")
    assert "A worker cannot agree for them" in refused
    assert (
        policy.voice_problem(Move.AGREE, speaker=REPRESENTATIVE, shown_how="aid", name="Sam")
        is None
    )


def test_a_household_may_ask_again_six_months_after_a_no():
    assert policy.may_ask_again_on(date(2026, 3, 31)) == date(2026, 9, 30)

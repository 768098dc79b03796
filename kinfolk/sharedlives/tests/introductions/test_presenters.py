"""The introduction pages present what they are given, for the side the reader speaks for,
without the database."""

from datetime import datetime
from types import SimpleNamespace

from kinfolk.sharedlives.introductions.presenters import (
    IntroductionPresenter,
    carer_requests_page,
    introduction_card,
    matches_page,
    said_for_line,
)
from kinfolk.sharedlives.introductions.selectors import CarerRequests, Matches
from kinfolk.sharedlives.models import Side, Stage
from kinfolk.sharedlives.rules import REPRESENTATIVE, SCHEME, THEMSELVES

NOW = datetime(2026, 3, 2, 10, 0)


def introduction(stage=Stage.INTEREST, **said):
    fields = dict(
        stage=stage,
        person=SimpleNamespace(called="Sam"),
        carer=SimpleNamespace(name="The Hughes household"),
        carer_id=7,
        referral_id=3,
        person_yes_at=None,
        carer_yes_at=None,
        person_agreed_at=None,
        carer_agreed_at=None,
        closed_by_side="",
        closed_at=None,
    )
    fields.update(said)
    fields["is_open"] = fields["stage"] not in (Stage.CLOSED, Stage.ARRANGED)
    return SimpleNamespace(**fields)


def test_each_side_sees_what_it_can_do_and_the_worker_what_they_organise():
    waiting = introduction(carer_yes_at=NOW)
    assert IntroductionPresenter(waiting, side=Side.PERSON).can_say_yes
    assert not IntroductionPresenter(waiting, side=Side.CARER).can_say_yes
    assert IntroductionPresenter(waiting, side=Side.CARER).can_decline
    worker = IntroductionPresenter(waiting, side=SCHEME, speaker=SCHEME)
    assert worker.is_worker and worker.own_side is None and not worker.can_say_yes
    # The worker records a no or a yes only FOR a side, with how they showed it (ADR 0027).
    assert worker.can_decline and worker.can_record_yes_for_someone
    assert worker.records_for_someone and not worker.speaks_for_itself
    onlooker = IntroductionPresenter(waiting, side=None)
    assert not (onlooker.can_say_yes or onlooker.can_decline or onlooker.can_record_view)


def test_the_worker_records_views_and_starts_the_arrangement_but_never_agrees():
    meeting = IntroductionPresenter(introduction(Stage.TEA_VISIT), side=SCHEME)
    assert meeting.can_record_view
    agreeing = IntroductionPresenter(introduction(Stage.AGREEING), side=SCHEME)
    assert not agreeing.can_agree
    assert IntroductionPresenter(introduction(Stage.AGREEING), side=Side.CARER).can_agree
    assert IntroductionPresenter(introduction(Stage.AGREED), side=SCHEME).can_start_arrangement


def test_the_steps_show_where_it_is_and_what_each_side_said():
    view = SimpleNamespace(stage=Stage.INTRODUCTION, side=Side.PERSON, view="Lovely")
    page = IntroductionPresenter(introduction(Stage.TEA_VISIT), side=Side.PERSON, views=[view])
    steps = page.steps
    assert [s["state"] for s in steps[:3]] == ["done", "now", "to come"]
    assert steps[0]["person_view"] is view and steps[0]["carer_view"] is None
    assert page.title == "Sam and The Hughes household"
    assert page.yes_status == [
        "Sam: has not said yet",
        "The Hughes household: has not said yet",
    ]


def test_a_closed_introduction_says_who_stopped_and_that_nothing_counts_against_them():
    closed = introduction(Stage.CLOSED, closed_by_side=Side.CARER, closed_at=NOW)
    assert IntroductionPresenter(closed).closed_text == (
        "The Hughes household decided not to carry on on 2 March 2026. "
        "Nothing counts against anyone for saying no."
    )


def test_a_card_says_when_the_other_side_waits_for_our_yes():
    asked_by_carer = introduction(carer_yes_at=NOW)
    assert introduction_card(asked_by_carer, for_carer=False)["waiting_for_us"]
    assert not introduction_card(asked_by_carer, for_carer=True)["waiting_for_us"]


def test_my_matches_explains_why_nothing_is_shown_yet():
    person = SimpleNamespace(called="Sam")
    assert "not looking" in matches_page(Matches(person, None, [], [], None), own=True).problem
    referral = SimpleNamespace(pk=3)
    said_yes = introduction(person_yes_at=NOW)
    page = matches_page(Matches(person, referral, [], [said_yes], None), own=False)
    assert "still finding out" in page.problem and page.open_carers == {7}
    assert not page.own


def test_a_carer_sees_who_asks_them_apart_from_introductions_under_way():
    asking = introduction(person_yes_at=NOW)
    meeting = introduction(Stage.TEA_VISIT, person_yes_at=NOW, carer_yes_at=NOW)
    ended = introduction(Stage.CLOSED)
    carer = SimpleNamespace(name="The Hughes household")
    page = carer_requests_page(CarerRequests(carer, [asking, meeting, ended], [], [], []))
    assert page.asking_us == [asking] and page.introductions == [meeting]


def test_each_side_is_asked_about_itself_not_whose_view_it_is():
    tea = introduction(Stage.TEA_VISIT)
    own = IntroductionPresenter(tea, side=Side.PERSON, speaker=THEMSELVES)
    assert own.view_heading == "How did the tea visit go for you?"
    assert own.speaks_for_itself and not own.records_for_someone
    rep = IntroductionPresenter(tea, side=Side.PERSON, speaker=REPRESENTATIVE)
    assert rep.view_heading == "How did the tea visit go for Sam?"
    assert rep.records_for_someone


def test_a_side_answers_each_meeting_once():
    said = SimpleNamespace(stage=Stage.TEA_VISIT, side=Side.PERSON, view="")
    page = IntroductionPresenter(
        introduction(Stage.TEA_VISIT), side=Side.PERSON, speaker=THEMSELVES, views=[said]
    )
    assert not page.can_record_view
    carer = IntroductionPresenter(
        introduction(Stage.TEA_VISIT), side=Side.CARER, speaker=THEMSELVES, views=[said]
    )
    assert carer.can_record_view


def test_what_was_recorded_for_someone_says_by_whom_and_how():
    said = SimpleNamespace(
        side=Side.PERSON,
        what="carry_on",
        stage=Stage.TEA_VISIT,
        recorded_by=SimpleNamespace(display_name="Jo Bloggs"),
        recorded_as="scheme worker",
        shown_how="words",
        note="Yes, more tea",
    )
    line = said_for_line(said, person_called="Sam", carer_name="The Hughes household")
    assert line == {
        "what": "Carry on after the tea visit",
        "line": "Recorded by Jo Bloggs (scheme worker) for Sam: Sam said it in words",
        "note": "Yes, more tea",
    }


def test_the_easy_read_steps_and_a_no_that_is_ok():
    page = IntroductionPresenter(introduction(Stage.TEA_VISIT), side=Side.PERSON)
    steps = page.easy_steps
    assert [(s["name"], s["state"]) for s in steps[:4]] == [
        ("Saying yes", "Done"),
        ("First meeting", "Done"),
        ("Tea visit", "Now"),
        ("Trial stay", "Later"),
    ]
    assert all(s["picture"] and s["alt"] for s in steps)
    closed = introduction(Stage.CLOSED, closed_by_side=Side.CARER, closed_at=NOW)
    assert IntroductionPresenter(closed, side=Side.PERSON).easy_closed_text == (
        "The Hughes household said no. That is OK. It is not your fault."
    )
    assert IntroductionPresenter(closed, side=Side.CARER).easy_closed_text == (
        "You said no. That is OK."
    )


def test_the_workers_matches_page_does_not_decide():
    from types import SimpleNamespace

    from kinfolk.sharedlives.introductions.presenters import matches_page
    from kinfolk.sharedlives.introductions.selectors import Matches

    person, referral = SimpleNamespace(called="Sam"), SimpleNamespace(pk=1)
    page = matches_page(Matches(person, referral, [], [], []), own=False, deciding=False)
    assert page.deciding is False and page.suggestions == []
    assert matches_page(Matches(person, referral, [], [], []), own=True).deciding is True

"""The introduction pages present what they are given, for the side the reader speaks for,
without the database."""

from datetime import datetime
from types import SimpleNamespace

from kinfolk.sharedlives.introductions.presenters import (
    IntroductionPresenter,
    carer_requests_page,
    introduction_card,
    matches_page,
)
from kinfolk.sharedlives.introductions.selectors import CarerRequests, Matches
from kinfolk.sharedlives.models import Side, Stage
from kinfolk.sharedlives.rules import SCHEME

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
    worker = IntroductionPresenter(waiting, side=SCHEME)
    assert worker.is_worker and worker.own_side is None and not worker.can_decline
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


def test_the_workers_matches_page_does_not_decide():
    from types import SimpleNamespace

    from kinfolk.sharedlives.introductions.presenters import matches_page
    from kinfolk.sharedlives.introductions.selectors import Matches

    person, referral = SimpleNamespace(called="Sam"), SimpleNamespace(pk=1)
    page = matches_page(Matches(person, referral, [], [], []), own=False, deciding=False)
    assert page.deciding is False and page.suggestions == []
    assert matches_page(Matches(person, referral, [], [], []), own=True).deciding is True

"""'How I'm doing' only presents: it is given the person's answers, circles and check-ins, and
what the gate answered, and never touches the database (these tests have none)."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

from kinfolk.people.models import Person
from kinfolk.wellbeing.presenters import HowImDoing
from kinfolk.wellbeing.scoring import score

PERSON = Person(given_name="Samuel", preferred_name="Sam", family_name="Okafor")
ONS4 = {"life_satisfaction": 6, "worthwhile": 7, "happiness": 5, "anxiety": 4}


def _page(**given) -> HowImDoing:
    return HowImDoing(
        **{"person": PERSON, "responses": [], "check_ins": [], "circles": [], **given}
    )


def _answered(measure: str, answers: dict, month: int):
    return SimpleNamespace(
        measure=measure,
        score=score(measure, answers),
        completed_at=datetime(2026, month, 1, tzinfo=UTC),
    )


def _circle(taken_on: date, *members):
    people = [SimpleNamespace(key=key, paid=paid) for key, paid in members]
    return SimpleNamespace(taken_on=taken_on, members=SimpleNamespace(all=lambda: people))


def test_the_heading_and_the_buttons_follow_what_the_view_was_told():
    assert _page(own=True).heading == "How I'm doing"
    assert _page().heading == "How Sam is doing"
    assert not _page().can_record and not _page().can_choose
    assert _page(can_record=True, can_choose=True).can_choose


def test_a_chart_for_each_measure_answered_and_the_latest_ons4():
    first = _answered("ons4", ONS4, 1)
    later = _answered("ons4", {**ONS4, "life_satisfaction": 8}, 3)
    page = _page(responses=[first, later])
    (chart,) = page.charts
    assert chart.title == "Life satisfaction"
    assert [label for _, _, label, _ in chart.points] == ["Jan 2026", "Mar 2026"]
    assert page.latest_ons4 is later
    assert _page().charts == [] and _page().latest_ons4 is None


def test_what_changed_in_the_circle_is_said_in_words():
    first = _circle(date(2026, 1, 5), ("a", False), ("b", True))
    latest = _circle(date(2026, 3, 1), ("a", False), ("c", False), ("d", False))
    page = _page(circles=[first, latest])
    assert page.circle is latest
    assert page.circle_change == (
        "Since 5 January 2026: 2 new, 1 no longer in the circle; unpaid relationships +2."
    )
    assert _page(circles=[first]).circle_change is None
    assert _page().circle is None and _page().circle_points == []


def test_check_ins_newest_first_with_the_care_act_areas_named():
    older = SimpleNamespace(areas={"dignity": {"going": "well"}})
    newer = SimpleNamespace(areas={})
    rows = _page(check_ins=[older, newer]).check_in_rows
    assert [c for c, _ in rows] == [newer, older]
    assert rows[1][1] == [("Being treated with dignity and respect", {"going": "well"})]

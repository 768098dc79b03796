"""Measures as answered, check-ins, circles over time and spells of support: who may record
them and what is stored."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from kinfolk.wellbeing import selectors, services
from kinfolk.wellbeing.models import CircleSnapshot, MeasureResponse
from kinfolk.wellbeing.tests.conftest import ONS4


def test_a_response_is_stored_as_answered_with_who_recorded_it(people):
    person, you, rep, worker, _ = people
    response = services.response_record(actor=you, person=person, measure="ons4", answers=ONS4)
    assert response.answers == ONS4 and response.score["anxiety"]["band"] == "medium"
    assert response.recorded_with == "self" and response.recorded_by == you.user
    by_worker = services.response_record(
        actor=worker, person=person, measure="ons4", answers=ONS4, recorded_with="self"
    )
    assert by_worker.recorded_with == "on_behalf"  # only the person's own answers count as self


def test_incomplete_answers_are_refused_and_nothing_is_stored(people):
    person, you, *_ = people
    with pytest.raises(ValidationError, match="anxiety"):
        services.response_record(
            actor=you, person=person, measure="ons4", answers={**ONS4, "anxiety": None}
        )
    assert not MeasureResponse.objects.exists()


def test_swemwbs_is_unavailable_until_licensed_wording_is_loaded(people, tmp_path):
    person, you, *_ = people
    answers = {f"item_{n}": 3 for n in range(1, 8)}
    with pytest.raises(ValidationError, match="licensed"):
        services.response_record(actor=you, person=person, measure="swemwbs", answers=answers)
    bad = tmp_path / "bad.json"
    bad.write_text('{"item_1": "x"}')
    with pytest.raises(CommandError):
        call_command(
            "load_swemwbs", str(bad), licensee="Calder Vale Council", area=person.area.slug
        )
    good = tmp_path / "swemwbs.json"
    good.write_text(
        "{" + ", ".join(f'"item_{n}": "Licensed wording {n}"' for n in range(1, 8)) + "}"
    )
    call_command("load_swemwbs", str(good), licensee="Calder Vale Council", area=person.area.slug)
    response = services.response_record(
        actor=you, person=person, measure="swemwbs", answers=answers
    )
    assert response.score == {"raw": 21, "metric": 19.25}


def test_circle_changes_are_kept_as_dated_snapshots(people):
    person, you, *_ = people
    member = services.circle_add(
        actor=you, person=person, name="My sister Ama", who="family", ring=1,
        contact="weekly", paid=False,
    )  # fmt: skip
    yesterday = CircleSnapshot.objects.get()
    CircleSnapshot.objects.filter(pk=yesterday.pk).update(taken_on=date.today() - timedelta(days=1))
    services.circle_remove(actor=you, person=person, key=member.key)
    first, today = CircleSnapshot.objects.order_by("taken_on")
    assert [m.name for m in first.members.all()] == ["My sister Ama"]
    assert list(today.members.all()) == []
    with pytest.raises(ValidationError):
        services.circle_add(
            actor=you, person=person, name="", who="family", ring=1, contact="weekly", paid=False
        )


def test_a_service_can_be_recorded_against_a_person(people):
    person, you, rep, worker, stranger = people
    episode = services.episode_record(
        actor=worker, person=person, service="Riverside Day Centre", kind="service",
        started_on=date.today() - timedelta(days=10),
    )  # fmt: skip
    assert selectors.episodes_for(person=person).get() == episode
    with pytest.raises(ValidationError):
        services.episode_record(
            actor=worker, person=person, service="", kind="service", started_on=date.today()
        )
    with pytest.raises(PermissionDenied):
        services.episode_record(
            actor=stranger, person=person, service="X", kind="service", started_on=date.today()
        )

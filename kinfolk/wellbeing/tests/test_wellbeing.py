"""Measures as answered, the person's choice of who sees them, circles over time, the
connection test with small-number suppression, and the FHIR export."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.core import permissions
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory, PersonFactory
from kinfolk.wellbeing import connection, selectors, services
from kinfolk.wellbeing.fhir import questionnaire_response
from kinfolk.wellbeing.models import CircleSnapshot, Episode, MeasureResponse

ONS4 = {"life_satisfaction": 6, "worthwhile": 7, "happiness": 5, "anxiety": 4}


@pytest.fixture
def people(area, make_member, actor_for):
    you = make_member(Role.PERSON, area)
    rep = make_member(Role.REPRESENTATIVE, area)
    worker = make_member(Role.LINK_WORKER, area)
    stranger = make_member(Role.SCHEME_WORKER, area)
    person = PersonFactory(area=area, user=you.user, given_name="Sam")
    AccessGrantFactory(person=person, grantee=rep.user, scope=GrantScope.EDIT)
    AssignmentFactory(person=person, worker=worker.user)
    return person, actor_for(you), actor_for(rep), actor_for(worker), actor_for(stranger)


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


def test_the_person_chooses_who_sees_how_they_are_doing(people):
    person, you, rep, worker, stranger = people
    for actor in (you, rep, worker):
        assert selectors.wellbeing_person_get(actor=actor, person_id=person.pk) == person
    with pytest.raises(PermissionDenied):
        selectors.wellbeing_person_get(actor=stranger, person_id=person.pk)
    with pytest.raises(PermissionDenied):
        services.visibility_set(actor=worker, person=person, workers=False, representatives=True)
    services.visibility_set(actor=you, person=person, workers=False, representatives=True)
    permissions.forget(worker)  # their next request asks afresh
    with pytest.raises(PermissionDenied):
        selectors.wellbeing_person_get(actor=worker, person_id=person.pk)
    with pytest.raises(PermissionDenied):
        services.response_record(actor=worker, person=person, measure="ons4", answers=ONS4)
    assert selectors.wellbeing_person_get(actor=rep, person_id=person.pk) == person


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


def _episode_with_change(area, service: str, person, ucla_before: int, ucla_after: int):
    start = date.today() - timedelta(days=200)
    Episode.objects.create(
        area=area, person=person, kind="service", service=service, started_on=start
    )
    for when, ucla in (
        (start - timedelta(days=5), ucla_before),
        (start + timedelta(days=150), ucla_after),
    ):
        MeasureResponse.objects.create(
            area=area, person=person, measure="loneliness", answers={}, score={"ucla3": ucla},
            recorded_with="self", recorded_by=person.user or _someone(),
            completed_at=timezone.make_aware(datetime.combine(when, time(10))),
        )  # fmt: skip


def _someone():
    from kinfolk.accounts.tests.factories import UserFactory

    return UserFactory()


def test_the_connection_test_suppresses_groups_under_five(area):
    for _ in range(5):
        _episode_with_change(area, "Walking group", PersonFactory(area=area), 8, 5)
    for _ in range(4):
        _episode_with_change(area, "Men's shed", PersonFactory(area=area), 8, 8)
    rows = {r.service: r for r in connection.service_rows(connection.changes_in_area(area))}
    assert rows["Walking group"].ucla3_change.value == -3.0
    assert rows["Walking group"].ucla3_change.shown == "-3.0 (5 people)"
    assert rows["Men's shed"].suppressed and rows["Men's shed"].ucla3_change.value is None
    assert rows["Men's shed"].ucla3_change.shown == "Suppressed"
    assert rows["Men's shed"].people_shown == "Suppressed"
    total = connection.area_row(list(rows.values()))
    assert total.people == 5  # the suppressed group is not in the total either


def test_a_response_exports_as_a_valid_fhir_questionnaire_response(people):
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    person, you, *_ = people
    person.nhs_number = "9434765919"
    person.save()
    response = services.response_record(actor=you, person=person, measure="ons4", answers=ONS4)
    resource = questionnaire_response(response)
    parsed = QuestionnaireResponse.model_validate(resource)
    assert parsed.status == "completed"
    assert {i.linkId: i.answer[0].valueInteger for i in parsed.item} == ONS4
    assert resource["subject"]["identifier"]["value"] == "9434765919"


def test_a_questionnaire_response_declares_the_uk_core_profile(people):
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    person, you, *_ = people
    response = services.response_record(actor=you, person=person, measure="ons4", answers=ONS4)
    resource = questionnaire_response(response)
    QuestionnaireResponse.model_validate(resource)
    assert resource["meta"]["profile"] == [
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-QuestionnaireResponse"
    ]


def test_subject_access_exports_and_erasure_removes_wellbeing(people):
    from kinfolk.people.subject_access import person_erase, person_export

    person, you, *_ = people
    services.response_record(actor=you, person=person, measure="ons4", answers=ONS4)
    services.circle_add(
        actor=you, person=person, name="Ama", who="family", ring=1, contact="weekly", paid=False
    )
    exported = person_export(person=person)
    assert exported["wellbeing"]["measures"][0]["answers"] == ONS4
    assert exported["wellbeing"]["circles"][0]["members"][0]["name"] == "Ama"
    assert "referrals" in exported["shared_lives"]
    person_erase(person=person)
    assert not MeasureResponse.objects.filter(person=person).exists()
    assert not CircleSnapshot.objects.filter(person=person).exists()


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

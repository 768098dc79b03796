"""The scheme worker's 'due in the next 60 days' and the scheme-wide introduction plan."""

from datetime import date, timedelta
from html import unescape

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.sharedlives.models import CarerCheck, Introduction, TrainingRecord
from kinfolk.sharedlives.overview.presenters import DueLine, due_lines
from kinfolk.sharedlives.overview.selectors import DueSoon
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory, trained
from kinfolk.sharedlives.tests.journeys import agreed, start

TODAY = date.today()


def _page(client, name):
    response = client.get(reverse(f"sharedlives:{name}"))
    return response, unescape(response.content.decode())


def test_due_lists_training_checks_and_reviews_with_days_left_overdue_first(
    scheme, signed_in_client
):
    s = scheme
    TrainingRecord.objects.filter(carer=s.carer, course="first_aid").update(
        expires_on=TODAY + timedelta(days=30)
    )
    start(s, agreed(s))  # its 4-week review falls due in 28 days
    CarerCheck.objects.create(
        area=s.carer.area, carer=s.carer, kind="annual_review", due_on=TODAY - timedelta(days=3)
    )
    response, text = _page(signed_in_client(s.worker.membership), "due")
    assert response.status_code == 200
    assert "Due in the next 60 days" in text
    assert "First aid training runs out" in text and "30 days left" in text
    assert "Annual carer review" in text and "Overdue by 3 days" in text
    assert "4-week review" in text and "Sam with The Hughes household" in text
    assert text.index("Overdue by 3 days") < text.index("30 days left")
    assert "Medication training" not in text  # current for two years


def test_renewed_training_is_not_due(scheme, signed_in_client):
    s = scheme
    TrainingRecord.objects.filter(carer=s.carer, course="first_aid").update(
        completed_on=TODAY - timedelta(days=1000), expires_on=TODAY + timedelta(days=20)
    )
    TrainingRecord.objects.create(
        area=s.carer.area,
        carer=s.carer,
        course="first_aid",
        completed_on=TODAY,
        expires_on=TODAY + timedelta(days=1095),
    )
    _, text = _page(signed_in_client(s.worker.membership), "due")
    assert "First aid" not in text


def test_only_scheme_workers_see_what_is_due_or_the_plan(scheme, signed_in_client):
    s = scheme
    for member in (s.you.membership, s.carer_actor.membership, s.representative.membership):
        for name in ("due", "introduction_plan"):
            response, text = _page(signed_in_client(member), name)
            assert response.status_code == 403
            assert "The Hughes household" not in text


def test_the_due_list_shows_only_this_areas_households(
    scheme, other_area, make_member, signed_in_client
):
    s = scheme
    elsewhere = trained(CarerFactory(area=other_area, name="The Far household"))
    TrainingRecord.objects.filter(carer=elsewhere).update(expires_on=TODAY + timedelta(days=5))
    _, text = _page(signed_in_client(s.worker.membership), "due")
    assert "The Far household" not in text


def test_due_line_words():
    line = DueLine("Review", "Annual review", "Sam", TODAY, -1, ("x", 1))
    assert line.overdue and line.when == "Overdue by 1 day"
    assert DueLine("Review", "a", "b", TODAY, 0, ("x", 1)).when == "Due today"
    assert DueLine("Review", "a", "b", TODAY, 12, ("x", 1)).when == "12 days left"
    assert due_lines(DueSoon([], [], []), TODAY) == []


def test_the_plan_pairs_people_waiting_with_reasons_and_creates_nothing(scheme, signed_in_client):
    s = scheme
    ReferralFactory(
        person__area=s.person.area,
        person__given_name="Ada",
        interests=["cooking"],
        created_by=s.worker.user,
    )
    before = Introduction.objects.count()
    response, text = _page(signed_in_client(s.worker.membership), "introduction_plan")
    assert response.status_code == 200
    assert "If everyone waiting were introduced now" in text
    assert "A suggestion, never a decision" in text
    assert "Sam and The" in text and "Ada and The" in text
    assert "Why it might suit" in text and "Both love" in text
    assert "See Sam's suggestions" in text
    assert "#suggestion-" in text
    assert "<form" not in text.split("<main", 1)[1].split("</main>")[0]
    assert Introduction.objects.count() == before


def test_a_held_back_household_is_left_out_of_the_plan(scheme, signed_in_client):
    s = scheme
    TrainingRecord.objects.filter(carer=s.carer, course="first_aid").update(
        expires_on=TODAY - timedelta(days=1)
    )
    _, text = _page(signed_in_client(s.worker.membership), "introduction_plan")
    assert "The Hughes household" not in text
    assert "Sam and The Ahmed household" in text


def test_any_scheme_worker_of_the_area_sees_the_plan_not_another_areas(
    scheme, other_area, make_member, signed_in_client
):
    s = scheme
    _, text = _page(signed_in_client(s.other_worker.membership), "introduction_plan")
    assert "Sam and The" in text
    elsewhere = make_member(Role.SCHEME_WORKER, other_area)
    _, text = _page(signed_in_client(elsewhere), "introduction_plan")
    assert "Sam and The" not in text and "The Hughes household" not in text


def test_someone_no_household_suits_is_listed_as_not_in_the_plan(scheme, signed_in_client):
    s = scheme
    ReferralFactory(
        person__area=s.person.area,
        person__given_name="Bea",
        support_needs=["dementia"],
        created_by=s.worker.user,
    )
    _, text = _page(signed_in_client(s.worker.membership), "introduction_plan")
    assert "Not in the plan (1)" in text
    assert "Bea</a>: No approved household with room suits them now" in text

"""Shared Lives reminders: the right people, on the right days, once."""

from datetime import date, timedelta

import pytest

from kinfolk.notifications.models import Notification
from kinfolk.sharedlives import reminders
from kinfolk.sharedlives.models import CarerCheck, TrainingRecord
from kinfolk.sharedlives.tests.factories import CarerFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.fixture
def household(area, make_member):
    carer_member = make_member("shared_lives_carer", area)
    return CarerFactory(area=area, name="The Brown household", user=carer_member.user)


@pytest.fixture
def worker(area, make_member):
    return make_member("scheme_worker", area)


def _texts(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("text", flat=True))


@pytest.mark.parametrize("ahead", [60, 30, 7])
def test_training_reminders_60_30_and_7_days_before(household, worker, ahead):
    TrainingRecord.objects.create(
        area=household.area, carer=household, course="first_aid",
        completed_on=TODAY - timedelta(days=300), expires_on=TODAY + timedelta(days=ahead),
    )  # fmt: skip
    reminders.remind(TODAY)
    runs_out = TODAY + timedelta(days=ahead)
    when = f"{runs_out.day} {runs_out:%B %Y}"
    [own] = _texts(household.user)
    assert own.startswith("Your ") and own.endswith(f"training runs out on {when}.")
    [theirs] = _texts(worker.user)
    assert theirs.startswith("The Brown household: ")


def test_no_reminder_on_other_days_and_none_twice(household, worker):
    TrainingRecord.objects.create(
        area=household.area, carer=household, course="first_aid",
        completed_on=TODAY, expires_on=TODAY + timedelta(days=59),
    )  # fmt: skip
    CarerCheck.objects.create(
        area=household.area, carer=household, kind="annual_review",
        due_on=TODAY + timedelta(days=30),
    )  # fmt: skip
    assert reminders.remind(TODAY) == "told:2"
    assert reminders.remind(TODAY) == "told:0"
    assert _texts(household.user) == ["Your annual carer review is due on 23 December 2026."]


def test_a_done_check_is_not_reminded(household, worker):
    CarerCheck.objects.create(
        area=household.area, carer=household, kind="annual_review",
        due_on=TODAY + timedelta(days=30), done_on=TODAY,
    )  # fmt: skip
    assert reminders.remind(TODAY) == "told:0"


def test_scheme_workers_in_another_area_are_not_told(household, make_member, other_area):
    elsewhere = make_member("scheme_worker", other_area)
    TrainingRecord.objects.create(
        area=household.area, carer=household, course="first_aid",
        completed_on=TODAY, expires_on=TODAY + timedelta(days=7),
    )  # fmt: skip
    reminders.remind(TODAY)
    assert _texts(elsewhere.user) == []

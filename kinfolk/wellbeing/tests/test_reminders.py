"""A person who has checked in is reminded three months later, once; whoever acts for them is
told too; nobody who never checked in is chased, and nobody else is told."""

from datetime import UTC, date, datetime, timedelta

import pytest

from kinfolk.accounts.models import Role
from kinfolk.notifications.models import Notification
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, PersonFactory
from kinfolk.wellbeing import reminders, services

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


def _checked_in(actor, person, days_ago: int):
    going_well = {"relationships": {"going": "well", "words": "", "help": ""}}
    check_in = services.check_in_record(actor=actor, person=person, areas=going_well, assets={})
    moment = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), UTC)
    type(check_in).objects.filter(pk=check_in.pk).update(checked_in_at=moment + timedelta(hours=9))
    return check_in


def _told(someone):
    return list(Notification.objects.filter(recipient=someone.user).values_list("text", flat=True))


def test_three_months_after_a_check_in_the_person_and_who_acts_for_them_are_told_once(
    people, make_member, area
):
    person, you, rep, worker, stranger = people
    acting = make_member(Role.REPRESENTATIVE, area)
    AccessGrantFactory(person=person, grantee=acting.user, scope=GrantScope.ACT_FOR)
    _checked_in(you, person, 91)
    assert reminders.remind(TODAY) == "told:2"
    assert reminders.remind(TODAY) == "told:0"
    assert _told(you) == ["It is three months since your last check-in. How are things going?"]
    assert _told(acting) == ["It is three months since Sam's last check-in."]
    assert _told(rep) == _told(worker) == _told(stranger) == []


def test_a_recent_check_in_is_not_chased(people):
    person, you, *_ = people
    _checked_in(you, person, 91)
    _checked_in(you, person, 20)
    assert reminders.remind(TODAY) == "told:0"


def test_someone_who_never_checked_in_is_never_chased(people, area):
    PersonFactory(area=area)
    assert reminders.people_due_a_check_in(TODAY) == []
    assert reminders.remind(TODAY) == "told:0"


def test_a_new_check_in_starts_a_new_three_months(people):
    person, you, *_ = people
    _checked_in(you, person, 200)
    assert reminders.remind(TODAY - timedelta(days=100)) == "told:1"
    _checked_in(you, person, 95)
    assert reminders.remind(TODAY) == "told:1"
    assert len(_told(you)) == 2

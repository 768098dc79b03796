"""Fetch, check, audit: `record_for` is the one way to read a single record by id."""

import pytest
import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.core.records import record_for
from kinfolk.people.models import Person
from kinfolk.people.tests.factories import PersonFactory


@pytest.fixture
def worker(make_member, area, actor_for):
    return actor_for(make_member("scheme_worker", area))


@pytest.fixture
def allowed():
    """A permission that says yes to everyone, and one that says no."""
    rules.add_perm("records_test.yes", rules.always_allow)
    rules.add_perm("records_test.no", rules.always_deny)
    yield
    rules.remove_perm("records_test.yes")
    rules.remove_perm("records_test.no")


def _last():
    return AuditLog.objects.order_by("-sequence").first()


def test_the_record_is_read_and_the_read_is_filed_under_the_person(worker, person, allowed):
    row = record_for(worker, Person.objects.all(), person.pk, permission="records_test.yes")
    assert row == person
    assert (_last().action, _last().person_id) == (AuditAction.VIEW, person.pk)


def test_a_refusal_is_audited_and_stops_the_request(worker, person, allowed):
    with pytest.raises(PermissionDenied):
        record_for(worker, Person.objects.all(), person.pk, permission="records_test.no")
    assert (_last().action, _last().detail) == (AuditAction.DENIED, {"rule": "records_test.no"})


def test_another_areas_record_is_not_found_and_the_attempt_is_audited(worker, other_area, allowed):
    elsewhere = PersonFactory(area=other_area)
    with pytest.raises(Http404):
        record_for(worker, Person.objects.all(), elsewhere.pk, permission="records_test.yes")
    assert (_last().action, _last().detail) == (AuditAction.DENIED, {"rule": "area"})


def test_an_id_that_is_nowhere_is_not_found(worker, allowed, db):
    with pytest.raises(Http404):
        record_for(
            worker,
            Person.objects.all(),
            "00000000-0000-4000-8000-000000000000",
            permission="records_test.yes",
        )


def test_the_permission_can_be_asked_about_something_else(worker, person, allowed):
    asked = []
    record_for(
        worker,
        Person.objects.all(),
        person.pk,
        permission="records_test.yes",
        checked_on=lambda row: asked.append(row) or row,
        audit=False,
    )
    assert asked == [person]
    assert not AuditLog.objects.filter(action=AuditAction.VIEW).exists()

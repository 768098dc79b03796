"""The person pages ask the database a bounded number of times, however many permissions the page
asks about: each fact (an allocation, a grant, emergency access) is looked up once per request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory


def test_the_person_page_for_the_allocated_scheme_worker_asks_at_most_20_queries(
    make_member, area, person, signed_in_client, django_assert_max_num_queries
):
    worker = make_member(Role.SCHEME_WORKER, area)
    AssignmentFactory(person=person, worker=worker.user)
    client = signed_in_client(worker)
    with django_assert_max_num_queries(20):
        page = client.get(f"/people/{person.pk}/")
    assert page.status_code == 200
    assert person.full_name in page.content.decode()


def test_the_allocation_is_looked_up_once_for_the_whole_person_page(
    make_member, area, person, signed_in_client
):
    worker = make_member(Role.SCHEME_WORKER, area)
    AssignmentFactory(person=person, worker=worker.user)
    client = signed_in_client(worker)
    with CaptureQueriesContext(connection) as asked:
        client.get(f"/people/{person.pk}/")
    allocation_checks = [
        q
        for q in asked.captured_queries
        if q["sql"].startswith('SELECT 1 AS "a" FROM "people_assignment"')
    ]
    assert len(allocation_checks) == 1


def test_the_caseload_home_page_does_not_grow_with_the_caseload(
    make_member, area, signed_in_client, django_assert_max_num_queries
):
    worker = make_member(Role.LINK_WORKER, area)
    for _ in range(25):
        AssignmentFactory(person=PersonFactory(area=area), worker=worker.user)
    client = signed_in_client(worker)
    with django_assert_max_num_queries(15):
        page = client.get("/")
    assert page.status_code == 200
    assert page.content.decode().count("/people/") >= 25

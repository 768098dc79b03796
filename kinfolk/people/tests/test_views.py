"""The person pages ask the database a bounded number of times, however many permissions the page
asks about: each fact (an allocation, a grant, emergency access) is looked up once per request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.people import selectors, services
from kinfolk.people.models import AccessGrant, GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory, PersonFactory


def test_the_person_page_for_the_allocated_scheme_worker_asks_at_most_21_queries(
    make_member, area, person, signed_in_client, django_assert_max_num_queries
):
    worker = make_member(Role.SCHEME_WORKER, area)
    AssignmentFactory(person=person, worker=worker.user)
    client = signed_in_client(worker)
    with django_assert_max_num_queries(21):  # the ways on include equipment requests
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
    with django_assert_max_num_queries(16):  # the same for 25 people as for 1
        page = client.get("/")
    assert page.status_code == 200
    assert page.content.decode().count("/people/") >= 25


def test_the_person_sees_who_has_looked_at_their_record(me, worker, person, signed_in_client):
    AssignmentFactory(person=person, worker=worker.user)
    selectors.person_get(actor=worker, person_id=person.pk)
    response = signed_in_client(me.membership).get(f"/people/{person.pk}/activity/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{worker.user.display_name} (scheme worker)" in html
    assert "looked at the record" in html


def test_the_person_sees_why_emergency_access_was_used(me, worker, person, signed_in_client):
    services.break_glass_open(
        actor=worker, person=person, reason="A&E called at 2am: needs medication list"
    )
    response = signed_in_client(me.membership).get(f"/people/{person.pk}/activity/")
    html = response.content.decode()
    assert "used emergency access" in html
    assert "A&amp;E called at 2am: needs medication list" in html


def test_taking_away_access_asks_first(area, make_member, signed_in_client):
    me = make_member(Role.PERSON, area)
    person = PersonFactory(area=area, user=me.user, given_name="Sam")
    daughter = make_member(Role.REPRESENTATIVE, area, display_name="Grace Okafor")
    grant = AccessGrantFactory(person=person, grantee=daughter.user, scope=GrantScope.VIEW)
    client = signed_in_client(me)
    sharing = client.get(reverse("people:sharing", args=[person.pk])).content.decode()
    url = reverse("people:revoke", args=[person.pk, grant.pk])
    assert f'href="{url}"' in sharing
    page = client.get(url).content.decode()
    assert "Stop Grace Okafor seeing your record?" in page
    assert "will not be able to see your record from now on" in page
    assert AccessGrant.objects.get(pk=grant.pk).revoked_at is None
    client.post(url)
    assert AccessGrant.objects.get(pk=grant.pk).revoked_at is not None


def test_who_can_see_my_record_in_easy_read(make_member, area, signed_in_client):
    me = make_member(Role.PERSON, area)
    person = PersonFactory(area=area, user=me.user, given_name="Sam")
    friend = make_member(Role.REPRESENTATIVE, area, display_name="Ama Mensah")
    AccessGrantFactory(person=person, grantee=friend.user, scope=GrantScope.VIEW)
    client = signed_in_client(me)
    usual = reverse("people:sharing", args=[person.pk])
    easy = reverse("people:sharing_easy", args=[person.pk])
    assert f'href="{easy}">Easy read</a>' in client.get(usual).content.decode()
    page = client.get(easy).content.decode()
    assert "My record is about me. I choose who else can see it." in page
    assert "Ama Mensah" in page and "They can see my record." in page
    assert f'href="{usual}">Go to the usual page</a>' in page
    assert 'alt="A padlock"' in page and "CC BY-SA 4.0" in page

"""The home page: a role-aware starting point for someone signed in; for anyone else, what
Kinfolk is and the way to the directory."""

import pytest
from django.test import Client

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import AssignmentFactory


def test_a_scheme_worker_sees_their_caseload(make_member, area, person, signed_in_client):
    worker = make_member(Role.SCHEME_WORKER, area)
    AssignmentFactory(person=person, worker=worker.user)
    html = signed_in_client(worker).get("/").content.decode()
    assert "Your caseload" in html and "Sam Okafor" in html and "Calder Vale" in html


def test_a_person_sees_my_profile_and_who_can_see_my_record(
    make_member, area, person, signed_in_client
):
    me = make_member(Role.PERSON, area)
    person.user = me.user
    person.save()
    html = signed_in_client(me).get("/").content.decode()
    assert "My profile" in html and "Who can see my record" in html
    assert "Your caseload" not in html


def test_an_area_admin_sees_memberships_and_the_emergency_access_report(
    make_member, area, signed_in_client
):
    html = signed_in_client(make_member(Role.AREA_ADMIN, area)).get("/").content.decode()
    assert "Memberships" in html and "Emergency access report" in html


def test_someone_not_signed_in_sees_what_kinfolk_is_and_the_way_to_the_directory(db):
    page = Client().get("/").content.decode()
    assert "People-powered health and care" in page
    assert 'href="/directory/"' in page and 'href="/accounts/login/"' in page


def test_an_expert_by_experience_reaches_the_published_reports(make_member, area, signed_in_client):
    client = signed_in_client(make_member(Role.EXPERT_BY_EXPERIENCE, area))
    home = client.get("/").content.decode()
    for path in (
        "/shared-lives/reports/",
        "/wellbeing/connection-test/",
        "/social-prescribing/reports/",
    ):
        assert f'href="{path}"' in home
        assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Dr Damian Riley", "Hello, Damian"),
        ("Mrs. Ann Lee", "Hello, Ann"),
        ("Priya", "Hello, Priya"),
    ],
)
def test_the_home_page_greets_people_by_their_first_name_not_a_title(
    make_member, area, signed_in_client, name, greeting
):
    client = signed_in_client(make_member(Role.SCHEME_WORKER, area, display_name=name))
    assert f"<h1>{greeting}</h1>" in client.get("/").content.decode()


def test_a_person_s_home_does_not_talk_about_api_tokens(make_member, area, signed_in_client):
    person = signed_in_client(make_member(Role.PERSON, area)).get("/").content.decode()
    worker = signed_in_client(make_member(Role.LINK_WORKER, area)).get("/").content.decode()
    assert "API tokens" not in person and "API tokens" in worker


def test_a_long_caseload_is_searched_by_name_and_comes_in_pages(
    make_member, area, signed_in_client
):
    from kinfolk.people.tests.factories import PersonFactory

    worker = make_member(Role.SCHEME_WORKER, area)
    for n in range(30):
        AssignmentFactory(
            person=PersonFactory(area=area, family_name=f"Smith{n:02}"), worker=worker.user
        )
    AssignmentFactory(
        person=PersonFactory(area=area, given_name="Callum", family_name="Jones"),
        worker=worker.user,
    )
    client = signed_in_client(worker)
    first = client.get("/").content.decode()
    assert "People you are allocated to (31), page 1 of 2" in first
    assert first.count("/people/") - first.count('href="/people/new/"') >= 25
    found = client.get("/", {"words": "callum"}).content.decode()
    assert "Callum Jones" in found and "Smith00" not in found
    none = client.get("/", {"words": "nobody"}).content.decode()
    assert "No one on your caseload is called that" in none

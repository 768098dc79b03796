"""Who may do what in the directory, as rules.py names it."""

from types import SimpleNamespace

import pytest

from kinfolk.accounts.models import CARE_ROLES, Role
from kinfolk.core.permissions import can, forget
from kinfolk.directory import rules  # noqa: F401  (names the permissions tested here)
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory


@pytest.fixture
def people(area, make_member, actor_for):
    return {role: actor_for(make_member(role, area)) for role in Role.values}


def _who(people, permission, obj=None) -> set:
    return {role for role, actor in people.items() if can(actor, permission, obj)}


def test_community_organisations_list_and_the_area_admin_decides(people, area, other_area):
    member = people[Role.COMMUNITY_ORGANISATION_MEMBER]
    assert _who(people, "directory.list_enterprise") == {Role.COMMUNITY_ORGANISATION_MEMBER}
    assert _who(people, "directory.see_listings") == {Role.AREA_ADMIN}
    listing = SimpleNamespace(pk=1, area_id=area.pk, submitted_by_id=member.user.pk)
    elsewhere = SimpleNamespace(pk=2, area_id=other_area.pk, submitted_by_id=None)
    assert _who(people, "directory.decide_listing", listing) == {Role.AREA_ADMIN}
    assert _who(people, "directory.decide_listing", elsewhere) == set()
    # "Still true" is said by the enterprise that listed itself, or the area admin.
    confirmers = {Role.AREA_ADMIN, Role.COMMUNITY_ORGANISATION_MEMBER}
    assert _who(people, "directory.confirm_listing", listing) == confirmers
    assert _who(people, "directory.confirm_listing", elsewhere) == set()


def test_a_shortlist_goes_from_a_worker_supporting_the_person(people, area):
    assert _who(people, "directory.keep_shortlists") == set(CARE_ROLES)
    person = PersonFactory(area=area)
    link = people[Role.LINK_WORKER]
    assert _who(people, "directory.send_shortlist", person) == set()
    AssignmentFactory(person=person, worker=link.user, kind="link_worker")
    forget(link)  # what the gate remembered for this request no longer holds
    assert can(link, "directory.send_shortlist", person)


def test_the_person_reads_their_shortlists_as_their_own(people, area):
    me = people[Role.PERSON]
    mine = PersonFactory(area=area, user=me.user)
    assert _who(people, "directory.read_own_shortlists", mine) == {Role.PERSON}
    assert not can(me, "directory.read_own_shortlists", PersonFactory(area=area))

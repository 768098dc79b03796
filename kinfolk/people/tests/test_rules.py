"""The people permissions, asked through the gate: facts about a person are looked up once per
request, and a change the actor makes to their own access is seen at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import kinfolk.wellbeing.rules  # noqa: F401  (names the wellbeing permissions asked below)
from kinfolk.accounts.models import Role
from kinfolk.core.permissions import can
from kinfolk.people import services
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory


def test_an_allocation_is_looked_up_once_however_many_permissions_ask(
    make_member, actor_for, area, person
):
    worker = actor_for(make_member(Role.SCHEME_WORKER, area))
    AssignmentFactory(person=person, worker=worker.user)
    with CaptureQueriesContext(connection) as asked:
        assert can(worker, "people.view_person", person)
        assert can(worker, "people.edit_person", person)
        assert not can(worker, "people.break_glass", person)
        assert can(worker, "wellbeing.view_wellbeing", person)
    allocation = [q for q in asked.captured_queries if '"people_assignment"' in q["sql"]]
    assert len(allocation) == 1


def test_a_worker_who_opens_emergency_access_may_see_the_record_at_once(
    make_member, actor_for, area, person
):
    worker = actor_for(make_member(Role.SCHEME_WORKER, area))
    assert not can(worker, "people.view_person", person)
    services.break_glass_open(
        actor=worker, person=person, reason="A&E called at 2am: needs medication list"
    )
    assert can(worker, "people.view_person", person)


def test_a_representative_who_gives_up_their_own_access_loses_it_at_once(
    make_member, actor_for, area, person
):
    daughter = actor_for(make_member(Role.REPRESENTATIVE, area))
    grant = AccessGrantFactory(person=person, grantee=daughter.user, scope=GrantScope.ACT_FOR)
    assert can(daughter, "people.view_person", person)
    services.access_revoke(actor=daughter, grant=grant)
    assert not can(daughter, "people.view_person", person)


def test_only_the_person_chooses_who_acts_for_them(make_member, actor_for, area, person):
    me = actor_for(make_member(Role.PERSON, area))
    person.user = me.user
    person.save()
    daughter = actor_for(make_member(Role.REPRESENTATIVE, area))
    AccessGrantFactory(person=person, grantee=daughter.user, scope=GrantScope.ACT_FOR)
    assert can(me, "people.choose_who_acts_for", person)
    assert can(daughter, "people.manage_sharing", person)
    assert not can(daughter, "people.choose_who_acts_for", person)


def test_area_permissions_belong_to_the_roles_that_run_them(make_member, actor_for, area):
    admin = actor_for(make_member(Role.AREA_ADMIN, area))
    link = actor_for(make_member(Role.LINK_WORKER, area))
    referrer = actor_for(make_member(Role.REFERRER, area))
    assert can(admin, "people.allocate_workers") and can(admin, "people.view_break_glass_report")
    assert not can(link, "people.allocate_workers")
    assert can(link, "people.add_person") and not can(referrer, "people.add_person")
    assert not can(admin, "people.add_person")

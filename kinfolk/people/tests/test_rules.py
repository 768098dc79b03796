"""Who may see a person's record: the person, whom they choose, allocated workers, emergencies.
Asked through the gate, facts about a person are looked up once per request, and a change the
actor makes to their own access is seen at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import kinfolk.wellbeing.rules  # noqa: F401  (names the wellbeing permissions asked below)
from kinfolk.accounts.models import Role
from kinfolk.core import permissions
from kinfolk.people import services
from kinfolk.people.models import GrantScope
from kinfolk.people.rules import can
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory, grant_access


def test_an_allocation_is_looked_up_once_however_many_permissions_ask(
    make_member, actor_for, area, person
):
    worker = actor_for(make_member(Role.SCHEME_WORKER, area))
    AssignmentFactory(person=person, worker=worker.user)
    with CaptureQueriesContext(connection) as asked:
        assert permissions.can(worker, "people.view_person", person)
        assert permissions.can(worker, "people.edit_person", person)
        assert not permissions.can(worker, "people.break_glass", person)
        assert permissions.can(worker, "wellbeing.view_wellbeing", person)
    allocation = [q for q in asked.captured_queries if '"people_assignment"' in q["sql"]]
    assert len(allocation) == 1


def test_a_worker_who_opens_emergency_access_may_see_the_record_at_once(
    make_member, actor_for, area, person
):
    worker = actor_for(make_member(Role.SCHEME_WORKER, area))
    assert not permissions.can(worker, "people.view_person", person)
    services.break_glass_open(
        actor=worker, person=person, reason="A&E called at 2am: needs medication list"
    )
    assert permissions.can(worker, "people.view_person", person)


def test_a_representative_who_gives_up_their_own_access_loses_it_at_once(
    make_member, actor_for, area, person
):
    daughter = actor_for(make_member(Role.REPRESENTATIVE, area))
    grant = AccessGrantFactory(person=person, grantee=daughter.user, scope=GrantScope.ACT_FOR)
    assert permissions.can(daughter, "people.view_person", person)
    services.access_revoke(actor=daughter, grant=grant)
    assert not permissions.can(daughter, "people.view_person", person)


def test_only_the_person_chooses_who_acts_for_them(make_member, actor_for, area, person):
    me = actor_for(make_member(Role.PERSON, area))
    person.user = me.user
    person.save()
    daughter = actor_for(make_member(Role.REPRESENTATIVE, area))
    AccessGrantFactory(person=person, grantee=daughter.user, scope=GrantScope.ACT_FOR)
    assert permissions.can(me, "people.choose_who_acts_for", person)
    assert permissions.can(daughter, "people.manage_sharing", person)
    assert not permissions.can(daughter, "people.choose_who_acts_for", person)


def test_area_permissions_belong_to_the_roles_that_run_them(make_member, actor_for, area):
    admin = actor_for(make_member(Role.AREA_ADMIN, area))
    link = actor_for(make_member(Role.LINK_WORKER, area))
    referrer = actor_for(make_member(Role.REFERRER, area))
    assert permissions.can(admin, "people.allocate_workers") and permissions.can(
        admin, "people.view_break_glass_report"
    )
    assert not permissions.can(link, "people.allocate_workers")
    assert permissions.can(link, "people.add_person") and not permissions.can(
        referrer, "people.add_person"
    )
    assert not permissions.can(admin, "people.add_person")


def test_the_person_sees_and_edits_their_own_record(me, person):
    assert can(me, "view_person", person) and can(me, "edit_person", person)
    assert can(me, "manage_sharing", person)


def test_nobody_else_sees_a_record_without_a_reason(daughter, worker, person):
    for actor in (daughter, worker):
        assert not can(actor, "view_person", person)


def test_scope_decides_what_a_representative_can_do(me, daughter, person):
    grant_access(me, person, daughter, GrantScope.EDIT)
    assert can(daughter, "edit_person", person)
    assert not can(daughter, "manage_sharing", person)


def test_an_allocated_worker_sees_and_edits_until_the_allocation_ends(
    worker, person, area, make_member, actor_for
):
    assignment = AssignmentFactory(person=person, worker=worker.user)
    assert can(worker, "view_person", person) and can(worker, "edit_person", person)
    admin = actor_for(make_member(Role.AREA_ADMIN, area))
    services.assignment_end(actor=admin, assignment=assignment)
    permissions.forget(worker)  # their next request asks afresh
    assert not can(worker, "view_person", person)


def test_the_same_user_in_another_role_does_not_inherit_access(worker, person, area):
    from kinfolk.accounts.actor import Actor
    from kinfolk.accounts.tests.factories import MembershipFactory

    AssignmentFactory(person=person, worker=worker.user)
    as_commissioner = Actor(
        user=worker.user,
        membership=MembershipFactory(user=worker.user, area=area, role=Role.COMMISSIONER),
    )
    assert not can(as_commissioner, "view_person", person)


def test_access_never_crosses_areas(worker, person, other_area, make_member, actor_for):
    from kinfolk.people.tests.factories import PersonFactory

    elsewhere = PersonFactory(area=other_area)
    AssignmentFactory(person=elsewhere, worker=worker.user)  # misconfigured: still refused
    assert not can(worker, "view_person", elsewhere)

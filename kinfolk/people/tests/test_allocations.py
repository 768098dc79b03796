"""Allocations last only as long as their reason: the role they were made for, the admin's say."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Role
from kinfolk.accounts.services import membership_remove
from kinfolk.accounts.tests.factories import MembershipFactory
from kinfolk.core import permissions
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.people import selectors, services
from kinfolk.people.models import Assignment
from kinfolk.people.rules import can
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
from kinfolk.wellbeing.rules import can_wellbeing


@pytest.fixture
def admin(make_member, actor_for, area):
    return actor_for(make_member(Role.AREA_ADMIN, area))


@pytest.fixture
def two_roles(make_member, area):
    """One user who is both a link worker and a scheme worker: two actors."""
    as_link = make_member(Role.LINK_WORKER, area)
    as_scheme = MembershipFactory(user=as_link.user, area=area, role=Role.SCHEME_WORKER)
    return Actor(as_link.user, as_link), Actor(as_link.user, as_scheme)


def test_an_allocation_works_only_in_the_role_it_was_made_for(two_roles, person):
    as_link, as_scheme = two_roles
    AssignmentFactory(person=person, worker=as_link.user, kind=Assignment.Kind.LINK_WORKER)
    assert can(as_link, "view_person", person)
    assert not can(as_scheme, "view_person", person)
    assert not can(as_scheme, "edit_person", person)
    assert person not in selectors.people_for_actor(actor=as_scheme)
    assert person in selectors.people_for_actor(actor=as_link)


def test_a_link_worker_who_starts_a_record_is_allocated_as_link_worker(two_roles):
    as_link, as_scheme = two_roles
    person = services.person_create(actor=as_link, given_name="Ada", family_name="Lovelace")
    (assignment,) = Assignment.objects.filter(person=person)
    assert assignment.kind == Assignment.Kind.LINK_WORKER
    assert not can(as_scheme, "view_person", person)


def test_removing_a_role_ends_its_allocations_and_is_audited(two_roles, person, admin):
    as_link, as_scheme = two_roles
    link = AssignmentFactory(person=person, worker=as_link.user, kind=Assignment.Kind.LINK_WORKER)
    scheme = AssignmentFactory(person=person, worker=as_link.user)
    membership_remove(actor=admin, membership=as_link.membership)
    link.refresh_from_db()
    scheme.refresh_from_db()
    assert link.ended_at is not None
    assert link.ended_because == Assignment.EndedBecause.ROLE_REMOVED
    assert scheme.ended_at is None, "their allocation as a scheme worker is still theirs"
    assert AuditLog.objects.filter(
        action=AuditAction.DELETE, target_type="assignment", target_id=str(link.pk)
    ).exists()
    assert can(as_scheme, "view_person", person)


def test_allocating_needs_the_matching_role(two_roles, person, admin, make_member, area):
    commissioner_and_referrer = make_member(Role.REFERRER, area)
    with pytest.raises(ValidationError, match="not a link worker"):
        services.assignment_create(
            actor=admin,
            person=person,
            worker=commissioner_and_referrer.user,
            kind=Assignment.Kind.LINK_WORKER,
        )
    assert not Assignment.objects.exists()


def test_a_referrer_never_edits_the_whole_record(make_member, actor_for, area, person):
    referrer = actor_for(make_member(Role.REFERRER, area))
    AssignmentFactory(person=person, worker=referrer.user, kind=Assignment.Kind.REFERRER)
    assert can(referrer, "view_person", person)
    assert not can(referrer, "edit_person", person)
    with pytest.raises(PermissionDenied):
        services.person_update(actor=referrer, person=person, changes={"given_name": "X"})
    assert can_wellbeing(referrer, "view_wellbeing", person)
    assert not can_wellbeing(referrer, "record_wellbeing", person)


def test_a_referrer_cannot_edit_through_the_page_or_the_api(
    make_member, area, person, signed_in_client
):
    membership = make_member(Role.REFERRER, area)
    AssignmentFactory(person=person, worker=membership.user, kind=Assignment.Kind.REFERRER)
    client = signed_in_client(membership)
    assert client.get(f"/people/{person.pk}/").status_code == 200
    assert client.get(f"/people/{person.pk}/edit/").status_code == 403
    posted = client.post(f"/people/{person.pk}/edit/", {"given_name": "X", "family_name": "Y"})
    assert posted.status_code == 403
    patched = client.patch(
        f"/api/v1/people/{person.pk}", {"given_name": "X"}, content_type="application/json"
    )
    assert patched.status_code == 403
    person.refresh_from_db()
    assert person.given_name != "X"


# --- the area admin ends an allocation ------------------------------------------------------


@pytest.fixture
def allocated(make_member, actor_for, area, person):
    worker = actor_for(make_member(Role.SCHEME_WORKER, area, display_name="Priya Shah"))
    return worker, AssignmentFactory(person=person, worker=worker.user)


def test_the_area_admin_ends_an_allocation_after_a_confirmation_page(
    admin, allocated, person, signed_in_client
):
    worker, assignment = allocated
    client = signed_in_client(admin.membership)
    page = client.get(f"/people/allocations/{assignment.pk}/end/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Priya Shah will no longer be able to see" in text
    assert person.full_name in text
    assert can(worker, "view_person", person), "only the confirmation ends it"
    done = client.post(f"/people/allocations/{assignment.pk}/end/")
    assert done.status_code == 302
    assignment.refresh_from_db()
    assert assignment.ended_because == Assignment.EndedBecause.ENDED_BY_ADMIN
    permissions.forget(worker)  # their next request asks afresh
    assert not can(worker, "view_person", person)
    assert AuditLog.objects.filter(
        action=AuditAction.DELETE, target_type="assignment", target_id=str(assignment.pk)
    ).exists()


def test_the_allocate_page_lists_live_allocations_to_end(admin, allocated, signed_in_client):
    _, assignment = allocated
    page = signed_in_client(admin.membership).get("/people/allocate/")
    assert f"/people/allocations/{assignment.pk}/end/" in page.content.decode()


def test_the_area_admin_ends_an_allocation_through_the_api(
    admin, allocated, person, signed_in_client
):
    worker, assignment = allocated
    client = signed_in_client(admin.membership)
    response = client.delete(f"/api/v1/people/{person.pk}/allocations/{assignment.pk}")
    assert response.status_code == 204
    assert not can(worker, "view_person", person)
    again = client.delete(f"/api/v1/people/{person.pk}/allocations/{assignment.pk}")
    assert again.status_code == 404


def test_only_the_area_admin_ends_an_allocation(allocated, person, signed_in_client):
    worker, assignment = allocated
    client = signed_in_client(worker.membership)
    assert client.post(f"/people/allocations/{assignment.pk}/end/").status_code == 403
    assert (
        client.delete(f"/api/v1/people/{person.pk}/allocations/{assignment.pk}").status_code == 403
    )
    assert can(worker, "view_person", person)


def test_another_areas_admin_gets_not_found(
    allocated, person, make_member, other_area, signed_in_client
):
    _, assignment = allocated
    client = signed_in_client(make_member(Role.AREA_ADMIN, other_area))
    assert client.get(f"/people/allocations/{assignment.pk}/end/").status_code == 404
    assert client.post(f"/people/allocations/{assignment.pk}/end/").status_code == 404
    assert (
        client.delete(f"/api/v1/people/{person.pk}/allocations/{assignment.pk}").status_code == 404
    )
    assignment.refresh_from_db()
    assert assignment.ended_at is None


# --- an admin who allocates themselves is seen ----------------------------------------------


def test_an_admin_who_allocates_themselves_is_on_the_report_and_the_person_sees_it(
    admin, area, person, make_member, actor_for, signed_in_client
):
    MembershipFactory(user=admin.user, area=area, role=Role.SCHEME_WORKER)
    someone = make_member(Role.SCHEME_WORKER, area, display_name="Priya Shah")
    services.assignment_create(
        actor=admin, person=person, worker=someone.user, kind=Assignment.Kind.ALLOCATED_WORKER
    )
    mine = services.assignment_create(
        actor=admin, person=person, worker=admin.user, kind=Assignment.Kind.ALLOCATED_WORKER
    )
    assert mine.is_self_allocated
    assert list(selectors.self_allocations(area=area)) == [mine]
    report = signed_in_client(admin.membership).get("/people/emergency-access/").content.decode()
    assert admin.user.display_name in report and person.full_name in report
    assert "allocated themselves" in report
    entry = AuditLog.objects.get(target_type="assignment", target_id=str(mine.pk))
    assert entry.detail.get("self_allocated") is True

    me = make_member(Role.PERSON, area)
    person.user = me.user
    person.save()
    sharing = signed_in_client(me).get(f"/people/{person.pk}/sharing/").content.decode()
    assert f"{admin.user.display_name}, allocated worker (the area admin allocated themselves)" in (
        sharing
    )
    assert "Priya Shah, allocated worker</li>" in sharing


def test_an_admin_cannot_allocate_a_person_from_another_area(admin, other_area, allocated):
    worker, _ = allocated
    elsewhere = PersonFactory(area=other_area)
    with pytest.raises(PermissionDenied):
        services.assignment_create(
            actor=admin, person=elsewhere, worker=worker.user, kind=Assignment.Kind.ALLOCATED_WORKER
        )


def test_the_migration_gives_link_workers_allocations_their_own_kind(two_roles, area, person):
    """people.0003: a link worker's "allocated worker" allocation becomes a link worker one;
    a scheme worker's stays as it is."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "kinfolk.people.migrations.0003_allocations_record_who_made_and_why_ended"
    )
    as_link, _ = two_roles
    only_link = MembershipFactory(area=area, role=Role.LINK_WORKER)
    theirs = AssignmentFactory(
        person=person, worker=only_link.user, kind=Assignment.Kind.ALLOCATED_WORKER
    )
    scheme_too = AssignmentFactory(
        person=person, worker=as_link.user, kind=Assignment.Kind.ALLOCATED_WORKER
    )
    migration.allocations_follow_the_role(apps, None)
    theirs.refresh_from_db()
    scheme_too.refresh_from_db()
    assert theirs.kind == Assignment.Kind.LINK_WORKER
    assert scheme_too.kind == Assignment.Kind.ALLOCATED_WORKER


def test_ending_an_allocation_someone_else_just_ended_is_explained(admin, allocated):
    _, assignment = allocated
    services.assignment_end(actor=admin, assignment=assignment)
    with pytest.raises(ValidationError, match="already ended"):
        services.assignment_end(actor=admin, assignment=assignment)
    ends = AuditLog.objects.filter(target_type="assignment", target_id=str(assignment.pk))
    assert ends.count() == 1


def test_the_list_of_allocations_comes_in_pages_of_25(area, make_member, signed_in_client):
    from kinfolk.people.tests.factories import PersonFactory

    admin = make_member(Role.AREA_ADMIN, area)
    worker = make_member(Role.SCHEME_WORKER, area)
    for _ in range(30):
        AssignmentFactory(person=PersonFactory(area=area), worker=worker.user)
    client = signed_in_client(admin)
    first = client.get("/people/allocate/").content.decode()
    assert "30 allocations, page 1 of 2" in first
    assert first.count("/end/") == 25
    assert client.get("/people/allocate/", {"page": 2}).content.decode().count("/end/") == 5


def test_people_with_the_same_name_are_told_apart_when_allocating(
    area, make_member, signed_in_client
):
    from datetime import date

    from kinfolk.people.tests.factories import PersonFactory

    admin = make_member(Role.AREA_ADMIN, area)
    for born, postcode in ((date(1950, 1, 2), "HX1 1AA"), (date(1988, 7, 9), "HX7 5QP")):
        PersonFactory(
            area=area, given_name="Callum", family_name="Smith",
            date_of_birth=born, postcode=postcode,
        )  # fmt: skip
    page = signed_in_client(admin).get("/people/allocate/").content.decode()
    assert "Callum Smith (born 2 January 1950, HX1)" in page
    assert "Callum Smith (born 9 July 1988, HX7)" in page

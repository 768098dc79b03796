"""Who may see a person's record: the person, whom they choose, allocated workers, emergencies."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.core import permissions
from kinfolk.core.audit import audit_verify
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.people import selectors, services
from kinfolk.people.models import AccessGrant, BreakGlassAccess, GrantScope, Relationship
from kinfolk.people.rules import can
from kinfolk.people.tests.factories import AssignmentFactory


@pytest.fixture
def me(make_member, actor_for, area, person):
    membership = make_member(Role.PERSON, area)
    person.user = membership.user
    person.save()
    return actor_for(membership)


@pytest.fixture
def daughter(make_member, actor_for, area):
    return actor_for(make_member(Role.REPRESENTATIVE, area, display_name="Grace Okafor"))


@pytest.fixture
def worker(make_member, actor_for, area):
    return actor_for(make_member(Role.SCHEME_WORKER, area))


def _grant(me, person, to, scope=GrantScope.VIEW):
    return services.access_grant(
        actor=me,
        person=person,
        grantee_email=to.user.email,
        relationship=Relationship.FAMILY,
        scope=scope,
    )


def test_the_person_sees_and_edits_their_own_record(me, person):
    assert can(me, "view_person", person) and can(me, "edit_person", person)
    assert can(me, "manage_sharing", person)


def test_nobody_else_sees_a_record_without_a_reason(daughter, worker, person):
    for actor in (daughter, worker):
        assert not can(actor, "view_person", person)


def test_a_denied_read_is_refused_and_audited(worker, person):
    with pytest.raises(PermissionDenied):
        selectors.person_get(actor=worker, person_id=person.pk)
    denial = AuditLog.objects.get(action=AuditAction.DENIED)
    assert (denial.actor, denial.person_id, denial.role) == (
        worker.user,
        person.pk,
        "scheme_worker",
    )


def test_every_read_of_a_record_is_audited(me, person):
    selectors.person_get(actor=me, person_id=person.pk)
    selectors.person_get(actor=me, person_id=person.pk)
    assert AuditLog.objects.filter(action=AuditAction.VIEW, person_id=person.pk).count() == 2


def test_the_person_grants_and_revokes_access(me, daughter, person):
    grant = _grant(me, person, daughter)
    assert can(daughter, "view_person", person)
    assert not can(daughter, "edit_person", person)
    services.access_revoke(actor=me, grant=grant)
    permissions.forget(daughter)  # their next request asks afresh
    assert not can(daughter, "view_person", person)
    assert AuditLog.objects.filter(target_type="accessgrant").count() == 2
    grant.refresh_from_db()
    assert grant.revoked_by == me.user


def test_scope_decides_what_a_representative_can_do(me, daughter, person):
    _grant(me, person, daughter, GrantScope.EDIT)
    assert can(daughter, "edit_person", person)
    assert not can(daughter, "manage_sharing", person)


def test_a_representative_acting_for_the_person_can_share_but_not_appoint_others(
    me, daughter, make_member, actor_for, area, person
):
    _grant(me, person, daughter, GrantScope.ACT_FOR)
    son = actor_for(make_member(Role.REPRESENTATIVE, area))
    with pytest.raises(ValidationError, match="Only the person themselves"):
        _grant(daughter, person, son, GrantScope.ACT_FOR)
    assert not AccessGrant.objects.filter(grantee=son.user).exists()
    grant = _grant(daughter, person, son, GrantScope.VIEW)
    assert can(son, "view_person", person)
    services.access_revoke(actor=daughter, grant=grant)
    permissions.forget(son)  # their next request asks afresh
    assert not can(son, "view_person", person)


def test_a_representative_cannot_take_away_another_representatives_authority(
    me, daughter, make_member, actor_for, area, person
):
    son = actor_for(make_member(Role.REPRESENTATIVE, area))
    _grant(me, person, daughter, GrantScope.ACT_FOR)
    sons_grant = _grant(me, person, son, GrantScope.ACT_FOR)
    with pytest.raises(PermissionDenied):
        services.access_revoke(actor=daughter, grant=sons_grant)


def test_a_grant_needs_a_representative_account_in_the_area(
    me, worker, person, other_area, make_member
):
    with pytest.raises(ValidationError, match="could not find"):
        services.access_grant(
            actor=me,
            person=person,
            grantee_email="nobody@example.test",
            relationship=Relationship.FRIEND,
            scope=GrantScope.VIEW,
        )
    with pytest.raises(ValidationError, match="could not find"):
        _grant(me, person, worker)  # a worker is not a representative
    elsewhere = make_member(Role.REPRESENTATIVE, other_area)
    with pytest.raises(ValidationError, match="could not find"):
        services.access_grant(
            actor=me,
            person=person,
            grantee_email=elsewhere.user.email,
            relationship=Relationship.FRIEND,
            scope=GrantScope.VIEW,
        )
    assert not AccessGrant.objects.exists()


def test_a_worker_cannot_share_a_persons_record(worker, daughter, person):
    AssignmentFactory(person=person, worker=worker.user)
    with pytest.raises(PermissionDenied):
        _grant(worker, person, daughter)


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


def test_break_glass_needs_a_written_reason(worker, person):
    with pytest.raises(ValidationError, match="at least 20 characters"):
        services.break_glass_open(actor=worker, person=person, reason="urgent")
    assert not BreakGlassAccess.objects.exists()


def test_break_glass_gives_time_limited_view_access_and_is_reported(worker, person, area):
    services.break_glass_open(
        actor=worker, person=person, reason="A&E called at 2am: needs medication list"
    )
    assert can(worker, "view_person", person)
    assert not can(worker, "edit_person", person)
    (entry,) = selectors.break_glass_report(area=area)
    assert entry.reason.startswith("A&E called")
    # The audit entry refers to the access by id; the reason (free text) stays on the access.
    audit = AuditLog.objects.get(action=AuditAction.BREAK_GLASS)
    assert (audit.target_type, audit.target_id) == ("breakglassaccess", str(entry.pk))
    assert audit.reason == "" and "A&E" not in str(audit.detail)
    BreakGlassAccess.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    permissions.forget(worker)  # their next request asks afresh
    assert not can(worker, "view_person", person)


def test_only_care_workers_can_break_glass(make_member, actor_for, area, person):
    for role in (Role.COMMISSIONER, Role.AREA_ADMIN, Role.SHARED_LIVES_CARER, Role.REPRESENTATIVE):
        actor = actor_for(make_member(role, area))
        with pytest.raises(PermissionDenied):
            services.break_glass_open(
                actor=actor, person=person, reason="I would like to see this record please"
            )


def test_updates_are_audited_with_field_names_but_never_values(me, person):
    services.person_update(
        actor=me,
        person=person,
        changes={"what_matters_to_me": "My allotment", "phone": "07700 900123"},
    )
    entry = AuditLog.objects.get(action=AuditAction.UPDATE)
    assert entry.detail == {"fields": ["phone", "what_matters_to_me"]}
    assert "allotment" not in str(entry.detail)
    assert audit_verify()[1] == []


def test_an_invalid_nhs_number_changes_nothing(me, person):
    with pytest.raises(ValidationError):
        services.person_update(
            actor=me, person=person, changes={"nhs_number": "9434765918", "what_matters_to_me": "x"}
        )
    person.refresh_from_db()
    assert person.nhs_number == "" and person.what_matters_to_me == "Seeing my sister on Sundays"


def test_a_worker_who_adds_a_person_is_allocated_to_them(worker):
    person = services.person_create(
        actor=worker, given_name="Ada", family_name="Lovelace", nhs_number="943 476 5919"
    )
    assert person.nhs_number == "9434765919"
    assert can(worker, "view_person", person)


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

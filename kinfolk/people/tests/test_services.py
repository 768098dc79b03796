"""Writes to a person's record and its sharing: who may make them, and what they leave in the
audit log. The person decides who sees their record; emergencies need a reason."""

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
from kinfolk.people.tests.factories import AssignmentFactory, grant_access


def test_the_person_grants_and_revokes_access(me, daughter, person):
    grant = grant_access(me, person, daughter)
    assert can(daughter, "view_person", person)
    assert not can(daughter, "edit_person", person)
    services.access_revoke(actor=me, grant=grant)
    permissions.forget(daughter)  # their next request asks afresh
    assert not can(daughter, "view_person", person)
    assert AuditLog.objects.filter(target_type="accessgrant").count() == 2
    grant.refresh_from_db()
    assert grant.revoked_by == me.user


def test_a_representative_acting_for_the_person_can_share_but_not_appoint_others(
    me, daughter, make_member, actor_for, area, person
):
    grant_access(me, person, daughter, GrantScope.ACT_FOR)
    son = actor_for(make_member(Role.REPRESENTATIVE, area))
    with pytest.raises(ValidationError, match="Only the person themselves"):
        grant_access(daughter, person, son, GrantScope.ACT_FOR)
    assert not AccessGrant.objects.filter(grantee=son.user).exists()
    grant = grant_access(daughter, person, son, GrantScope.VIEW)
    assert can(son, "view_person", person)
    services.access_revoke(actor=daughter, grant=grant)
    permissions.forget(son)  # their next request asks afresh
    assert not can(son, "view_person", person)


def test_a_representative_cannot_take_away_another_representatives_authority(
    me, daughter, make_member, actor_for, area, person
):
    son = actor_for(make_member(Role.REPRESENTATIVE, area))
    grant_access(me, person, daughter, GrantScope.ACT_FOR)
    sons_grant = grant_access(me, person, son, GrantScope.ACT_FOR)
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
        grant_access(me, person, worker)  # a worker is not a representative
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
        grant_access(worker, person, daughter)


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

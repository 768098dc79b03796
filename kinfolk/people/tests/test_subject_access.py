"""`kinfolk export-person` and `kinfolk erase-person`."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kinfolk.accounts.models import Role
from kinfolk.core.audit import audit_verify
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.people import selectors, services
from kinfolk.people.models import AccessGrant, GrantScope, Person, Relationship


@pytest.fixture
def shared_person(make_member, actor_for, area, person):
    me = make_member(Role.PERSON, area)
    person.user, person.nhs_number = me.user, "9434765919"
    person.save()
    daughter = make_member(Role.REPRESENTATIVE, area, display_name="Grace Okafor")
    services.access_grant(
        actor=actor_for(me),
        person=person,
        grantee_email=daughter.user.email,
        relationship=Relationship.FAMILY,
        scope=GrantScope.VIEW,
    )
    selectors.person_get(actor=actor_for(me), person_id=person.pk)
    return person


def test_export_person_writes_the_record_consents_and_audit(shared_person, tmp_path):
    out = tmp_path / "sar.json"
    call_command("export_person", str(shared_person.pk), output=str(out))
    data = json.loads(out.read_text())
    assert data["person"]["given_name"] == "Sam"
    assert data["person"]["nhs_number"] == "9434765919"
    assert [c["grantee"] for c in data["consents"]] == ["Grace Okafor"]
    assert {"create", "view"} <= {entry["action"] for entry in data["audit"]}
    assert AuditLog.objects.filter(action=AuditAction.EXPORT, person_id=shared_person.pk).exists()


def test_export_person_refuses_an_unknown_id(db):
    with pytest.raises(CommandError, match="no person"):
        call_command("export_person", "2f1c1c9e-0000-4000-8000-000000000000")
    with pytest.raises(CommandError, match="not a person id"):
        call_command("export_person", "not-a-uuid")


def test_erase_person_anonymises_and_keeps_the_audit_chain_intact(shared_person, capsys):
    entries_before = AuditLog.objects.count()
    call_command("erase_person", str(shared_person.pk), yes=True)
    person = Person.objects.get(pk=shared_person.pk)
    assert (person.given_name, person.family_name, person.nhs_number) == ("Erased", "Erased", "")
    assert person.user is None and person.erased_at is not None
    assert person.what_matters_to_me == "" and person.date_of_birth is None
    assert not AccessGrant.objects.filter(person=person, revoked_at__isnull=True).exists()
    assert AuditLog.objects.count() == entries_before + 1
    assert audit_verify()[1] == []
    assert "intact" in capsys.readouterr().out
    assert "Sam" not in json.dumps(list(AuditLog.objects.values("detail", "reason")))

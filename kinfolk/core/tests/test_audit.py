"""The audit log is append-only and hash-chained; verification catches any tampering."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from kinfolk.core.audit import audit_record, audit_verify
from kinfolk.core.models import AppendOnlyError, AuditAction, AuditLog

from .tamper import raw_as_owner


def _write_entries(actor, count=3):
    return [
        audit_record(actor=actor, action=AuditAction.VIEW, target_type="person", target_id=f"p{n}")
        for n in range(count)
    ]


def _raw(sql: str, params=()):
    """Run SQL with the append-only triggers out of the way, as an attacker with DB access."""
    raw_as_owner(connection, sql, params)


@pytest.fixture
def actor(make_member, actor_for, area):
    return actor_for(make_member("scheme_worker", area))


def test_entries_are_chained_to_the_one_before(actor):
    first, second, third = _write_entries(actor)
    assert first.previous_hash == "0" * 64
    assert second.previous_hash == first.entry_hash
    assert third.previous_hash == second.entry_hash
    assert audit_verify() == (3, [])


def test_entries_record_who_acting_as_what_where(actor, area):
    entry = audit_record(
        actor=actor, action=AuditAction.DENIED, target_type="person", target_id="x", reason="why"
    )
    assert (entry.actor, entry.role, entry.area, entry.action, entry.reason) == (
        actor.user,
        "scheme_worker",
        area,
        "denied",
        "why",
    )


def test_the_model_refuses_to_change_or_delete_an_entry(actor):
    (entry,) = _write_entries(actor, 1)
    entry.reason = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_to_change_or_delete_an_entry(actor):
    _write_entries(actor, 1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditLog.objects.update(reason="changed")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditLog.objects.all().delete()
    assert AuditLog.objects.get().reason == ""


@pytest.mark.django_db(transaction=True)
def test_verify_detects_an_edited_entry(actor):
    entries = _write_entries(actor)
    _raw("UPDATE core_auditlog SET target_id = %s WHERE sequence = %s", ["someone-else", 2])
    checked, problems = audit_verify()
    assert checked == 3
    assert [(p.sequence, p.problem) for p in problems] == [
        (2, "has been edited or forged: its keyed hash does not match")
    ]
    assert entries


@pytest.mark.django_db(transaction=True)
def test_verify_detects_a_deleted_entry(actor):
    _write_entries(actor)
    _raw("DELETE FROM core_auditlog WHERE sequence = %s", [2])
    _, problems = audit_verify()
    assert any("missing" in p.problem for p in problems)
    assert any("does not link" in p.problem for p in problems)


@pytest.mark.django_db(transaction=True)
def test_verify_detects_entries_cut_from_the_end(actor):
    _write_entries(actor)
    _raw("DELETE FROM core_auditlog WHERE sequence = %s", [3])
    _, problems = audit_verify()
    assert [p.problem for p in problems] == ["the newest entries have been removed from the end"]


@pytest.mark.django_db(transaction=True)
def test_audit_verify_command_fails_on_tampering_and_passes_otherwise(actor, capsys):
    _write_entries(actor)
    call_command("audit_verify")
    assert "3 entries, chain intact" in capsys.readouterr().out
    _raw("UPDATE core_auditlog SET reason = %s WHERE sequence = %s", ["forged", 1])
    with pytest.raises(CommandError, match="FAILED verification"):
        call_command("audit_verify")


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_fork_the_chain(actor):
    """Eight threads writing at once still produce one unbroken chain (the head row is locked)."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    def write(n):
        try:
            for i in range(10):
                audit_record(
                    actor=actor, action=AuditAction.VIEW, target_type="person", target_id=f"{n}-{i}"
                )
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(write, range(8)))
    checked, problems = audit_verify()
    assert (checked, problems) == (80, [])
    assert sorted(AuditLog.objects.values_list("sequence", flat=True)) == list(range(1, 81))

"""Tamper evidence that holds against someone who can write to the database.

Each attack is done the way a database owner would: raw SQL, with the append-only triggers
switched off or dropped first where they would get in the way.
"""

import hashlib
import hmac
import json
import sys
from datetime import datetime
from uuid import uuid4

import pytest
from django.core.checks import Tags, run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from kinfolk.core.audit import AuditChainBroken, audit_record, audit_verify
from kinfolk.core.audit_keys import DERIVED_KEY_LABEL, audit_key
from kinfolk.core.models import AuditAction, AuditChainHead, AuditLog
from kinfolk.core.tenancy import switch_role_now

from .tamper import audit_triggers_off, plain_sha256, raw_as_owner

OTHER_KEY = "a-different-audit-key-that-is-long-enough-" * 2


@pytest.fixture
def actor(make_member, actor_for, area):
    return actor_for(make_member("scheme_worker", area))


@pytest.fixture
def anchors(settings, tmp_path):
    """The anchor file for this test, in a folder that does not exist yet."""
    path = tmp_path / "anchors" / "audit-anchors.jsonl"
    settings.KINFOLK_AUDIT_ANCHOR_PATH = str(path)
    return path


def _write(actor, count=3):
    return [
        audit_record(actor=actor, action=AuditAction.VIEW, target_type="person", target_id=f"p{n}")
        for n in range(count)
    ]


def _problems() -> list[str]:
    return [problem.problem for problem in audit_verify()[1]]


def _refused(sql: str, params=()):
    """The statement fails at the database and changes nothing."""
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def _set_head(sequence: int, entry_hash: str):
    raw_as_owner(
        connection,
        "UPDATE core_auditchainhead SET sequence = %s, entry_hash = %s",
        [sequence, entry_hash],
    )


def _rewrite(sequence: int, *, key: bytes | None, **changes):
    """Change an entry and re-seal it and every later entry, then move the head to match.

    With key=None the attacker has no audit key and seals with plain SHA-256.
    """
    previous = AuditLog.objects.get(sequence=sequence - 1).entry_hash if sequence > 1 else "0" * 64
    for entry in AuditLog.objects.filter(sequence__gte=sequence).order_by("sequence"):
        for field, value in changes.items() if entry.sequence == sequence else ():
            setattr(entry, field, value)
        entry.previous_hash = previous
        entry.entry_hash = plain_sha256(entry) if key is None else entry.computed_hash(key)
        raw_as_owner(
            connection,
            f"UPDATE core_auditlog SET detail = {_json()}, previous_hash = %s, entry_hash = %s "
            "WHERE sequence = %s",
            [json.dumps(entry.detail), entry.previous_hash, entry.entry_hash, entry.sequence],
        )
        previous = entry.entry_hash
    _set_head(entry.sequence, previous)


def _json() -> str:
    return "%s::jsonb" if connection.vendor == "postgresql" else "%s"


def _insert_raw(entry: AuditLog):
    """INSERT an entry with raw SQL (the triggers allow inserts: the app needs them)."""
    detail = _json()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_auditlog (sequence, at, actor_label, role, action, target_type, "
            "target_id, reason, detail, previous_hash, entry_hash) "
            f"VALUES (%s, %s, '', '', %s, %s, %s, '', {detail}, %s, %s)",
            [
                entry.sequence,
                entry.at,
                entry.action,
                entry.target_type,
                entry.target_id,
                json.dumps(entry.detail),
                entry.previous_hash,
                entry.entry_hash,
            ],
        )


def _forge_next(*, key: bytes | None) -> AuditLog:
    head = AuditChainHead.objects.get()
    forged = AuditLog(
        sequence=head.sequence + 1,
        at=AuditLog.objects.get(sequence=head.sequence).at,
        action=AuditAction.VIEW,
        target_type="person",
        target_id="covering-my-tracks",
        detail={},
        previous_hash=head.entry_hash,
    )
    forged.entry_hash = plain_sha256(forged) if key is None else forged.computed_hash(key)
    _insert_raw(forged)
    _set_head(forged.sequence, forged.entry_hash)
    return forged


# --- the keyed seal ----------------------------------------------------------------------


def test_each_entry_is_sealed_with_a_keyed_hmac_not_a_plain_hash(actor):
    (entry,) = _write(actor, 1)
    expected = hmac.new(audit_key(), entry.canonical(), hashlib.sha256).hexdigest()
    assert entry.entry_hash == expected
    assert entry.entry_hash != plain_sha256(entry)


def test_the_log_does_not_verify_under_a_different_key(actor, settings):
    _write(actor, 2)
    assert audit_verify() == (2, [])
    settings.KINFOLK_AUDIT_KEY = OTHER_KEY
    assert _problems() == ["has been edited or forged: its keyed hash does not match"] * 2


def test_the_key_comes_from_the_setting_when_given(settings):
    settings.KINFOLK_AUDIT_KEY = OTHER_KEY
    assert audit_key() == OTHER_KEY.encode()


def test_outside_production_the_key_is_derived_from_the_secret_key_with_a_label(settings):
    settings.KINFOLK_AUDIT_KEY = ""
    derived = audit_key()
    assert derived == hmac.new(settings.SECRET_KEY.encode(), DERIVED_KEY_LABEL, "sha256").digest()
    assert b"local, test and demo use only" in DERIVED_KEY_LABEL
    settings.SECRET_KEY = "another-secret-" + "y" * 40
    assert audit_key() != derived


def test_production_refuses_to_seal_without_an_audit_key(settings):
    settings.KINFOLK_ENVIRONMENT, settings.KINFOLK_AUDIT_KEY = "production", ""
    with pytest.raises(ImproperlyConfigured, match="KINFOLK_AUDIT_KEY"):
        audit_key()


@pytest.mark.parametrize(
    ("key", "check_id"),
    [("", "E001"), ("too-short", "E002"), ("SECRET", "E003")],
)
def test_the_system_check_fails_in_production_without_a_proper_audit_key(settings, key, check_id):
    settings.KINFOLK_ENVIRONMENT = "production"
    settings.KINFOLK_AUDIT_KEY = settings.SECRET_KEY if key == "SECRET" else key
    errors = [
        message
        for message in run_checks(tags=[Tags.security])
        if message.id.startswith("kinfolk.audit.")
    ]
    assert [message.id for message in errors] == [f"kinfolk.audit.{check_id}"]
    assert "KINFOLK_AUDIT_KEY" in errors[0].msg


def test_the_system_check_is_quiet_with_a_proper_key_or_outside_production(settings):
    settings.KINFOLK_AUDIT_KEY = ""
    assert not [m for m in run_checks(tags=[Tags.security]) if m.id.startswith("kinfolk.audit.")]
    settings.KINFOLK_ENVIRONMENT, settings.KINFOLK_AUDIT_KEY = "production", OTHER_KEY
    assert not [m for m in run_checks(tags=[Tags.security]) if m.id.startswith("kinfolk.audit.")]


def test_production_settings_refuse_to_start_without_an_audit_key():
    from .test_security_settings import _manage

    result = _manage(
        "check",
        "--deploy",
        DJANGO_SETTINGS_MODULE="kinfolk.config.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "k3y" * 20,
        KINFOLK_AUDIT_KEY="",
    )
    assert result.returncode != 0 and "KINFOLK_AUDIT_KEY" in result.stderr


# --- the database refuses changes ----------------------------------------------------------


def test_the_database_refuses_to_change_an_entry(actor):
    _write(actor, 2)
    _refused("UPDATE core_auditlog SET reason = 'changed' WHERE sequence = 1")
    assert AuditLog.objects.get(sequence=1).reason == ""


def test_the_database_refuses_to_delete_an_entry(actor):
    _write(actor, 2)
    _refused("DELETE FROM core_auditlog WHERE sequence = 2")
    assert AuditLog.objects.count() == 2


def test_the_database_refuses_to_empty_the_log(actor):
    _write(actor, 2)
    if connection.vendor == "postgresql":
        _refused("TRUNCATE core_auditlog CASCADE")
    # SQLite has no TRUNCATE: an unqualified DELETE is its equivalent.
    _refused("DELETE FROM core_auditlog")
    assert AuditLog.objects.count() == 2


def test_the_database_refuses_to_remove_the_chain_head(actor):
    _write(actor, 1)
    _refused("DELETE FROM core_auditchainhead")
    if connection.vendor == "postgresql":
        _refused("TRUNCATE core_auditchainhead")
    assert AuditChainHead.objects.get().sequence == 1


def test_the_chain_head_only_moves_forward_to_the_newest_entry(actor):
    first, second = _write(actor, 2)
    _refused("UPDATE core_auditchainhead SET sequence = 1, entry_hash = %s", [first.entry_hash])
    _refused("UPDATE core_auditchainhead SET sequence = 3, entry_hash = %s", ["f" * 64])
    _refused("UPDATE core_auditchainhead SET entry_hash = %s", ["f" * 64])
    head = AuditChainHead.objects.get()
    assert (head.sequence, head.entry_hash) == (2, second.entry_hash)


def test_the_database_accepts_inserts_so_a_forged_insert_must_be_caught_by_its_seal(actor):
    _write(actor, 2)
    forged = _forge_next(key=None)
    assert AuditLog.objects.filter(sequence=forged.sequence).exists()
    assert _problems() == ["has been edited or forged: its keyed hash does not match"]


# --- attacks, with and without an anchor ---------------------------------------------------


def test_an_untouched_log_verifies_against_the_latest_anchor(actor, anchors, capsys):
    _write(actor, 3)
    call_command("audit_anchor")
    _write(actor, 1)
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "4 entries, chain intact" in out
    assert "matches the anchor of entry 3" in out


def test_rewriting_an_entry_with_plain_sha256_is_caught(actor, anchors):
    _write(actor, 3)
    call_command("audit_anchor")
    _rewrite(2, key=None, detail={"fields": ["nothing to see"]})
    assert "has been edited or forged: its keyed hash does not match" in _problems()
    anchors.unlink()
    assert "has been edited or forged: its keyed hash does not match" in _problems()


def test_cutting_off_the_tail_is_caught_by_the_anchor(actor, anchors):
    entries = _write(actor, 3)
    call_command("audit_anchor")
    raw_as_owner(connection, "DELETE FROM core_auditlog WHERE sequence = 3")
    _set_head(2, entries[1].entry_hash)
    assert _problems() == [
        "the log ends at entry 2 but entry 3 was anchored: entries have been removed from the end"
    ]


def test_without_an_anchor_a_cut_tail_with_a_moved_head_goes_unseen(actor, anchors):
    """Why anchors exist: the database alone cannot prove its own tail is complete."""
    entries = _write(actor, 3)
    raw_as_owner(connection, "DELETE FROM core_auditlog WHERE sequence = 3")
    _set_head(2, entries[1].entry_hash)
    assert _problems() == []


def test_appending_a_forged_entry_is_caught(actor, anchors):
    _write(actor, 3)
    call_command("audit_anchor")
    _forge_next(key=None)
    assert _problems() == ["has been edited or forged: its keyed hash does not match"]


def test_emptying_the_log_and_starting_again_is_caught_by_the_anchor(actor, anchors):
    _write(actor, 3)
    call_command("audit_anchor")
    raw_as_owner(connection, "DELETE FROM core_auditlog")
    _set_head(0, "0" * 64)
    assert _problems() == [
        "the log ends at entry 0 but entry 3 was anchored: entries have been removed from the end"
    ]


def test_emptying_the_log_and_its_head_is_caught(actor, anchors):
    _write(actor, 3)
    call_command("audit_anchor")
    raw_as_owner(connection, "DELETE FROM core_auditlog")
    raw_as_owner(connection, "DELETE FROM core_auditchainhead")
    problems = _problems()
    assert "the chain head is missing: it has been deleted" in problems
    assert len(problems) == 2


@pytest.mark.postgres_only
def test_truncating_the_log_as_its_owner_is_caught_by_the_anchor(actor, anchors):
    _write(actor, 3)
    call_command("audit_anchor")
    raw_as_owner(connection, "TRUNCATE core_auditlog, core_auditchainhead")
    assert "the chain head is missing: it has been deleted" in _problems()
    assert any("entry 3 was anchored" in problem for problem in _problems())


def test_an_insider_with_the_key_who_rewrites_an_anchored_entry_is_caught(actor, anchors):
    _write(actor, 3)
    call_command("audit_anchor")
    _rewrite(2, key=audit_key(), detail={"fields": ["nothing to see"]})
    assert _problems() == ["does not match the anchor: the entry was rewritten after anchoring"]


def test_a_missing_head_is_a_failure_and_nothing_more_is_recorded(actor):
    _write(actor, 2)
    raw_as_owner(connection, "DELETE FROM core_auditchainhead")
    assert _problems() == ["the chain head is missing: it has been deleted"]
    with pytest.raises(AuditChainBroken, match="audit-verify"):
        _write(actor, 1)
    assert AuditLog.objects.count() == 2


def test_a_missing_head_on_an_empty_log_is_a_failure(db):
    raw_as_owner(connection, "DELETE FROM core_auditchainhead")
    assert _problems() == ["the chain head is missing: it has been deleted"]


def test_an_unreadable_latest_anchor_is_a_failure(actor, anchors):
    _write(actor, 1)
    call_command("audit_anchor")
    with anchors.open("a") as file:
        file.write("not json\n")
    assert _problems() == [f"the latest anchor in {anchors} cannot be read"]


# --- the commands --------------------------------------------------------------------------


def test_audit_anchor_appends_one_json_line_per_anchor(actor, anchors, capsys):
    first, second = _write(actor, 2)
    call_command("audit_anchor")
    (third,) = _write(actor, 1)
    call_command("audit_anchor")
    lines = [json.loads(line) for line in anchors.read_text().splitlines()]
    assert [(line["sequence"], line["hash"]) for line in lines] == [
        (2, second.entry_hash),
        (3, third.entry_hash),
    ]
    assert all(datetime.fromisoformat(line["at"]).tzinfo for line in lines)
    assert f"Anchored entry 3 in {anchors}" in capsys.readouterr().out


def test_audit_anchor_refuses_to_anchor_a_tampered_log(actor, anchors):
    _write(actor, 2)
    _rewrite(2, key=None, detail={"fields": ["nothing to see"]})
    with pytest.raises(CommandError, match="Not anchored"):
        call_command("audit_anchor")
    assert not anchors.exists()


def test_the_commands_exit_non_zero_with_a_clear_message(actor, anchors, capsys, monkeypatch):
    from django.core.management import base

    from kinfolk.cli import main

    # A real run closes its database connections at exit; this test's transaction needs it open.
    monkeypatch.setattr(base.connections, "close_all", lambda: None)
    _write(actor, 2)
    _rewrite(2, key=None, detail={"fields": ["nothing to see"]})
    for command in ("audit-verify", "audit-anchor"):
        monkeypatch.setattr(sys, "argv", ["kinfolk", command])
        with pytest.raises(SystemExit) as exit_:
            main()
        assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "Audit log FAILED verification" in err
    assert "Not anchored" in err


# --- the application's database role (PostgreSQL) ------------------------------------------


@pytest.mark.postgres_only
def test_the_app_role_can_only_insert_and_read_the_audit_log(actor):
    """The SQL in docs/deployment.md, run for real: the app role cannot rewrite history."""
    from .test_deployment_docs import database_roles_sql

    _write(actor, 1)
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")  # as the owner: the suite runs as a plain role (ADR 0023)
        cursor.execute("SELECT current_user, current_database()")
        owner, database = cursor.fetchone()
        app = f"kinfolk_app_test_{uuid4().hex}"
        for statement in database_roles_sql(app_role=app, owner_role=owner, database=database):
            cursor.execute(statement)
        # A table a later migration adds gets the everyday grants by default.
        cursor.execute("CREATE TABLE core_added_later (id integer)")
        cursor.execute(f"SET ROLE {app}")
    try:
        entry = _write(actor, 1)[0]
        assert AuditLog.objects.filter(sequence=entry.sequence).exists()
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO core_added_later VALUES (1)")
            cursor.execute("DELETE FROM core_added_later")
        for statement in (
            "UPDATE core_auditlog SET reason = 'changed'",
            "DELETE FROM core_auditlog",
            "TRUNCATE core_auditlog",
            "DELETE FROM core_auditchainhead",
            "TRUNCATE core_auditchainhead",
            "INSERT INTO core_auditchainhead (id, sequence, entry_hash) VALUES (2, 0, '')",
        ):
            with pytest.raises(DatabaseError, match="permission denied"), transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(statement)
        # The head may be updated, but its trigger only lets it move forward.
        _refused("UPDATE core_auditchainhead SET sequence = 1")
        assert audit_verify() == (2, [])
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")
        switch_role_now(connection)


# --- moving an existing log from plain SHA-256 to the keyed seal ------------------------------


def _legacy_chain(actor, count=3):
    """Entries as the old code wrote them: sealed with plain SHA-256."""
    _write(actor, count)
    with audit_triggers_off(connection):
        previous = "0" * 64
        for entry in AuditLog.objects.order_by("sequence"):
            entry.previous_hash = previous
            entry.entry_hash = plain_sha256(entry)
            AuditLog.objects.filter(pk=entry.pk).update(
                previous_hash=entry.previous_hash, entry_hash=entry.entry_hash
            )
            previous = entry.entry_hash
        AuditChainHead.objects.update(entry_hash=previous)


def _run_rechain_migration():
    import importlib
    from types import SimpleNamespace

    from django.apps import apps

    migration = importlib.import_module("kinfolk.core.migrations.0003_audit_keyed_hmac_rechain")
    # As before migration 0004, which added the triggers this migration predates.
    with audit_triggers_off(connection):
        migration.forwards(apps, SimpleNamespace(connection=connection))


def test_the_migration_reseals_an_intact_legacy_log_with_the_key(actor):
    _legacy_chain(actor)
    assert len(_problems()) == 3
    _run_rechain_migration()
    assert audit_verify() == (3, [])


def test_the_migration_refuses_to_reseal_a_legacy_log_that_was_tampered_with(actor):
    _legacy_chain(actor)
    raw_as_owner(connection, "UPDATE core_auditlog SET target_id = 'x' WHERE sequence = 2")
    with pytest.raises(RuntimeError, match="failed verification"):
        _run_rechain_migration()

"""The database itself keeps the audit log append-only, on PostgreSQL and SQLite (ADR 0004).

- Audit entries: UPDATE, DELETE and (PostgreSQL) TRUNCATE are refused. Inserts are allowed:
  the application appends, and a forged insert fails verification without the audit key.
- The chain head: DELETE and TRUNCATE are refused, and an UPDATE must move it forward by
  exactly one, to an entry that exists with that hash. That is all `audit_record` does.

A database owner can still switch these off (and the test suite's flush does, see
kinfolk/conftest.py); the keyed hashes and the anchors outside the database catch what they
do then.
"""

from django.db import migrations

HEAD_MOVES_FORWARD = (
    "NEW.sequence = OLD.sequence + 1 AND NEW.entry_hash = "
    "COALESCE((SELECT entry_hash FROM core_auditlog WHERE sequence = NEW.sequence), '')"
)

POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION core_audit_refuse() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER core_auditlog_no_truncate BEFORE TRUNCATE ON core_auditlog
       FOR EACH STATEMENT EXECUTE FUNCTION core_audit_refuse();""",
    f"""CREATE OR REPLACE FUNCTION core_auditchainhead_forward_only() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND {HEAD_MOVES_FORWARD} THEN RETURN NEW; END IF;
         RAISE EXCEPTION 'the audit chain head only moves forward to the newest entry: % refused',
           TG_OP;
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER core_auditchainhead_forward_only BEFORE UPDATE OR DELETE
       ON core_auditchainhead FOR EACH ROW EXECUTE FUNCTION core_auditchainhead_forward_only();""",
    """CREATE TRIGGER core_auditchainhead_no_truncate BEFORE TRUNCATE ON core_auditchainhead
       FOR EACH STATEMENT EXECUTE FUNCTION core_audit_refuse();""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS core_auditchainhead_no_truncate ON core_auditchainhead;",
    "DROP TRIGGER IF EXISTS core_auditchainhead_forward_only ON core_auditchainhead;",
    "DROP FUNCTION IF EXISTS core_auditchainhead_forward_only();",
    "DROP TRIGGER IF EXISTS core_auditlog_no_truncate ON core_auditlog;",
    "DROP FUNCTION IF EXISTS core_audit_refuse();",
]

SQLITE_UP = [
    """CREATE TRIGGER core_auditlog_no_update BEFORE UPDATE ON core_auditlog
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE refused'); END;""",
    """CREATE TRIGGER core_auditlog_no_delete BEFORE DELETE ON core_auditlog
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE refused'); END;""",
    f"""CREATE TRIGGER core_auditchainhead_forward_only BEFORE UPDATE ON core_auditchainhead
       WHEN NOT ({HEAD_MOVES_FORWARD})
       BEGIN SELECT RAISE(ABORT, 'the audit chain head only moves forward to the newest entry');
       END;""",
    """CREATE TRIGGER core_auditchainhead_no_delete BEFORE DELETE ON core_auditchainhead
       BEGIN SELECT RAISE(ABORT, 'the audit chain head cannot be deleted'); END;""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS core_auditchainhead_no_delete;",
    "DROP TRIGGER IF EXISTS core_auditchainhead_forward_only;",
    "DROP TRIGGER IF EXISTS core_auditlog_no_delete;",
    "DROP TRIGGER IF EXISTS core_auditlog_no_update;",
]
STATEMENTS = {"postgresql": (POSTGRES_UP, POSTGRES_DOWN), "sqlite": (SQLITE_UP, SQLITE_DOWN)}


def _run(schema_editor, index: int):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[index]:
        # No parameters: the trigger bodies contain % placeholders of their own.
        schema_editor.execute(statement, params=None)


def forwards(apps, schema_editor):
    _run(schema_editor, 0)


def backwards(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_audit_keyed_hmac_rechain")]
    operations = [migrations.RunPython(forwards, backwards)]

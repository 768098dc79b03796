"""What a database owner can do that the application cannot: switch the audit triggers off.

Used by the tamper tests (to act as an attacker who owns the database) and by the test
suite's flush between transactional tests (kinfolk/conftest.py).
"""

import hashlib
from contextlib import contextmanager

from .plain_role import as_owner

AUDIT_TABLES = ("core_auditlog", "core_auditchainhead")
# The budgets ledger is append-only the same way (kinfolk/budgets/ledger_sql.py, ADR 0032); the
# flush between transactional tests empties it too.
APPEND_ONLY_TABLES = (*AUDIT_TABLES, "budgets_movement", "budgets_entry")


@contextmanager
def audit_triggers_off(connection):
    """Switch the append-only triggers off for the duration, as the tables' owner can."""
    if connection.vendor == "postgresql":
        # ALTER TABLE waits for no one, but refuses while deferred foreign-key checks are
        # pending in this transaction: run them first.
        connection.check_constraints()
        with as_owner(connection):
            with connection.cursor() as cursor:
                for table in APPEND_ONLY_TABLES:
                    cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            try:
                yield
            finally:
                connection.check_constraints()
                with connection.cursor() as cursor:
                    for table in APPEND_ONLY_TABLES:
                        cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        return
    # SQLite cannot disable a trigger: the owner drops it and puts it back afterwards.
    with connection.cursor() as cursor:
        placeholders = ", ".join("%s" for _ in APPEND_ONLY_TABLES)
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            f"AND tbl_name IN ({placeholders})",
            APPEND_ONLY_TABLES,
        )
        triggers = cursor.fetchall()
        for name, _ in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for _, sql in triggers:
                cursor.execute(sql)


def raw_as_owner(connection, sql: str, params=()):
    """Run SQL with the append-only triggers out of the way, as an attacker who owns the DB."""
    with audit_triggers_off(connection), connection.cursor() as cursor:
        cursor.execute(sql, params)


def plain_sha256(entry) -> str:
    """The hash an attacker without the audit key would compute for an entry."""
    return hashlib.sha256(entry.canonical()).hexdigest()

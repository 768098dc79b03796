"""PostgreSQL itself refuses to change or delete audit entries (defence in depth).

Only on PostgreSQL, the production database: SQLite (the embedded demo database) cannot
TRUNCATE, so a row trigger there would also block the test suite's flushes. The model
guards against changes on both (ADR 0004).
"""

from django.db import migrations

POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION core_auditlog_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER core_auditlog_append_only BEFORE UPDATE OR DELETE ON core_auditlog
       FOR EACH ROW EXECUTE FUNCTION core_auditlog_append_only();""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS core_auditlog_append_only ON core_auditlog;",
    "DROP FUNCTION IF EXISTS core_auditlog_append_only();",
]
STATEMENTS = {"postgresql": (POSTGRES_UP, POSTGRES_DOWN)}


def _run(apps, schema_editor, index: int):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[index]:
        schema_editor.execute(statement)


def forwards(apps, schema_editor):
    _run(apps, schema_editor, 0)


def backwards(apps, schema_editor):
    _run(apps, schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]

"""The database refuses an arrangement the rules forbid, on PostgreSQL and SQLite (ADR 0030).

Places in use are no longer a number kept by the services: they are counted from active
arrangements that take a place. The triggers (kinfolk/sharedlives/integrity.py) refuse an
arrangement without an agreed introduction between the same sides, with a household that is
not approved now, or beyond the household's places; and fewer places than people living there.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from kinfolk.sharedlives.integrity import install_rules

    # On SQLite the triggers are made after the whole `migrate` (post_migrate): a later
    # migration that rebuilds a table they read would fail with them in place.
    if schema_editor.connection.vendor != "sqlite":
        install_rules(schema_editor.connection)


def backwards(apps, schema_editor):
    from kinfolk.sharedlives.integrity import drop_rules

    drop_rules(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("sharedlives", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(
            model_name="carer",
            name="carer_places_in_use_within_places",
        ),
        migrations.RemoveField(
            model_name="carer",
            name="places_in_use",
        ),
        migrations.RunPython(forwards, backwards),
    ]

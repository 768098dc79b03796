"""Synonyms on taxonomy terms, and the words search index: PostgreSQL full-text (GIN) and
pg_trgm (GIN trigram) indexes, or SQLite FTS5 tables kept in step by triggers."""

from django.db import migrations, models


def create_index(apps, schema_editor):
    from kinfolk.directory.search import ensure_index

    ensure_index(schema_editor.connection)


def drop_index(apps, schema_editor):
    from kinfolk.directory.search import drop_index

    drop_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_listing_decision_reason"),
    ]

    operations = [
        migrations.AddField(
            model_name="taxonomyterm",
            name="synonyms",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(create_index, drop_index),
    ]

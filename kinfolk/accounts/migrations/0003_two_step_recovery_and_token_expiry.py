import secrets
from datetime import timedelta

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import kinfolk.accounts.models


def stamps_and_expiries(apps, schema_editor):
    """Every user gets their own security stamp; old tokens expire 90 days after creation."""
    User = apps.get_model("accounts", "User")
    for user in User.objects.all():
        User.objects.filter(pk=user.pk).update(security_stamp=secrets.token_hex(16))
    ApiToken = apps.get_model("accounts", "ApiToken")
    for token in ApiToken.objects.all():
        ApiToken.objects.filter(pk=token.pk).update(
            expires_at=token.created_at + timedelta(days=90)
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="security_stamp",
            field=models.CharField(default=kinfolk.accounts.models.new_security_stamp, max_length=32),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(stamps_and_expiries, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(),
        ),
        migrations.CreateModel(
            name="RecoveryCode",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code_hash", models.CharField(max_length=64, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("used_at", models.DateTimeField(blank=True, null=True)),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="recovery_codes",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
        ),
    ]

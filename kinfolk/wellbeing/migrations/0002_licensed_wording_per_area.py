"""Licensed wording belongs to the area that loaded it.

Wording loaded before this (for everyone) is kept for the area only when there is exactly one
area, since then it can only have been that area's; otherwise it is removed and each area
loads its own with `kinfolk load-swemwbs FILE --licensee NAME --area SLUG`."""

import django.db.models.deletion
from django.db import migrations, models


def give_wording_to_its_area(apps, schema_editor):
    Area = apps.get_model("core", "Area")
    LicensedWording = apps.get_model("wellbeing", "LicensedWording")
    areas = list(Area.objects.all()[:2])
    if len(areas) == 1:
        LicensedWording.objects.update(area=areas[0])
    else:
        LicensedWording.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_audit_append_only"),
        ("wellbeing", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="licensedwording",
            name="measure",
            field=models.CharField(max_length=20),
        ),
        migrations.AddField(
            model_name="licensedwording",
            name="area",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.area",
            ),
        ),
        migrations.RunPython(give_wording_to_its_area, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="licensedwording",
            name="area",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.area"
            ),
        ),
        migrations.AddConstraint(
            model_name="licensedwording",
            constraint=models.UniqueConstraint(
                fields=("area", "measure"), name="one_wording_per_area"
            ),
        ),
    ]

"""NHS numbers typed in full-width (or other Unicode) digits were stored as typed: store the
same number in the digits 0 to 9, so it matches a search or another system's record."""

from django.db import migrations

from kinfolk.people.nhs_number import normalise_nhs_number


def nhs_numbers_in_ascii_digits(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    for person in Person.objects.exclude(nhs_number="").only("pk", "nhs_number").iterator():
        normalised = normalise_nhs_number(person.nhs_number)
        if normalised != person.nhs_number:
            Person.objects.filter(pk=person.pk).update(nhs_number=normalised)


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(nhs_numbers_in_ascii_digits, migrations.RunPython.noop)]

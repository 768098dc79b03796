"""`kinfolk export-person <id>`: everything held about a person, as JSON."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from kinfolk.people.models import Person
from kinfolk.people.subject_access import person_export


def person_by_id(person_id: str) -> Person:
    try:
        person = Person.objects.select_related("area").filter(pk=person_id).first()
    except Exception as error:  # a malformed UUID
        raise CommandError(f"'{person_id}' is not a person id.") from error
    if person is None:
        raise CommandError(f"There is no person with id {person_id}.")
    return person


class Command(BaseCommand):
    help = "Write everything held about a person (record, consents, audit entries) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("person_id")
        parser.add_argument("--output", "-o", help="File to write (default: standard output)")

    def handle(self, *args, person_id, output=None, **options):
        data = person_export(person=person_by_id(person_id))
        text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(
                f"Wrote {len(data['audit'])} audit entries and the record to {output}."
            )
        else:
            sys.stdout.write(text + "\n")

"""`kinfolk erase-person <id>`: anonymise a person while keeping the audit log intact."""

from django.core.management.base import BaseCommand

from kinfolk.core.audit import audit_verify
from kinfolk.people.management.commands.export_person import person_by_id
from kinfolk.people.subject_access import person_erase


class Command(BaseCommand):
    help = "Anonymise a person's record. The audit log holds no personal details and is kept."

    def add_arguments(self, parser):
        parser.add_argument("person_id")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation")

    def handle(self, *args, person_id, yes=False, **options):
        person = person_by_id(person_id)
        if person.erased_at:
            self.stdout.write(f"Person {person.pk} was already erased.")
            return
        if not yes and options.get("interactive", True):
            answer = input(
                f"Erase {person.full_name} ({person.pk})? This cannot be undone. "
                "Type 'erase' to continue: "
            )
            if answer.strip().lower() != "erase":
                self.stdout.write("Nothing was changed.")
                return
        person_erase(person=person)
        checked, problems = audit_verify()
        self.stdout.write(
            f"Erased person {person.pk}. Audit log: {checked} entries, "
            f"{'intact' if not problems else 'PROBLEMS FOUND'}."
        )

"""`kinfolk audit-verify`: prove the audit log has not been edited or cut."""

from django.core.management.base import BaseCommand, CommandError

from kinfolk.core.audit import audit_verify


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log; exits non-zero if any entry was tampered with."

    def handle(self, *args, **options):
        checked, problems = audit_verify()
        for problem in problems:
            self.stderr.write(f"Entry {problem.sequence}: {problem.problem}")
        if problems:
            raise CommandError(
                f"Audit log FAILED verification: {len(problems)} problem(s) in {checked} entries."
            )
        self.stdout.write(f"Audit log verified: {checked} entries, chain intact.")

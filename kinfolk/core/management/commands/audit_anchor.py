"""`kinfolk audit-anchor`: record the audit log's head outside the database."""

from django.core.management.base import BaseCommand, CommandError

from kinfolk.core.audit import audit_anchor


class Command(BaseCommand):
    help = (
        "Verify the audit log, then append its newest entry's sequence, hash and the time as "
        "one JSON line to KINFOLK_AUDIT_ANCHOR_PATH (a write-once store in production)."
    )

    def handle(self, *args, **options):
        anchor, report = audit_anchor()
        for problem in report.problems:
            self.stderr.write(f"Entry {problem.sequence}: {problem.problem}")
        if anchor is None:
            raise CommandError(
                f"Not anchored: the audit log FAILED verification with {len(report.problems)} "
                "problem(s), and anchoring it would vouch for the tampering. Investigate first."
            )
        self.stdout.write(f"Anchored entry {anchor.sequence} in {report.anchor_path}.")

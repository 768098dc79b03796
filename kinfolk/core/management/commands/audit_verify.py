"""`kinfolk audit-verify`: prove the audit log has not been edited, forged or cut short."""

from django.core.management.base import BaseCommand, CommandError

from kinfolk.core.audit import audit_report


class Command(BaseCommand):
    help = (
        "Verify every audit entry's keyed hash and link, the chain head, and the latest anchor; "
        "exits non-zero if anything was tampered with."
    )

    def handle(self, *args, **options):
        report = audit_report()
        for problem in report.problems:
            self.stderr.write(f"Entry {problem.sequence}: {problem.problem}")
        if report.problems:
            raise CommandError(
                f"Audit log FAILED verification: {len(report.problems)} problem(s) in "
                f"{report.checked} entries. Treat the log as tampered with: keep the database "
                "and the anchor file as they are, and investigate."
            )
        self.stdout.write(f"Audit log verified: {report.checked} entries, chain intact.")
        if report.anchor is None:
            self.stdout.write(
                f"No anchor in {report.anchor_path} yet: run `kinfolk audit-anchor` so that "
                "entries cut from the end can be noticed."
            )
        else:
            self.stdout.write(
                f"The log matches the anchor of entry {report.anchor.sequence} "
                f"written at {report.anchor.at}."
            )

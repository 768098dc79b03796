"""Writes for the scheme as a whole: recording that its report left Kinfolk."""

from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction


def scheme_report_exported(*, actor, lines: int) -> None:
    """The scheme report leaves Kinfolk as a CSV: record who took it."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        target_type="shared_lives_scheme_report",
        detail={"lines": lines},
    )

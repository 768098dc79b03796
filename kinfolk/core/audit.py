"""The auditor: the one way anything is written to the audit log, and the way it is verified.

Chosen over signal-based history because signals miss bulk updates and reads. Each entry is
sealed with HMAC-SHA256 under a key kept outside the database, and `audit-anchor` records the
head outside the database so a shortened log is noticed too (ADR 0004, docs/deployment.md).
"""

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

from .audit_keys import audit_key
from .models import AuditAction, AuditChainHead, AuditLog

GENESIS_HASH = "0" * 64
HEAD_ID = 1
FORGED = "has been edited or forged: its keyed hash does not match"


class AuditChainBroken(Exception):
    """The audit log cannot be appended to safely: its chain head has gone."""


# What an audit entry may hold as text: ids, codes, counts, ISO dates. No spaces, no "@", no
# capitals: so no sentence, no email and no name can get in (the log is kept for ever; ADR 0015).
CODE = re.compile(r"[a-z0-9_.:+-]{0,64}")


class NotACode(ValueError):
    """An audit entry was given free text; keep it in its own table and refer to it by id."""


def _must_be_codes(value, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _must_be_codes(key, where)
            _must_be_codes(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for item in value:
            _must_be_codes(item, where)
    elif isinstance(value, str) and not CODE.fullmatch(value):
        raise NotACode(f"Audit {where} must be an id or a short code, not free text.")
    elif not isinstance(value, str | int | float | bool | UUID | type(None)):
        raise NotACode(f"Audit {where} must be an id or a short code, not a {type(value)}.")


def audit_record(
    *,
    actor,
    action: str,
    target_type: str,
    target_id: object = "",
    person_id: UUID | None = None,
    reason: str = "",
    detail: dict | None = None,
    area=None,
) -> AuditLog:
    """Append one entry to the audit log, chained to the entry before it."""
    user = getattr(actor, "user", None)
    target_id = str(target_id)
    for where, value in {"target_type": target_type, "target_id": target_id, "reason": reason,
                         "detail": detail or {}}.items():  # fmt: skip
        _must_be_codes(value, where)
    key = audit_key()
    with transaction.atomic():
        head = _locked_chain_head()
        entry = AuditLog(
            sequence=head.sequence + 1,
            at=timezone.now(),
            actor=user if user is not None and user.pk else None,
            actor_label="",  # who acted is the actor's id; never their email or name
            role=getattr(actor, "role", "") or "",
            area=area if area is not None else getattr(actor, "area", None),
            action=AuditAction(action),
            target_type=target_type,
            target_id=target_id,
            person_id=person_id,
            reason=reason,
            detail=detail or {},
            previous_hash=head.entry_hash,
        )
        entry.entry_hash = entry.computed_hash(key)
        entry.save(force_insert=True)
        head.sequence, head.entry_hash = entry.sequence, entry.entry_hash
        head.save(update_fields=["sequence", "entry_hash"])
    return entry


def audit_list_view(*, actor, target_type: str, count: int) -> None:
    """A page that lists people (names only) is a read too: one entry per list shown."""
    if count:
        audit_record(
            actor=actor, action=AuditAction.VIEW, target_type=target_type, detail={"count": count}
        )


def _locked_chain_head() -> AuditChainHead:
    """The chain head, locked so concurrent writers append one after another."""
    head = AuditChainHead.objects.select_for_update().filter(pk=HEAD_ID).first()
    if head is None:
        raise AuditChainBroken(
            "The audit log's chain head is missing, so nothing more can be recorded. "
            "Run `kinfolk audit-verify` and restore the database from a backup."
        )
    return head


def start_chain(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the chain head of an empty audit log (run by `migrate`); never once it has entries."""
    connection = connections[using]
    if AuditChainHead._meta.db_table not in connection.introspection.table_names():
        return
    heads, entries = AuditChainHead.objects.using(using), AuditLog.objects.using(using)
    if not heads.exists() and not entries.exists():
        heads.create(pk=HEAD_ID, sequence=0, entry_hash=GENESIS_HASH)


@dataclass(frozen=True)
class AuditProblem:
    sequence: int
    problem: str


@dataclass(frozen=True)
class Anchor:
    """The head as `audit-anchor` recorded it outside the database."""

    sequence: int
    hash: str
    at: str


@dataclass
class AuditReport:
    """What `audit-verify` found: entries checked, problems, and the anchor checked against."""

    checked: int = 0
    last_sequence: int = 0
    last_hash: str = GENESIS_HASH
    anchor: Anchor | None = None
    anchor_path: Path | None = None
    problems: list[AuditProblem] = field(default_factory=list)

    def problem(self, sequence: int, problem: str) -> None:
        self.problems.append(AuditProblem(sequence, problem))


def audit_verify() -> tuple[int, list[AuditProblem]]:
    """Check every entry's seal and link, the head and the latest anchor; count and problems."""
    report = audit_report()
    return report.checked, report.problems


def audit_report() -> AuditReport:
    """Verify the whole log with the audit key, then against the latest anchor."""
    report = AuditReport(anchor_path=anchor_path())
    anchored_hash = _check_chain(report, _latest_anchor(report))
    _check_head(report)
    _check_against_anchor(report, anchored_hash)
    return report


def _check_chain(report: AuditReport, anchor: Anchor | None) -> str | None:
    """Recompute every seal in order; returns the seal found at the anchored sequence, if any."""
    key, anchored_hash = audit_key(), None
    expected_previous, expected_sequence = GENESIS_HASH, 1
    for entry in AuditLog.objects.order_by("sequence").iterator(chunk_size=2000):
        report.checked += 1
        if entry.sequence != expected_sequence:
            report.problem(
                entry.sequence, f"entries {expected_sequence}..{entry.sequence - 1} are missing"
            )
        if entry.previous_hash != expected_previous:
            report.problem(entry.sequence, "does not link to the entry before it")
        if entry.computed_hash(key) != entry.entry_hash:
            report.problem(entry.sequence, FORGED)
        if anchor is not None and entry.sequence == anchor.sequence:
            anchored_hash = entry.entry_hash
        expected_previous, expected_sequence = entry.entry_hash, entry.sequence + 1
    report.last_sequence, report.last_hash = expected_sequence - 1, expected_previous
    report.anchor = anchor
    return anchored_hash


def _check_head(report: AuditReport) -> None:
    head = AuditChainHead.objects.filter(pk=HEAD_ID).first()
    if head is None:
        report.problem(0, "the chain head is missing: it has been deleted")
    elif (head.sequence, head.entry_hash) != (report.last_sequence, report.last_hash):
        report.problem(head.sequence, "the newest entries have been removed from the end")


def _check_against_anchor(report: AuditReport, anchored_hash: str | None) -> None:
    anchor = report.anchor
    if anchor is None or anchor.sequence == 0:
        return
    if report.last_sequence < anchor.sequence:
        report.problem(
            anchor.sequence,
            f"the log ends at entry {report.last_sequence} but entry {anchor.sequence} was "
            "anchored: entries have been removed from the end",
        )
    elif anchored_hash is None:
        report.problem(anchor.sequence, "was anchored but is missing")
    elif anchored_hash != anchor.hash:
        report.problem(
            anchor.sequence, "does not match the anchor: the entry was rewritten after anchoring"
        )


# --- anchors: the head, recorded outside the database ---------------------------------------


def anchor_path() -> Path:
    """Where anchors are appended (KINFOLK_AUDIT_ANCHOR_PATH)."""
    return Path(settings.KINFOLK_AUDIT_ANCHOR_PATH)


def _latest_anchor(report: AuditReport) -> Anchor | None:
    """The last line of the anchor file; a problem if it cannot be read."""
    path = report.anchor_path
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    lines = [line for line in lines if line.strip()]
    if not lines:
        return None
    try:
        data = json.loads(lines[-1])
        return Anchor(sequence=int(data["sequence"]), hash=str(data["hash"]), at=str(data["at"]))
    except (ValueError, KeyError, TypeError):
        report.problem(0, f"the latest anchor in {path} cannot be read")
        return None


def audit_anchor() -> tuple[Anchor | None, AuditReport]:
    """Append the verified head to the anchor file; refuses if the log fails verification."""
    report = audit_report()
    if report.problems:
        return None, report
    anchor = Anchor(
        sequence=report.last_sequence, hash=report.last_hash, at=timezone.now().isoformat()
    )
    path = report.anchor_path
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"sequence": anchor.sequence, "hash": anchor.hash, "at": anchor.at})
    # Append mode only: an anchor is never rewritten (in production the file is write-once).
    with path.open("a", encoding="utf-8") as file:
        file.write(line + "\n")
        file.flush()
        os.fsync(file.fileno())
    return anchor, report

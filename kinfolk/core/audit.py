"""The auditor: the one way anything is written to the audit log.

Chosen over signal-based history because signals miss bulk updates and reads (ADR 0004).
"""

import re
from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from .models import AuditAction, AuditChainHead, AuditLog

GENESIS_HASH = "0" * 64
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
        entry.entry_hash = entry.computed_hash()
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
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        AuditChainHead.objects.get_or_create(pk=1, defaults={"entry_hash": GENESIS_HASH})
        head = AuditChainHead.objects.select_for_update().get(pk=1)
    return head


@dataclass(frozen=True)
class AuditProblem:
    sequence: int
    problem: str


def audit_verify() -> tuple[int, list[AuditProblem]]:
    """Check every entry's hash and link; returns how many were checked and what is wrong."""
    problems: list[AuditProblem] = []
    expected_previous, expected_sequence, checked = GENESIS_HASH, 1, 0
    for entry in AuditLog.objects.order_by("sequence").iterator(chunk_size=2000):
        checked += 1
        if entry.sequence != expected_sequence:
            problems.append(
                AuditProblem(
                    entry.sequence, f"entries {expected_sequence}..{entry.sequence - 1} are missing"
                )
            )
        if entry.previous_hash != expected_previous:
            problems.append(AuditProblem(entry.sequence, "does not link to the entry before it"))
        if entry.computed_hash() != entry.entry_hash:
            problems.append(AuditProblem(entry.sequence, "has been edited since it was written"))
        expected_previous, expected_sequence = entry.entry_hash, entry.sequence + 1
    head = AuditChainHead.objects.filter(pk=1).first()
    last_sequence = expected_sequence - 1
    if head is not None and (head.sequence, head.entry_hash) != (last_sequence, expected_previous):
        problems.append(
            AuditProblem(head.sequence, "the newest entries have been removed from the end")
        )
    return checked, problems

"""Re-seal existing audit entries with HMAC-SHA256 under the audit key (ADR 0004).

Entries written before this migration were chained with plain SHA-256, which anyone who can
write to the database can recompute. This checks that old chain first and refuses if it is
broken (re-sealing would launder the tampering), then re-seals every entry and the head.
Re-sealing history is acceptable only because Kinfolk has no production data yet.
The content hashed is frozen here as it was when this migration was written.
"""

import hashlib
import hmac
import json

from django.db import migrations

GENESIS_HASH = "0" * 64


def _canonical(entry) -> bytes:
    content = {
        "sequence": entry.sequence,
        "at": entry.at.isoformat(),
        "actor": entry.actor_id,
        "actor_label": entry.actor_label,
        "role": entry.role,
        "area": entry.area_id,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "person_id": str(entry.person_id) if entry.person_id else None,
        "reason": entry.reason,
        "detail": entry.detail,
        "previous_hash": entry.previous_hash,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":"), default=str).encode()


def _check_plain_chain(entries) -> None:
    previous = GENESIS_HASH
    for number, entry in enumerate(entries, start=1):
        intact = (
            entry.sequence == number
            and entry.previous_hash == previous
            and hashlib.sha256(_canonical(entry)).hexdigest() == entry.entry_hash
        )
        if not intact:
            raise RuntimeError(
                f"Audit entry {entry.sequence} failed verification under the old plain SHA-256 "
                "chain, so it will not be re-sealed. Investigate before migrating."
            )
        previous = entry.entry_hash


def forwards(apps, schema_editor):
    from kinfolk.core.audit_keys import audit_key

    AuditLog = apps.get_model("core", "AuditLog")
    AuditChainHead = apps.get_model("core", "AuditChainHead")
    entries = list(AuditLog.objects.order_by("sequence"))
    if not entries:
        return
    _check_plain_chain(entries)
    key, previous = audit_key(), GENESIS_HASH
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_auditlog DISABLE TRIGGER core_auditlog_append_only")
        for entry in entries:
            entry.previous_hash = previous
            entry.entry_hash = hmac.new(key, _canonical(entry), hashlib.sha256).hexdigest()
            cursor.execute(
                "UPDATE core_auditlog SET previous_hash = %s, entry_hash = %s WHERE id = %s",
                [entry.previous_hash, entry.entry_hash, entry.pk],
            )
            previous = entry.entry_hash
        if connection.vendor == "postgresql":
            connection.check_constraints()  # ALTER TABLE refuses while FK checks are pending
            cursor.execute("ALTER TABLE core_auditlog ENABLE TRIGGER core_auditlog_append_only")
    AuditChainHead.objects.filter(pk=1).update(sequence=entries[-1].sequence, entry_hash=previous)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_audit_append_only")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

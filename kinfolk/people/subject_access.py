"""Subject access (everything held about a person) and erasure (anonymisation)."""

from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from kinfolk.core.models import AuditAction, AuditLog

from .audit import audit_person
from .models import AccessGrant, Assignment, BreakGlassAccess, Person
from .services import PROFILE_FIELDS

ERASED = "Erased"


def _when(value) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


# Other apps' parts of a person's record: each module has KEY, export(person) and erase(person).
PARTS = ("kinfolk.sharedlives.subject_access", "kinfolk.wellbeing.subject_access")


def _parts():
    from importlib import import_module

    return [import_module(name) for name in PARTS]


def person_export(*, person: Person) -> dict:
    """Everything Kinfolk holds about a person, as plain data for a subject access request."""
    record = {name: getattr(person, name) for name in PROFILE_FIELDS}
    record["date_of_birth"] = person.date_of_birth.isoformat() if person.date_of_birth else None
    grants = (
        AccessGrant.objects.in_area(person.area).filter(person=person).select_related("grantee")
    )
    assignments = (
        Assignment.objects.in_area(person.area).filter(person=person).select_related("worker")
    )
    emergency = (
        BreakGlassAccess.objects.in_area(person.area).filter(person=person).select_related("user")
    )
    audit = AuditLog.objects.filter(person_id=person.pk).order_by("sequence")
    export = {
        "exported_at": datetime.now(UTC).isoformat(),
        "person": {
            "id": str(person.pk),
            "area": person.area.name,
            **record,
            "created_at": _when(person.created_at),
            "updated_at": _when(person.updated_at),
            "erased_at": _when(person.erased_at),
        },
        "consents": [
            {
                "grantee": g.grantee.display_name,
                "grantee_email": g.grantee.email,
                "relationship": g.relationship,
                "scope": g.scope,
                "granted_at": _when(g.granted_at),
                "revoked_at": _when(g.revoked_at),
            }
            for g in grants
        ],
        "workers": [
            {
                "worker": a.worker.display_name,
                "kind": a.kind,
                "started_at": _when(a.started_at),
                "ended_at": _when(a.ended_at),
            }
            for a in assignments
        ],
        "emergency_access": [
            {
                "by": b.user.display_name,
                "role": b.role,
                "reason": b.reason,
                "started_at": _when(b.started_at),
                "expires_at": _when(b.expires_at),
            }
            for b in emergency
        ],
        "audit": [
            {
                "sequence": e.sequence,
                "at": _when(e.at),
                "who": e.actor_label,
                "role": e.role,
                "action": e.action,
                "what": e.target_type,
                "reason": e.reason,
            }
            for e in audit
        ],
    }
    for part in _parts():
        export[part.KEY] = part.export(person)
    audit_person(
        actor=None, action=AuditAction.EXPORT, person=person, detail={"via": "export-person"}
    )
    return export


@transaction.atomic
def person_erase(*, person: Person) -> Person:
    """Anonymise a person's record; the audit log (which holds no details) stays intact."""
    for name in PROFILE_FIELDS:
        setattr(person, name, "")
    person.given_name, person.family_name = ERASED, ERASED
    person.date_of_birth = None
    person.user = None
    person.erased_at = timezone.now()
    person.save()
    AccessGrant.objects.in_area(person.area).filter(person=person, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    Assignment.objects.in_area(person.area).filter(person=person, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )
    BreakGlassAccess.objects.in_area(person.area).filter(person=person).update(reason=ERASED)
    for part in _parts():
        part.erase(person)
    audit_person(
        actor=None, action=AuditAction.DELETE, person=person, detail={"via": "erase-person"}
    )
    return person

"""Subject access (everything held about a person) and erasure (anonymisation).

Every app registers its own part in kinfolk.core.subject_access from its AppConfig.ready();
this module registers the people app's parts and runs them all.
"""

from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from kinfolk.core.models import AuditAction
from kinfolk.core.subject_access import ERASED, LAST, Part, erase_words, parts, register, when

from .audit import audit_person
from .models import AccessGrant, Assignment, BreakGlassAccess, Person
from .services import PROFILE_FIELDS


def person_export(*, person: Person) -> dict:
    """Everything Kinfolk holds about a person, as plain data for a subject access request."""
    export = {"exported_at": datetime.now(UTC).isoformat()}
    for part in parts():
        export[part.key] = part.export(person)
    audit_person(
        actor=None, action=AuditAction.EXPORT, person=person, detail={"via": "export-person"}
    )
    return export


@transaction.atomic
def person_erase(*, person: Person) -> Person:
    """Anonymise a person's record in every app; the audit log (ids only) stays intact."""
    for part in parts():
        part.erase(person)
    audit_person(
        actor=None, action=AuditAction.DELETE, person=person, detail={"via": "erase-person"}
    )
    return person


def _record(person: Person) -> dict:
    record = {name: getattr(person, name) for name in PROFILE_FIELDS}
    return {
        "id": str(person.pk),
        "area": person.area.name,
        **record,
        "date_of_birth": when(person.date_of_birth),
        "created_at": when(person.created_at),
        "updated_at": when(person.updated_at),
        "erased_at": when(person.erased_at),
    }


def _record_erase(person: Person) -> None:
    for name in PROFILE_FIELDS:
        setattr(person, name, "")
    person.given_name, person.family_name = ERASED, ERASED
    person.date_of_birth = None
    person.user = None
    person.erased_at = timezone.now()
    person.save()


def _consents(person: Person) -> list[dict]:
    grants = (
        AccessGrant.objects.in_area(person.area).filter(person=person).select_related("grantee")
    )
    return [
        {
            "grantee": g.grantee.display_name,
            "grantee_email": g.grantee.email,
            "relationship": g.relationship,
            "scope": g.scope,
            "granted_at": when(g.granted_at),
            "revoked_at": when(g.revoked_at),
        }
        for g in grants
    ]


def _consents_end(person: Person) -> None:
    AccessGrant.objects.in_area(person.area).filter(person=person, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def _workers(person: Person) -> list[dict]:
    assignments = (
        Assignment.objects.in_area(person.area).filter(person=person).select_related("worker")
    )
    return [
        {
            "worker": a.worker.display_name,
            "kind": a.kind,
            "started_at": when(a.started_at),
            "ended_at": when(a.ended_at),
        }
        for a in assignments
    ]


def _workers_end(person: Person) -> None:
    Assignment.objects.in_area(person.area).filter(person=person, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )


def _emergency_access(person: Person) -> list[dict]:
    emergency = (
        BreakGlassAccess.objects.in_area(person.area).filter(person=person).select_related("user")
    )
    return [
        {
            "by": b.user.display_name,
            "role": b.role,
            "reason": b.reason,
            "started_at": when(b.started_at),
            "expires_at": when(b.expires_at),
        }
        for b in emergency
    ]


def _emergency_access_erase(person: Person) -> None:
    erase_words(BreakGlassAccess.objects.in_area(person.area).filter(person=person), "reason")


def register_parts() -> None:
    register(Part("person", ("people.Person",), _record, _record_erase, order=LAST))
    register(Part("consents", ("people.AccessGrant",), _consents, _consents_end))
    register(Part("workers", ("people.Assignment",), _workers, _workers_end))
    register(
        Part(
            "emergency_access",
            ("people.BreakGlassAccess",),
            _emergency_access,
            _emergency_access_erase,
        )
    )

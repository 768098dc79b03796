"""Audit entries about a person's record, always in the record's own area."""

from kinfolk.core.audit import audit_record

from .models import Person


def audit_person(*, actor, action: str, person: Person, about=None, **details):
    """Record that the actor did something to a person's record (or to `about`, e.g. a grant)."""
    target = about if about is not None else person
    return audit_record(
        actor=actor,
        action=action,
        target_type=target._meta.model_name if about is not None else "person",
        target_id=target.pk,
        person_id=person.pk,
        area=person.area,
        **details,
    )

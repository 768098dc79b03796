"""Who holds what about a person: each app registers its part of subject access and erasure.

An app declares, from its AppConfig.ready(), a `Part` for the models that hold a person's data
(how to export them and how to erase them), and names every other model of its own as holding
nothing about a person who uses support, with the reason. A test walks every installed model
and fails when one is in neither list, so a new table cannot be forgotten at erasure time.
Kinfolk's people app assembles the export and runs the erasure; core imports no app above it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ERASED = "Erased"

# Erasure runs parts in this order: accounts (which needs the person's user) before the
# person's own record, which is blanked last.
FIRST, NORMAL, LAST = 10, 50, 90


@dataclass(frozen=True)
class Part:
    """One app's share of what is held about a person."""

    key: str  # the section of the export, e.g. "social_prescribing"
    models: tuple[str, ...]  # "app_label.ModelName" this part covers
    export: Callable[[object], object]  # person -> plain data
    erase: Callable[[object], None]  # person -> None: remove or blank what identifies them
    order: int = field(default=NORMAL)


_parts: dict[str, Part] = {}
_not_about_a_person: dict[str, str] = {}


def register(part: Part) -> None:
    """Add (or replace, on reload) an app's part of subject access and erasure."""
    _parts[part.key] = part


def holds_nothing_about_a_person(model: str, reason: str) -> None:
    """Declare that a model holds no personal data of a person who uses support, and why."""
    if not reason.strip():
        raise ValueError(f"Say why {model} holds nothing about a person.")
    _not_about_a_person[model] = reason


def parts() -> list[Part]:
    """Every registered part, in the order erasure runs them."""
    return sorted(_parts.values(), key=lambda part: (part.order, part.key))


def declared_without_personal_data() -> dict[str, str]:
    """Models declared to hold nothing about a person, with the reason given."""
    return dict(_not_about_a_person)


def uncovered_models() -> list[str]:
    """Installed models that no part covers and nobody declared free of personal data."""
    from django.apps import apps

    covered = {label for part in _parts.values() for label in part.models}
    return sorted(
        model._meta.label
        for model in apps.get_models()
        if model._meta.label not in covered and model._meta.label not in _not_about_a_person
    )


def erase_words(queryset, *fields: str) -> None:
    """Replace what was written in these text fields with "Erased" (empty ones stay empty)."""
    for name in fields:
        queryset.exclude(**{name: ""}).update(**{name: ERASED})


def when(value) -> str | None:
    """A date or time as ISO 8601 text (UTC for times), for the export."""
    from datetime import UTC, datetime

    if value is None:
        return None
    return value.astimezone(UTC).isoformat() if isinstance(value, datetime) else value.isoformat()


def _audit_export(person) -> list[dict]:
    """The audit entries about a person: who did what to their record, and when."""
    from .models import AuditLog

    entries = AuditLog.objects.filter(person_id=person.pk).select_related("actor")
    return [
        {
            "sequence": e.sequence,
            "at": when(e.at),
            "who": e.actor.display_name if e.actor else "Kinfolk (an administrator's command)",
            "role": e.role,
            "action": e.action,
            "what": e.target_type,
            "which": e.target_id,
        }
        for e in entries.order_by("sequence")
    ]


def _audit_erase(person) -> None:
    """Nothing: the audit log holds ids and codes, never a person's details (ADR 0015)."""


def register_core() -> None:
    """Core's own models: the audit log is part of subject access; the rest hold no one."""
    register(Part("audit", ("core.AuditLog",), _audit_export, _audit_erase, order=LAST + 1))
    for model, reason in {
        "core.Area": "a local system (council, NHS body), not a person",
        "core.AuditChainHead": "the last audit entry's sequence and hash",
        "auth.Permission": "Django's list of permissions",
        "auth.Group": "named groups of permissions (Kinfolk uses memberships instead)",
        "contenttypes.ContentType": "Django's list of models",
        "core.FormSent": (
            "a one-time form token with the address it led to (ids only, like the audit log), "
            "kept 30 days"
        ),
    }.items():
        holds_nothing_about_a_person(model, reason)

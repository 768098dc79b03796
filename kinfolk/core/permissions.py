"""The one gate. Every app names its permissions in its own `rules.py` with `rules.add_perm`
("app.verb_noun", predicate on (actor, object)); everything else asks here.

- `can(actor, permission, obj)` answers yes or no, and remembers the answer for the rest of the
  request (the actor lives for one request), so a page that asks the same question about the same
  record many times asks the database once.
- `require(actor, permission, obj)` is the same question for a request that must stop: a refusal
  is written to the audit log (a refusal about a person's record is filed under that person) and
  raises `PermissionDenied`, which the site shows as a page that says what to do.

Nothing here knows any role: roles are compared only in the apps' `rules.py` and models
(ADR 0022, docs/architecture.md).
"""

from collections.abc import Hashable

import rules
from django.core.exceptions import PermissionDenied

from .audit import audit_record
from .models import AuditAction


def _remembered(actor) -> dict | None:
    facts = getattr(actor, "facts", None)
    return facts if isinstance(facts, dict) else None


def _key(permission: str, obj) -> Hashable:
    if obj is None:
        return (permission, None)
    pk = getattr(obj, "pk", None)
    if pk is None:
        return (permission, id(obj))
    return (permission, type(obj).__name__, pk)


def can(actor, permission: str, obj=None) -> bool:
    """Whether the actor may do this (to this object), as the app's rules.py says."""
    if not rules.perm_exists(permission):
        raise LookupError(f"No app names the permission {permission!r} in its rules.py.")
    if not getattr(actor, "is_signed_in", False):
        return False
    facts = _remembered(actor)
    key = _key(permission, obj)
    if facts is not None and key in facts:
        return facts[key]
    answer = bool(rules.has_perm(permission, actor, obj))
    if facts is not None:
        facts[key] = answer
    return answer


def forget(actor) -> None:
    """After a change that alters who may do what (a role removed, access revoked)."""
    facts = _remembered(actor)
    if facts is not None:
        facts.clear()


def person_of(obj):
    """The person a record is about, if it is about one (for filing a refusal under them)."""
    if obj is None:
        return None
    if obj._meta.model_name == "person":
        return obj
    return getattr(obj, "person", None)


def audit_refusal(actor, permission: str, obj=None) -> None:
    """A refusal is itself an access event: who tried what, on which record."""
    person = person_of(obj) if hasattr(obj, "_meta") else None
    audit_record(
        actor=actor,
        action=AuditAction.DENIED,
        target_type=obj._meta.model_name if hasattr(obj, "_meta") else "area",
        target_id=getattr(obj, "pk", "") or "",
        person_id=person.pk if person is not None else None,
        area=person.area if person is not None else None,
        detail={"rule": permission},
    )


def require(actor, permission: str, obj=None, *, about=None, message: str = "") -> None:
    """Go on only if the actor may do this; otherwise audit the refusal (filed under `about`, the
    record asked for, when the permission is checked on something else such as its person) and
    stop the request with `message`, if given, for the refusal page."""
    if can(actor, permission, obj):
        return
    audit_refusal(actor, permission, about if about is not None else obj)
    raise PermissionDenied(message) if message else PermissionDenied

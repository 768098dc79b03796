"""Fetch, check, audit: the one way a page or API call reads a single record.

`record_for` takes a record by id from an area-owned queryset, answers 404 for a record that does
not exist *or* belongs to another area (so nobody learns that it does; the attempt is audited),
asks the permission gate, and writes the read to the audit log under the person the record is
about. Apps wrap it in their selectors (`referral_get`, `carer_get`, ...).
"""

from collections.abc import Callable

from django.db.models import QuerySet, UUIDField
from django.http import Http404

from .audit import audit_record
from .lookups import int_or_404, uuid_or_404
from .models import AuditAction
from .permissions import audit_refusal, person_of, require
from .scoping import in_actors_area
from .tenancy import seen_across_areas


def audit_read(actor, row) -> None:
    """One VIEW entry for one record, filed under the person it is about (if any)."""
    person = person_of(row)
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        target_type=row._meta.model_name,
        target_id=row.pk,
        person_id=person.pk if person is not None else None,
        area=person.area if person is not None else getattr(row, "area", None),
    )


def _id_or_404(queryset: QuerySet, record_id):
    """The id as the record's key is written (a number, or a UUID for a person); 404 if not."""
    if isinstance(queryset.model._meta.pk, UUIDField):
        return uuid_or_404(record_id)
    return int_or_404(record_id)


def record_for(
    actor,
    queryset: QuerySet,
    record_id,
    *,
    permission: str,
    checked_on: Callable | None = None,
    audit: bool = True,
    refusal: str = "",
):
    """The record with this id, if the actor may use it for `permission`.

    `checked_on(row)` names what the permission is asked about when that is not the record itself
    (most Shared Lives permissions are asked about the person). `audit=False` is for a page that
    only acts and writes its own entry; `refusal` is the sentence the refusal page shows.
    """
    wanted = queryset.filter(pk=_id_or_404(queryset, record_id))
    row = wanted.first() or seen_across_areas(wanted)  # another area's is still audited
    if row is None:
        raise Http404("Not found")
    if not in_actors_area(actor, row):
        audit_refusal(actor, "area", row)
        raise Http404("Not found")
    target = checked_on(row) if checked_on is not None else row
    require(actor, permission, target, about=row, message=refusal)
    if audit:
        audit_read(actor, row)
    return row

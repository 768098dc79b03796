"""Asking for equipment with its parts, recording what each agency says, and telling the
coordinators every morning about parts past their target date."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import visible_text
from kinfolk.notifications.services import tell
from kinfolk.people.audit import audit_person
from kinfolk.people.notices import speaking_for

from ..concerns.services import leads, responsible_workers
from .models import Agency, EquipmentPart, EquipmentRequest, PartStatus

PART_LATE, UPDATED = "family_carers.equipment_part_late", "family_carers.equipment_updated"


def _link(request: EquipmentRequest) -> str:
    return reverse("family_carers:equipment", args=[request.pk])


@transaction.atomic
def request_make(*, actor, person, what: str, why: str = "", parts: list) -> EquipmentRequest:
    """One request with the part each agency must supply: (name, agency, target date)."""
    require(actor, "family_carers.request_equipment", person)
    what = visible_text(what)
    errors = {}
    if not what:
        errors["what"] = "Say what equipment or adaptation is needed."
    named = [(visible_text(n), a, t) for n, a, t in parts if visible_text(n)]
    if not named:
        errors["part_1_name"] = "Name at least one part and who supplies it."
    for n, (name, agency, target) in enumerate(named, start=1):
        if agency not in Agency.values:
            errors[f"part_{n}_agency"] = f"Choose who supplies “{name}”."
        if target is None:
            errors[f"part_{n}_target_on"] = f"Give a target date for “{name}”."
    if errors:
        raise ValidationError(errors)
    request = EquipmentRequest.objects.create(
        area=person.area, person=person, what=what, why=visible_text(why),
        requested_by=actor.user, requested_on=timezone.localdate(),
    )  # fmt: skip
    EquipmentPart.objects.bulk_create(
        [
            EquipmentPart(
                area=person.area, request=request, name=name, agency=agency, target_on=target
            )  # fmt: skip
            for name, agency, target in named
        ]
    )
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=request)
    return request


@transaction.atomic
def part_update(
    *, actor, part: EquipmentPart, status: str, note: str = "", working_on: date | None = None,
    target_on: date | None = None,
) -> EquipmentPart:  # fmt: skip
    """Record what the agency says about its part; the family is told when it changes."""
    require(actor, "family_carers.update_equipment", part.request, about=part.request.person)
    part = EquipmentPart.objects.select_for_update().get(pk=part.pk)
    if status not in PartStatus.values:
        raise ValidationError({"status": "Choose where this part is up to."})
    if status == PartStatus.WORKING:
        if working_on is None or working_on > timezone.localdate():
            raise ValidationError({"working_on": "Give the day it was in place and working."})
    else:
        working_on = None
    part.status, part.working_on, part.note = status, working_on, visible_text(note)
    if target_on is not None:
        part.target_on = target_on
    part.save()
    request = part.request
    audit_person(actor=actor, action=AuditAction.UPDATE, person=request.person, about=request,
                 detail={"part": part.pk, "status": status})  # fmt: skip
    everyone = {u.pk: u for u in [request.requested_by, *speaking_for(request.person)]}
    for user in everyone.values():
        if user.pk != actor.user.pk:
            tell(recipient=user, area=request.area, event=UPDATED,
                 text=f"News about the equipment you asked for: {part.name} is now "
                      f"{PartStatus(status).label.lower()}.",
                 key=f"equipment-part-{part.pk}-{status}-{part.target_on}", link=_link(request),
                 about=request.person)  # fmt: skip
    return part


def late_parts_flagged(day: date) -> str:
    """Every morning: each part past its target date and not working is flagged to the person's
    workers and the lead, once per target date."""
    late = EquipmentPart.objects.filter(target_on__lt=day).exclude(
        status=PartStatus.WORKING
    ).select_related("request__person", "area")  # fmt: skip
    told = 0
    for part in late:
        request = part.request
        for user in {
            u.pk: u for u in responsible_workers(request.person) + leads(part.area)
        }.values():
            made = tell(recipient=user, area=part.area, event=PART_LATE,
                        text=f"{part.name} ({Agency(part.agency).label}) is late: it was due by "
                             f"{part.target_on:%-d %B %Y}.",
                        key=f"equipment-part-{part.pk}-late-{part.target_on}", link=_link(request),
                        about=request.person)  # fmt: skip
            told += made is not None
    return f"told:{told}"

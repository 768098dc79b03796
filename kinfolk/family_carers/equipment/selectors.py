"""Reading equipment requests, and the figures by agency for the year."""

import kinfolk.family_carers.rules  # noqa: F401  (names the permissions asked here)
from kinfolk.core.disclosure import Line, count_line, median_of, protect_over_time
from kinfolk.core.records import record_for

from .models import Agency, EquipmentPart, EquipmentRequest


def request_get(*, actor, request_id) -> EquipmentRequest:
    """One request, for those close to the person and those who coordinate it; audited."""
    return record_for(
        actor,
        EquipmentRequest.objects.select_related("person", "requested_by"),
        request_id,
        permission="family_carers.see_equipment",
    )


def part_get(*, actor, part_id) -> EquipmentPart:
    """One part, for those who coordinate its request (404 in another area)."""
    return record_for(
        actor,
        EquipmentPart.objects.select_related("request__person"),
        part_id,
        permission="family_carers.update_equipment",
        checked_on=lambda part: part.request,
    )


def requests_for(*, person) -> list[EquipmentRequest]:
    """A person's equipment requests, newest first, with their parts."""
    return list(
        EquipmentRequest.objects.in_area(person.area)
        .filter(person=person)
        .prefetch_related("parts")
    )


def first_request_on(*, area):
    """The day the area's first request was made (None before any), for the years offered."""
    found = EquipmentRequest.objects.in_area(area).order_by("requested_on")
    return found.values_list("requested_on", flat=True).first()


SECTION = "Equipment parts by agency"


def _counts(parts: list, cut) -> dict:
    counts = {}
    for agency in Agency.values:
        mine = [p for p in parts if p.agency == agency]
        working = sum(1 for p in mine if p.working_on and p.working_on <= cut)
        counts[("parts", agency)] = len(mine)
        counts[("working", agency)] = working
        counts[("not yet", agency)] = len(mine) - working
    return counts


def figures(*, area, year) -> list[Line]:
    """Parts asked for in the financial year, by agency: how many, how many working, and the
    median days from asking to working; under the disclosure rule across the quarters."""
    if not year.cuts:
        return [Line(SECTION, "Parts asked for", None, "No figures until the first quarter ends")]
    everything = list(EquipmentPart.objects.in_area(area).select_related("request"))
    cuts = [
        (cut, [p for p in everything if year.starts_on <= p.request.requested_on <= cut])
        for cut in year.cuts
    ]
    shown = protect_over_time(
        [_counts(parts, cut) for cut, parts in cuts],
        [(("parts", a), [("working", a), ("not yet", a)]) for a in Agency.values],
    )
    cut, parts = cuts[-1]
    lines = []
    for agency, label in Agency.choices:
        done = [
            (p.working_on - p.request.requested_on).days
            for p in parts
            if p.agency == agency and p.working_on and p.working_on <= cut
        ]
        middle = median_of(done) if shown[("working", agency)] is not None else None
        lines += [
            count_line(label, "Parts asked for", shown[("parts", agency)]),
            count_line(label, "In place and working", shown[("working", agency)]),
            Line(label, "Median days from asking to working", middle,
                 "Suppressed" if middle is None else f"{middle:g}"),
        ]  # fmt: skip
    return lines

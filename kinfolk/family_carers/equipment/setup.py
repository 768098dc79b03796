"""Equipment's part of the app: events, the morning job, home card and record links, and what
a request holds about a person (from AppConfig.ready())."""

from django.urls import reverse

from kinfolk.core.permissions import can
from kinfolk.core.registries import ORDER, Home, HomeCard, RecordLink
from kinfolk.core.subject_access import Part, register, when
from kinfolk.notifications.events import Event
from kinfolk.notifications.events import register as register_event
from kinfolk.notifications.schedules import DAILY, Job, register_job

from . import selectors, services
from .models import EquipmentRequest


def home_cards(home: Home) -> list[HomeCard]:
    if not can(home.actor, "family_carers.see_concern_figures"):
        return []
    return [
        HomeCard("Equipment across agencies", reverse("family_carers:equipment_figures"),
                 "How long each agency takes to get equipment working.",
                 ORDER["run_the_area"] + 2)
    ]  # fmt: skip


def record_links(actor, person) -> list[RecordLink]:
    links = []
    if can(actor, "family_carers.request_equipment", person):
        new = reverse("family_carers:equipment_new", args=[person.pk])
        links.append(RecordLink("Ask for equipment or an adaptation", new, 85))
    for request in selectors.requests_for(person=person):
        if can(actor, "family_carers.see_equipment", request):
            page = reverse("family_carers:equipment", args=[request.pk])
            links.append(RecordLink(f"Equipment: {request.what}", page, 84))
    return links


def _requests(person):
    return EquipmentRequest.objects.filter(person=person).prefetch_related("parts")


def export(person) -> list:
    return [
        {
            "what": r.what,
            "why": r.why,
            "requested_on": r.requested_on.isoformat(),
            "parts": [
                {
                    "name": p.name,
                    "agency": p.agency,
                    "target_on": p.target_on.isoformat(),
                    "status": p.status,
                    "working_on": when(p.working_on),
                    "note": p.note,
                }
                for p in r.parts.all()
            ],  # fmt: skip
        }
        for r in _requests(person)
    ]


def erase(person) -> None:
    _requests(person).delete()


def register_parts() -> None:
    register_event(Event(services.PART_LATE, "A part of someone's equipment is late. Sign in to "
                         "see it.", "Some equipment is late. Sign in to see it."))  # fmt: skip
    register_event(
        Event(services.UPDATED, "There is news about equipment you asked for. Sign in to see it.",
              "There is news about equipment. Sign in to see it.")
    )  # fmt: skip
    register_job(Job("family_carers.late_equipment", "Flag equipment parts past their target",
                     DAILY, services.late_parts_flagged, reminds=True))  # fmt: skip
    register(Part("equipment", ("family_carers.EquipmentRequest", "family_carers.EquipmentPart"),
                  export, erase))  # fmt: skip

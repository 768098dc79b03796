"""Shortlists sent to a person in their subject access export; the note erased.

The rest of the directory describes community organisations and their services: published
information, declared here as holding nothing about a person who uses support.
"""

from kinfolk.core.subject_access import Part, erase_words, holds_nothing_about_a_person, register
from kinfolk.core.subject_access import when as _when

from .models import Shortlist

KEY = "directory"
PUBLISHED = "a community organisation's published listing (Open Referral UK), not a person"


def export(person) -> dict:
    shortlists = (
        Shortlist.objects.in_area(person.area)
        .filter(person=person)
        .select_related("sent_by")
        .prefetch_related("services")
    )
    return {
        "shortlists": [
            {"sent_at": _when(s.sent_at), "sent_by": s.sent_by.display_name, "note": s.note,
             "services": sorted(service.name for service in s.services.all())}
            for s in shortlists
        ]
    }  # fmt: skip


def erase(person) -> None:
    erase_words(Shortlist.objects.in_area(person.area).filter(person=person), "note")


def register_parts() -> None:
    register(Part(KEY, ("directory.Shortlist",), export, erase))
    for model in ("Organization", "Evidence", "Taxonomy", "TaxonomyTerm", "Service",
                  "Attribute", "Location", "ServiceAtLocation", "Schedule", "CostOption",
                  "Contact", "Phone", "Language", "Funding", "ServiceArea"):  # fmt: skip
        holds_nothing_about_a_person(f"directory.{model}", PUBLISHED)

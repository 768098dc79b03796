"""Writes to the directory: search text, micro-enterprise listings and their approval,
confirming a listing is still true, and shortlists a professional sends to a person."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import visible_text
from kinfolk.people.audit import audit_person

from . import notices, rules  # noqa: F401  (rules names the permissions asked here)
from .listing_checks import expired_evidence
from .models import Evidence, ListingStatus, Organization, OrganizationKind, Service, Shortlist

PAYMENT_METHODS = {
    "direct_payment": "Direct payment",
    "personal_budget": "Personal budget",
    "self_funded": "Paying for yourself",
}
MICRO_ENTERPRISE_MAX_WORKERS = 8


def refresh_search_text(service: Service) -> None:
    """What the words search looks in: the service, its organisation, its categories and the
    categories' synonyms (so "lonely" finds befriending)."""
    terms = " ".join(f"{name} {synonyms}" for name, synonyms in
                     service.terms.values_list("name", "synonyms"))  # fmt: skip
    text = f"{service.name} {service.description} {service.organization.name} {terms}"
    Service.objects.filter(pk=service.pk).update(
        search_text=text.lower(),
        free=service.cost_options.filter(amount__isnull=True).exists()
        or service.cost_options.filter(amount=0).exists(),
    )


@transaction.atomic
def micro_enterprise_submit(
    *,
    actor,
    name: str,
    description: str,
    service_name: str,
    service_description: str,
    workers: int,
    payment_methods: list[str],
    capacity: str,
    evidence: dict,
) -> Organization:
    """A community micro-enterprise lists itself; an area admin approves it before it shows."""
    require(
        actor,
        "directory.list_enterprise",
        message="Community organisation members can list an enterprise.",
    )
    if not (name or "").strip() or not (service_name or "").strip():
        raise ValidationError("Give the enterprise's name and what it offers.", code="name")
    if not 1 <= workers <= MICRO_ENTERPRISE_MAX_WORKERS:
        raise ValidationError(
            f"A community micro-enterprise has 1 to {MICRO_ENTERPRISE_MAX_WORKERS} workers.",
            code="workers",
        )
    if not payment_methods or set(payment_methods) - set(PAYMENT_METHODS):
        raise ValidationError("Say how people can pay.", code="payment_methods")
    for kind in Evidence.Kind.values:
        if not evidence.get(kind):
            raise ValidationError(
                f"Give the expiry date of your {Evidence.Kind(kind).label.lower()}.", code=kind
            )
    now = timezone.now()
    org = Organization.objects.create(
        area=actor.area,
        name=name.strip(),
        description=description.strip() or service_name,
        kind=OrganizationKind.MICRO_ENTERPRISE,
        listing_status=ListingStatus.PENDING,
        workers=workers,
        payment_methods=sorted(payment_methods),
        capacity=capacity.strip(),
        confirmed_at=now,
        submitted_by=actor.user,
    )
    for kind, expires_on in evidence.items():
        Evidence.objects.create(organization=org, kind=kind, expires_on=expires_on)
    service = Service.objects.create(
        organization=org,
        name=service_name.strip(),
        description=service_description.strip(),
        last_modified=now,
    )
    refresh_search_text(service)
    audit_record(actor=actor, action=AuditAction.CREATE, target_type="listing", target_id=org.pk)
    return org


@transaction.atomic
def listing_decide(*, actor, org: Organization, approve: bool, reason: str = "") -> Organization:
    """Approve or turn down a listing; a refusal says why (kept on the organisation)."""
    require(
        actor, "directory.decide_listing", org, message="Only the area admin approves listings."
    )
    if approve and expired_evidence(org):
        raise ValidationError(
            "Cannot approve: " + "; ".join(expired_evidence(org)) + ".", code="evidence"
        )
    if not approve and not visible_text(reason):
        raise ValidationError("Say why the listing is not approved.", code="reason")
    org.listing_status = ListingStatus.APPROVED if approve else ListingStatus.REJECTED
    org.listing_decision_reason = "" if approve else reason.strip()
    org.save(update_fields=["listing_status", "listing_decision_reason", "last_modified"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target_type="listing",
        target_id=org.pk,
        detail={"approved": approve},
    )
    return org


@transaction.atomic
def listing_confirm(*, actor, org: Organization) -> Organization:
    """'Still true': the listing is not stale for another 6 months."""
    require(
        actor,
        "directory.confirm_listing",
        org,
        message="Only the organisation or the area admin can confirm a listing.",
    )
    org.confirmed_at = timezone.now()
    org.save(update_fields=["confirmed_at", "last_modified"])
    return org


@transaction.atomic
def shortlist_send(*, actor, person, services: list[Service], note: str = ""):
    """A professional sends a person a few services to look at. The person decides."""
    require(
        actor,
        "directory.send_shortlist",
        person,
        message="Only a worker supporting this person can send them a shortlist.",
    )
    if not services:
        raise ValidationError("Choose at least one service.", code="services")
    shortlist = Shortlist.objects.create(
        area=person.area, person=person, note=(note or "").strip(), sent_by=actor.user
    )
    shortlist.services.set(services)
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=shortlist)
    notices.shortlist_arrived(shortlist)
    return shortlist

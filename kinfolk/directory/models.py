"""The community directory, shaped as HSDS 3.0 / Open Referral UK 3.0 (UUID ids).

Public data, so reads are not area-scoped; each organisation belongs to the area whose admin
approves its listing. Field names follow the standard so the API maps one to one.
"""

import uuid

from django.conf import settings
from django.db import models

from kinfolk.core.scoping import AreaOwned


def _id():
    return models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)


class OrganizationKind(models.TextChoices):
    CHARITY = "charity", "Charity or voluntary group"
    PEER_SUPPORT = "peer_support", "Peer support group"
    MICRO_ENTERPRISE = "micro_enterprise", "Community micro-enterprise"
    COUNCIL = "council", "Council service"
    NHS = "nhs", "NHS service"


class ListingStatus(models.TextChoices):
    PENDING = "pending", "Waiting for approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Not approved"


class Organization(AreaOwned):
    id = _id()
    name = models.CharField(max_length=200)
    description = models.TextField()
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    uri = models.URLField(blank=True)
    kind = models.CharField(max_length=20, choices=OrganizationKind.choices)
    listing_status = models.CharField(
        max_length=10, choices=ListingStatus.choices, default=ListingStatus.APPROVED
    )
    workers = models.PositiveSmallIntegerField(null=True, blank=True)
    payment_methods = models.JSONField(default=list, blank=True)  # direct payment, budget, self
    capacity = models.CharField(max_length=200, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)  # last said "still true"
    # Why the area admin did not approve the listing (kept here; the audit log refers to it).
    listing_decision_reason = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]


class Evidence(models.Model):
    """A micro-enterprise's evidence of standards, with its expiry."""

    class Kind(models.TextChoices):
        INSURANCE = "insurance", "Public liability insurance"
        DBS = "dbs", "DBS check"
        SAFEGUARDING = "safeguarding", "Safeguarding policy"

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reference = models.CharField(max_length=100, blank=True)
    expires_on = models.DateField()


class Taxonomy(models.Model):
    id = _id()
    name = models.CharField(max_length=200)
    description = models.TextField()
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=20, blank=True)


class TaxonomyTerm(models.Model):
    id = _id()
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.CASCADE, related_name="terms")
    code = models.CharField(max_length=50, blank=True)
    name = models.CharField(max_length=200)
    description = models.TextField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)
    # Other words people use for this category ("lonely, company" for befriending), comma-
    # separated; words search finds the category's services by them. Not part of the standard.
    synonyms = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]


class ServiceStatus(models.TextChoices):
    ACTIVE = "active"
    INACTIVE = "inactive"
    DEFUNCT = "defunct"
    TEMPORARILY_CLOSED = "temporarily closed"


class Service(models.Model):
    id = _id()
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    url = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default="active")
    fees = models.TextField(blank=True)
    accreditations = models.TextField(blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    assured_date = models.DateField(null=True, blank=True)
    alert = models.TextField(blank=True)
    last_modified = models.DateTimeField()
    terms = models.ManyToManyField(TaxonomyTerm, through="Attribute", related_name="services")
    # Kept in step on save for fast search: name, description, organisation, and its terms with
    # their synonyms. Indexed for full-text and typo-tolerant search (see search.py).
    search_text = models.TextField(blank=True, editable=False)
    free = models.BooleanField(default=False, help_text="Has a free cost option")

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["last_modified"]), models.Index(fields=["status"])]


class Attribute(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="attributes")
    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.CASCADE)
    link_type = models.CharField(max_length=50, default="service")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "taxonomy_term"], name="one_term_per_service"
            )
        ]


class Location(models.Model):
    id = _id()
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="locations"
    )
    location_type = models.CharField(max_length=20, default="physical")
    name = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    address_1 = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    postal_code = models.CharField(max_length=10, blank=True)
    step_free = models.BooleanField(default=False)
    accessibility = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"])]


class ServiceAtLocation(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="services_here")
    description = models.TextField(blank=True)


class Schedule(models.Model):
    """iCal-style: weekly on days (byday "MO,WE"), between opens_at and closes_at."""

    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    freq = models.CharField(max_length=10, default="WEEKLY")
    byday = models.CharField(max_length=30, blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    description = models.TextField(blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)


class CostOption(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=200, blank=True)
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=200, blank=True)


class Contact(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)


class Phone(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=40)


class Language(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="languages")
    name = models.CharField(max_length=100)
    code = models.CharField(max_length=10, blank=True)


class Funding(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="funding")
    source = models.CharField(max_length=200)


class ServiceArea(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)


class Shortlist(AreaOwned):
    """Services a professional picked for a person to look at; the person chooses what to try."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="shortlists")
    services = models.ManyToManyField(Service, related_name="+")
    note = models.TextField(blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]

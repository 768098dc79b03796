"""Equipment across agencies: one request for equipment or an adaptation (a ceiling hoist and
its bracket), with the part each agency must supply, a target date for each, and a status the
family reads in plain words (ADR 0045)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinfolk.core.scoping import AreaOwned


class Agency(models.TextChoices):
    HEALTH = "health", "Community equipment service (NHS)"
    SOCIAL_SERVICES = "social_services", "Adult social care (the council)"
    HOUSING = "housing", "Housing (adaptations)"
    OTHER = "other", "Another agency"


class PartStatus(models.TextChoices):
    WAITING = "waiting", "Waiting"
    ORDERED = "ordered", "Ordered"
    DELIVERED = "delivered", "Delivered"
    WORKING = "working", "In place and working"


class EquipmentRequest(AreaOwned):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    what = models.CharField(max_length=200)  # "A ceiling hoist for the bedroom"
    why = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_on = models.DateField()

    class Meta:
        ordering = ["-requested_on", "-pk"]


class EquipmentPart(AreaOwned):
    request = models.ForeignKey(EquipmentRequest, on_delete=models.CASCADE, related_name="parts")
    name = models.CharField(max_length=200)  # "The bracket fixed to the ceiling"
    agency = models.CharField(max_length=20, choices=Agency.choices)
    target_on = models.DateField()
    status = models.CharField(max_length=10, choices=PartStatus.choices, default=PartStatus.WAITING)
    working_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)  # what the agency last said
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["target_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="working", working_on__isnull=False)
                | (~Q(status="working") & Q(working_on__isnull=True)),
                name="a_part_is_working_from_a_day",
            )
        ]

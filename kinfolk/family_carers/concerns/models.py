"""Raise a concern (Martha's Rule): someone says "I am worried and not being heard" about a
person's care; the person's worker and their lead answer by a deadline (ADR 0044)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinfolk.core.scoping import AreaOwned


class RaisedAs(models.TextChoices):
    THE_PERSON = "person", "The person, about their own care"
    FAMILY = "family", "Family or an unpaid carer"
    REPRESENTATIVE = "representative", "Someone the person chose to act for them"


class Concern(AreaOwned):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_as = models.CharField(max_length=20, choices=RaisedAs.choices)
    worry = models.TextField()
    urgent = models.BooleanField()
    raised_at = models.DateTimeField()
    respond_by = models.DateTimeField()
    escalated_at = models.DateTimeField(null=True, blank=True)  # passed to the lead, late
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answer = models.TextField(blank=True)
    next_step = models.TextField(blank=True)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(answer=""),
                name="a_concern_is_answered_in_words",
            ),
            models.CheckConstraint(
                condition=Q(respond_by__gt=models.F("raised_at")),
                name="a_concern_has_a_deadline_after_it_was_raised",
            ),
        ]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

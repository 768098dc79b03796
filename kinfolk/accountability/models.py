"""Commitments: what the people who commission care promise, in public, as a tree whose progress
rolls up from its parts, with a dated timeline and the evidence for each step (ADR 0034)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinfolk.core.scoping import AreaOwned
from kinfolk.wellbeing.models import CareActArea


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    DELAYED = "delayed", "Delayed"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


# A commitment in these states no longer counts towards its parent's progress.
NOT_COUNTED = (Status.DROPPED,)
FINISHED = (Status.DONE, Status.DROPPED)


class Commitment(AreaOwned):
    """One thing the area promised: what, by when, with what money, for which outcome."""

    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    reference = models.CharField(max_length=20)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    by_when = models.DateField()
    budget_pence = models.PositiveBigIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=CareActArea.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(default=0)  # its own, used when it has no parts
    weight = models.PositiveSmallIntegerField(default=1)  # its share of its parent's progress
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reference", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["area", "reference"], name="one_reference_per_area"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="progress_at_most_100"),
            models.CheckConstraint(condition=Q(weight__gte=1), name="weight_at_least_1"),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(progress=100), name="done_means_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class CommitmentUpdate(AreaOwned):
    """One dated step on a commitment's timeline: what happened, and the evidence for it."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    happened_on = models.DateField()
    words = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices)
    progress = models.PositiveSmallIntegerField()
    evidence_url = models.URLField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-pk"]


# Outcome payments live in their own module; imported here so Django finds them.
from .outcomes.models import (  # noqa: E402, F401
    ClaimStatus,
    OutcomeClaim,
    OutcomeKind,
    OutcomesContract,
    RateLine,
)
from .scores.models import IStatement, ServiceScore  # noqa: E402, F401

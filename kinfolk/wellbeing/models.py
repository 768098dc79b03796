"""Wellbeing measures as answered, check-ins, a person's circle over time, episodes of support."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinfolk.core.scoping import AreaOwned


class RecordedWith(models.TextChoices):
    SELF = "self", "The person, on their own"
    WITH_SOMEONE = "with_someone", "The person, with someone helping"
    ON_BEHALF = "on_behalf", "Someone else, with the person"


class MeasureResponse(AreaOwned):
    """One completed measure: the answers exactly as given, the score, who recorded it, when."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="measure_responses"
    )
    measure = models.CharField(max_length=20)
    answers = models.JSONField()
    score = models.JSONField()
    recorded_with = models.CharField(max_length=20, choices=RecordedWith.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    completed_at = models.DateTimeField()

    class Meta:
        ordering = ["completed_at"]
        indexes = [models.Index(fields=["area", "person", "measure", "completed_at"])]


class LicensedWording(AreaOwned):
    """Item wording an area's organisation is licensed to use (e.g. SWEMWBS), loaded by a
    command for that area; other areas never see it."""

    measure = models.CharField(max_length=20)
    items = models.JSONField()  # {"item_1": "wording", ...}
    licensee = models.CharField(max_length=200)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "measure"], name="one_wording_per_area")
        ]


class CareActArea(models.TextChoices):
    """The nine areas of wellbeing in the Care Act 2014 s.1(2); no hierarchy."""

    DIGNITY = "dignity", "Being treated with dignity and respect"
    HEALTH = "health", "Physical and mental health and emotional wellbeing"
    PROTECTION = "protection", "Being safe from abuse and neglect"
    CONTROL = "control", "Control over my day-to-day life, and my care and support"
    PARTICIPATION = "participation", "Work, education, training or things I enjoy doing"
    SOCIAL_ECONOMIC = "social_economic", "Money and being part of things"
    RELATIONSHIPS = "relationships", "Family, friends and relationships"
    HOME = "home", "Where I live"
    CONTRIBUTION = "contribution", "What I give to my community"


class CheckIn(AreaOwned):
    """The person's own check-in: how each area is going, in their words, and what would help."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="check_ins")
    areas = models.JSONField()  # {area: {"going": "well|ok|not well", "words": "", "help": ""}}
    can_do = models.TextField(blank=True)
    could_do_with_support = models.TextField(blank=True)
    rely_on_services_for = models.TextField(blank=True)
    recorded_with = models.CharField(max_length=20, choices=RecordedWith.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    checked_in_at = models.DateTimeField()

    class Meta:
        ordering = ["checked_in_at"]


class Ring(models.IntegerChoices):
    CLOSEST = 1, "Closest"
    CLOSE = 2, "Close"
    AROUND_ME = 3, "Around me"


class Who(models.TextChoices):
    FAMILY = "family", "Family"
    FRIEND = "friend", "Friend"
    NEIGHBOUR = "neighbour", "Neighbour"
    COMMUNITY_GROUP = "community_group", "Community group"
    PAID_SUPPORT = "paid_support", "Paid support"
    PROFESSIONAL = "professional", "Professional"


class Contact(models.TextChoices):
    DAILY = "daily", "Every day"
    WEEKLY = "weekly", "Every week"
    MONTHLY = "monthly", "Every month"
    LESS = "less", "Less often"


class CircleSnapshot(AreaOwned):
    """A person's circle as it was on a day; each change makes (or updates) that day's snapshot."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="circles")
    taken_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["taken_on"]
        constraints = [
            models.UniqueConstraint(fields=["person", "taken_on"], name="one_circle_a_day")
        ]


class CircleMember(AreaOwned):
    snapshot = models.ForeignKey(CircleSnapshot, on_delete=models.CASCADE, related_name="members")
    key = models.CharField(max_length=40, help_text="Stays the same for one relationship over time")
    name = models.CharField(max_length=100)
    who = models.CharField(max_length=20, choices=Who.choices)
    ring = models.PositiveSmallIntegerField(choices=Ring.choices)
    contact = models.CharField(max_length=10, choices=Contact.choices)
    paid = models.BooleanField(default=False)

    class Meta:
        ordering = ["ring", "name"]


class Episode(AreaOwned):
    """A spell of support the connection test looks at: did it connect or disconnect?"""

    class Kind(models.TextChoices):
        SHARED_LIVES = "shared_lives", "Shared Lives arrangement"
        SOCIAL_PRESCRIBING = "social_prescribing", "Social prescribing"
        SERVICE = "service", "Another service"

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="episodes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    service = models.CharField(max_length=150)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="episode_ends_after_it_starts",
            )
        ]


class Visibility(AreaOwned):
    """Who the person chose to let see 'How I'm doing' (besides themselves)."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, related_name="wellbeing_visibility"
    )
    workers = models.BooleanField("Workers allocated to support me", default=True)
    representatives = models.BooleanField("People I chose to see my record", default=True)

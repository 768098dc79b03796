"""People score the services they use against Making it Real "I statements" (Think Local Act
Personal), in easy read; published per service with small numbers suppressed (ADR 0046)."""

from django.db import models
from django.db.models import Q

from kinfolk.core.scoping import AreaOwned


class IStatement(models.TextChoices):
    """Six of TLAP's Making it Real statements, as a person says them."""

    MY_LIFE = "my_life", "I can live the life I want and do the things that matter to me"
    PEOPLE = "people", "I have people in my life who care about me"
    LISTENED = "listened", "I am listened to, and what I say makes a difference"
    SAFE = "safe", "I feel safe, and I am helped to manage any risks"
    INFORMATION = "information", "I get information and advice that helps me plan my life"
    CONTROL = "control", "I am in control of my care and support"


# 1 "No, not at all" .. 4 "Yes, completely": 3 and 4 count as "yes or mostly".
ANSWERS = [(1, "No, not at all"), (2, "Not really"), (3, "Mostly"), (4, "Yes, completely")]
YES = (3, 4)


class ServiceScore(AreaOwned):
    """One person's score of one service they used, for one financial year (a new one replaces
    it). Their words stay with them: never published, never shown to the service."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    service = models.CharField(max_length=150)
    year = models.CharField(max_length=7)  # "2026-27"
    answers = models.JSONField()  # {statement: 1..4}
    in_their_words = models.TextField(blank=True)
    scored_on = models.DateField()

    class Meta:
        ordering = ["service", "scored_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "service", "year"], name="one_score_a_year_per_service"
            ),
            models.CheckConstraint(condition=~Q(service=""), name="a_score_names_its_service"),
        ]

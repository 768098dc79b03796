"""A person scores a service they used."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.models import AuditAction
from kinfolk.core.periods import year_of
from kinfolk.core.permissions import require
from kinfolk.core.text import visible_text
from kinfolk.people.audit import audit_person
from kinfolk.wellbeing.models import Episode

from .models import ANSWERS, IStatement, ServiceScore


def services_used(person) -> list[str]:
    """The services the person has had a spell of support with (what they may score)."""
    return sorted(spells_by_service(person))


def spells_by_service(person) -> dict[str, int]:
    """Each service the person used, with their latest spell's id (the page's address)."""
    spells = Episode.objects.in_area(person.area).filter(person=person).order_by("started_on")
    return dict(spells.values_list("service", "pk"))


@transaction.atomic
def score_give(*, actor, person, service: str, answers: dict, in_their_words: str = ""):
    """The person's score of a service they used, for this financial year (replacing one they
    gave earlier this year)."""
    require(actor, "accountability.score_a_service", person)
    if service not in services_used(person):
        raise ValidationError("You can only score a service you have used.", code="service")
    allowed = {value for value, _ in ANSWERS}
    missing = [s for s in IStatement.values if answers.get(s) not in allowed]
    if missing:
        raise ValidationError({s: "Choose an answer." for s in missing})
    today = timezone.localdate()
    score, _ = ServiceScore.objects.update_or_create(
        person=person, service=service, year=year_of(today, today).code,
        defaults={"area": person.area, "answers": {s: answers[s] for s in IStatement.values},
                  "in_their_words": visible_text(in_their_words), "scored_on": today},
    )  # fmt: skip
    audit_person(actor=actor, action=AuditAction.UPDATE, person=person, about=score)
    return score

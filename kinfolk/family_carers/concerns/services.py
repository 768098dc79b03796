"""Raising a concern, answering it, and passing a late one to the lead."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.accounts.selectors import users_acting_as
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import visible_text
from kinfolk.notifications.services import tell
from kinfolk.people.audit import audit_person
from kinfolk.people.models import Assignment
from kinfolk.people.rules import granted_view, is_the_person

from .models import Concern, RaisedAs

URGENT_WITHIN = timedelta(hours=24)
OTHERWISE_WITHIN = timedelta(days=5)
RAISED, LATE, ANSWERED = (
    "family_carers.concern_raised",
    "family_carers.concern_late",
    "family_carers.concern_answered",
)


def said_when(moment: datetime) -> str:
    """ "2pm on 25 November", "9:30am on 3 March"."""
    local = timezone.localtime(moment)
    clock = local.strftime("%-I:%M%p").replace(":00", "").lower()
    return f"{clock} on {local:%-d %B}"


def _link(concern: Concern) -> str:
    return reverse("family_carers:concern", args=[concern.pk])


def responsible_workers(person) -> list:
    """The workers allocated to the person now."""
    found = Assignment.objects.in_area(person.area).filter(person=person, ended_at__isnull=True)
    return [a.worker for a in found.select_related("worker")]


def leads(area) -> list:
    """The area admins, who lead on concerns not answered in time."""
    return users_acting_as(area_id=area.pk, role=Role.AREA_ADMIN)


def _raised_as(actor, person) -> str:
    if is_the_person(actor, person):
        return RaisedAs.THE_PERSON
    return RaisedAs.REPRESENTATIVE if granted_view(actor, person) else RaisedAs.FAMILY


@transaction.atomic
def concern_raise(*, actor, person, worry: str, urgent: bool) -> Concern:
    """Someone close to the person says they are worried and not being heard. The person's
    workers and the lead are told at once, with the deadline for an answer."""
    require(actor, "family_carers.raise_concern", person)
    worry = visible_text(worry)
    if not worry:
        raise ValidationError({"worry": "Say what worries you."})
    now = timezone.now()
    concern = Concern.objects.create(
        area=person.area, person=person, raised_by=actor.user, raised_as=_raised_as(actor, person),
        worry=worry, urgent=urgent, raised_at=now,
        respond_by=now + (URGENT_WITHIN if urgent else OTHERWISE_WITHIN),
    )  # fmt: skip
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=concern,
                 detail={"urgent": urgent})  # fmt: skip
    text = (
        f"{'An urgent' if urgent else 'A'} concern about the care of someone you support. "
        f"Answer by {said_when(concern.respond_by)}."
    )
    told = {u.pk: u for u in responsible_workers(person) + leads(person.area)}
    for user in told.values():
        if user.pk != actor.user.pk:
            tell(recipient=user, area=person.area, event=RAISED, text=text,
                 key=f"concern-{concern.pk}-raised", link=_link(concern), about=person)  # fmt: skip
    return concern


@transaction.atomic
def concern_answer(*, actor, concern: Concern, answer: str, next_step: str = "") -> Concern:
    """The worker or the lead answers, in words; whoever raised it is told."""
    require(actor, "family_carers.answer_concern", concern, about=concern.person)
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    if concern.is_answered:
        raise ValidationError("This concern has been answered already.", code="answered")
    answer = visible_text(answer)
    if not answer:
        raise ValidationError({"answer": "Write your answer to the concern."})
    concern.answer, concern.next_step = answer, visible_text(next_step)
    concern.answered_at, concern.answered_by = timezone.now(), actor.user
    concern.save()
    audit_person(actor=actor, action=AuditAction.UPDATE, person=concern.person, about=concern,
                 detail={"answered": True})  # fmt: skip
    tell(recipient=concern.raised_by, area=concern.area, event=ANSWERED,
         text="Your concern has been answered.", key=f"concern-{concern.pk}-answered",
         link=_link(concern), about=concern.person)  # fmt: skip
    return concern


def pass_late_concerns_on(day) -> str:
    """Every hour: a concern past its deadline with no answer goes to the lead, once, and the
    one who raised it is told it has been passed on."""
    now = timezone.now()
    late = Concern.objects.filter(answered_at__isnull=True, escalated_at__isnull=True,
                                  respond_by__lt=now).select_related("area", "person")  # fmt: skip
    count = 0
    for concern in late:
        Concern.objects.filter(pk=concern.pk).update(escalated_at=now)
        for lead in leads(concern.area):
            tell(recipient=lead, area=concern.area, event=LATE,
                 text=f"A concern raised {said_when(concern.raised_at)} has not been answered in "
                      "time. Please answer it now.",
                 key=f"concern-{concern.pk}-late", link=_link(concern),
                 about=concern.person)  # fmt: skip
        tell(recipient=concern.raised_by, area=concern.area, event=LATE,
             text="Your concern was not answered in time, so it has gone to a senior lead.",
             key=f"concern-{concern.pk}-late-raiser", link=_link(concern),
             about=concern.person)  # fmt: skip
        count += 1
    return f"passed_on:{count}"

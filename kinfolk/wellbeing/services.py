"""Writes: a measure answered, a check-in, a change to the circle, who may see it. Audited."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import forget, require
from kinfolk.core.text import clean_name
from kinfolk.people.audit import audit_person

from . import selectors
from .models import (
    CareActArea,
    CheckIn,
    CircleMember,
    CircleSnapshot,
    Contact,
    MeasureResponse,
    RecordedWith,
    Ring,
    Visibility,
    Who,
)
from .scoring import MEASURES, Incomplete, score

GOING = ("well", "ok", "not well")


def _must(actor, rule, person, message):
    require(actor, f"wellbeing.{rule}", person, message=message)


def _recorded_with(actor, person, recorded_with: str) -> str:
    if recorded_with not in RecordedWith.values:
        raise ValidationError("Say who answered.", code="recorded_with")
    if person.user_id != getattr(actor.user, "pk", None) and recorded_with == RecordedWith.SELF:
        return RecordedWith.ON_BEHALF  # someone else pressing the button never counts as "self"
    return recorded_with


@transaction.atomic
def response_record(
    *, actor, person, measure: str, answers: dict, recorded_with: str = RecordedWith.SELF
) -> MeasureResponse:
    """A measure as answered. Incomplete answers are refused, not scored low."""
    _must(actor, "record_wellbeing", person, "You cannot record this for this person.")
    if measure not in MEASURES:
        raise ValidationError("Choose a measure Kinfolk supports.", code="measure")
    if measure == "swemwbs" and not selectors.licensed_wording("swemwbs", area=person.area):
        raise ValidationError(
            "SWEMWBS is not available: its wording is licensed and your organisation has not "
            "loaded it (kinfolk load-swemwbs).",
            code="unlicensed",
        )
    try:
        scored = score(measure, answers)
    except Incomplete as error:
        raise ValidationError(
            f"Every question needs an answer: {error}", code="incomplete"
        ) from error
    response = MeasureResponse.objects.create(
        area=person.area,
        person=person,
        measure=measure,
        answers=answers,
        score=scored,
        recorded_with=_recorded_with(actor, person, recorded_with),
        recorded_by=actor.user,
        completed_at=timezone.now(),
    )
    audit_person(
        actor=actor, action=AuditAction.CREATE, person=person, about=response,
        detail={"measure": measure},
    )  # fmt: skip
    return response


@transaction.atomic
def check_in_record(
    *, actor, person, areas: dict, assets: dict, recorded_with: str = RecordedWith.SELF
) -> CheckIn:
    """The nine Care Act areas, in the person's words, and their asset-based profile reviewed."""
    _must(actor, "record_wellbeing", person, "You cannot record this for this person.")
    clean = {}
    for area, entry in areas.items():
        if area not in CareActArea.values or entry.get("going") not in (*GOING, "", None):
            raise ValidationError("Answer from the choices given.", code="areas")
        if entry.get("going") or entry.get("words") or entry.get("help"):
            clean[area] = {k: (entry.get(k) or "").strip() for k in ("going", "words", "help")}
    if not clean:
        raise ValidationError("Say how at least one part of life is going.", code="empty")
    check_in = CheckIn.objects.create(
        area=person.area,
        person=person,
        areas=clean,
        can_do=assets.get("can_do", "").strip(),
        could_do_with_support=assets.get("could_do_with_support", "").strip(),
        rely_on_services_for=assets.get("rely_on_services_for", "").strip(),
        recorded_with=_recorded_with(actor, person, recorded_with),
        recorded_by=actor.user,
        checked_in_at=timezone.now(),
    )
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=check_in)
    return check_in


def _todays_circle(actor, person) -> CircleSnapshot:
    """Today's snapshot, started as a copy of the last one, so change over time stays visible."""
    today = date.today()
    latest = selectors.latest_circle(person=person)
    if latest and latest.taken_on == today:
        return latest
    snapshot = CircleSnapshot.objects.create(
        area=person.area, person=person, taken_on=today, recorded_by=actor.user
    )
    if latest:
        CircleMember.objects.bulk_create(
            [
                CircleMember(
                    area=person.area,
                    snapshot=snapshot,
                    key=m.key,
                    name=m.name,
                    who=m.who,
                    ring=m.ring,
                    contact=m.contact,
                    paid=m.paid,
                )  # fmt: skip
                for m in latest.members.all()
            ]
        )
    return snapshot


@transaction.atomic
def circle_add(*, actor, person, name: str, who: str, ring: int, contact: str, paid: bool):
    """Someone joins the person's circle today (the earlier snapshots keep who was there)."""
    _must(actor, "record_wellbeing", person, "You cannot change this person's circle.")
    name = clean_name(name)
    if not name:
        raise ValidationError("Write who they are (a name, or 'my neighbour').", code="name")
    if who not in Who.values or ring not in Ring.values or contact not in Contact.values:
        raise ValidationError("Answer from the choices given.", code="choice")
    snapshot = _todays_circle(actor, person)
    member = CircleMember.objects.create(
        area=person.area, snapshot=snapshot, key=uuid.uuid4().hex, name=name[:100], who=who,
        ring=ring, contact=contact, paid=paid,
    )  # fmt: skip
    audit_person(actor=actor, action=AuditAction.UPDATE, person=person, about=snapshot,
                 detail={"circle": "added"})  # fmt: skip
    return member


@transaction.atomic
def circle_remove(*, actor, person, key: str) -> None:
    """Someone leaves the person's circle today; earlier snapshots still show them."""
    _must(actor, "record_wellbeing", person, "You cannot change this person's circle.")
    snapshot = _todays_circle(actor, person)
    removed, _ = (
        CircleMember.objects.in_area(person.area).filter(snapshot=snapshot, key=key).delete()
    )
    if not removed:
        raise ValidationError("That person is not in the circle.", code="key")
    audit_person(actor=actor, action=AuditAction.UPDATE, person=person, about=snapshot,
                 detail={"circle": "removed"})  # fmt: skip


@transaction.atomic
def visibility_set(*, actor, person, workers: bool, representatives: bool) -> Visibility:
    """The person chooses who, besides them, sees how they are doing."""
    _must(actor, "choose_who_sees_wellbeing", person, "Only the person can choose this.")
    visibility = selectors.visibility_for(person=person)
    visibility.workers, visibility.representatives = workers, representatives
    visibility.save()
    forget(actor)  # someone acting for the person may have changed what they see
    audit_person(
        actor=actor, action=AuditAction.UPDATE, person=person, about=visibility,
        detail={"workers": workers, "representatives": representatives},
    )  # fmt: skip
    return visibility


@transaction.atomic
def episode_record(*, actor, person, service: str, kind: str, started_on: date):
    """A spell of support recorded against a person, for the connection test."""
    from .models import Episode

    _must(actor, "record_wellbeing", person, "You cannot record this for this person.")
    if kind not in Episode.Kind.values:
        raise ValidationError("Choose what kind of support it is.", code="kind")
    if not (service or "").strip():
        raise ValidationError("Name the service.", code="service")
    if started_on > date.today():
        raise ValidationError("The start cannot be in the future.", code="started_on")
    episode = Episode.objects.create(
        area=person.area, person=person, kind=kind, service=service.strip()[:150],
        started_on=started_on,
    )  # fmt: skip
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=episode)
    return episode


def shared_lives_episode_started(arrangement) -> None:
    """Every Shared Lives arrangement is an episode the connection test looks at."""
    from .models import Episode

    Episode.objects.create(
        area=arrangement.area, person=arrangement.person, kind=Episode.Kind.SHARED_LIVES,
        service=f"Shared Lives ({arrangement.area.name})", started_on=arrangement.starts_on,
    )  # fmt: skip


def shared_lives_episode_ended(arrangement) -> None:
    """A Shared Lives arrangement ended: so does its episode."""
    from .models import Episode

    Episode.objects.in_area(arrangement.area).filter(
        person=arrangement.person, kind=Episode.Kind.SHARED_LIVES,
        started_on=arrangement.starts_on, ended_on__isnull=True,
    ).update(ended_on=arrangement.ended_on)  # fmt: skip

"""Reads of a person's wellbeing, each checked against their choice and audited."""

from django.core.exceptions import PermissionDenied

from kinfolk.core.lookups import int_or_404
from kinfolk.core.models import AuditAction
from kinfolk.people.audit import audit_person
from kinfolk.people.selectors import person_get

from .models import CheckIn, CircleSnapshot, Episode, LicensedWording, MeasureResponse, Visibility
from .rules import can_wellbeing


def wellbeing_person_get(*, actor, person_id, rule: str = "view_wellbeing"):
    """The person, if the actor may see (or record) their wellbeing; refusals are audited."""
    person = person_get(actor=actor, person_id=person_id, rule="view_person", audit_as=None)
    if not can_wellbeing(actor, rule, person):
        audit_person(actor=actor, action=AuditAction.DENIED, person=person, detail={"rule": rule})
        raise PermissionDenied(f"{person.called} has not chosen to share this with you.")
    audit_person(actor=actor, action=AuditAction.VIEW, person=person, detail={"page": "wellbeing"})
    return person


def responses_for(*, person, measure: str | None = None):
    found = MeasureResponse.objects.in_area(person.area).filter(person=person)
    return found.filter(measure=measure) if measure else found


def response_get(*, actor, response_id):
    response = (
        MeasureResponse.objects.filter(pk=int_or_404(response_id)).select_related("person").first()
    )
    if response is None:
        from django.http import Http404

        raise Http404("No such response")
    wellbeing_person_get(actor=actor, person_id=response.person_id)
    return response


def check_ins_for(*, person):
    return CheckIn.objects.in_area(person.area).filter(person=person)


def circles_for(*, person):
    return (
        CircleSnapshot.objects.in_area(person.area)
        .filter(person=person)
        .prefetch_related("members")
    )


def latest_circle(*, person):
    return circles_for(person=person).order_by("-taken_on").first()


def episodes_for(*, person):
    return Episode.objects.in_area(person.area).filter(person=person)


def visibility_for(*, person) -> Visibility:
    return Visibility.objects.in_area(person.area).filter(person=person).first() or Visibility(
        area=person.area, person=person
    )


def licensed_wording(measure: str, *, area) -> dict | None:
    """The wording this area is licensed to use for a measure, or None if it has none."""
    wording = LicensedWording.objects.in_area(area).filter(measure=measure).first()
    return wording.items if wording else None


def circle_member(*, person, key: str):
    """Someone in the person's latest circle, by their key, or None."""
    latest = latest_circle(person=person)
    return latest.members.filter(key=key).first() if latest else None

"""Reads of a person's wellbeing, each checked against their choice and audited."""

from django.http import Http404

import kinfolk.wellbeing.rules  # noqa: F401  (names the permissions asked here)
from kinfolk.core.lookups import int_or_404
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.people.audit import audit_person
from kinfolk.people.selectors import person_get

from .models import CheckIn, CircleSnapshot, Episode, LicensedWording, MeasureResponse, Visibility


def wellbeing_person_get(*, actor, person_id, rule: str = "view_wellbeing"):
    """The person, if the actor may see (or record) their wellbeing (`wellbeing.<rule>`);
    refusals are audited, and the look is audited as a view of the wellbeing page."""
    person = person_get(actor=actor, person_id=person_id, rule="view_person", audit_as=None)
    require(
        actor,
        f"wellbeing.{rule}",
        person,
        message=f"{person.called} has not chosen to share this with you.",
    )
    audit_person(actor=actor, action=AuditAction.VIEW, person=person, detail={"page": "wellbeing"})
    return person


def responses_for(*, person, measure: str | None = None):
    """The measures the person has answered (of one kind, if given), oldest first."""
    found = MeasureResponse.objects.in_area(person.area).filter(person=person)
    return found.filter(measure=measure) if measure else found


def response_get(*, actor, response_id):
    """One answered measure, if the actor may see the person's wellbeing; else 404 or refused."""
    response = (
        MeasureResponse.objects.filter(pk=int_or_404(response_id)).select_related("person").first()
    )
    if response is None:
        raise Http404("No such response")
    wellbeing_person_get(actor=actor, person_id=response.person_id)
    return response


def check_ins_for(*, person):
    """The person's check-ins, oldest first."""
    return CheckIn.objects.in_area(person.area).filter(person=person)


def circles_for(*, person):
    """Every snapshot of the person's circle, with who was in it."""
    return (
        CircleSnapshot.objects.in_area(person.area)
        .filter(person=person)
        .prefetch_related("members")
    )


def latest_circle(*, person):
    """The person's circle as it is now (the latest snapshot), or None."""
    return circles_for(person=person).order_by("-taken_on").first()


def episodes_for(*, person):
    """The spells of support recorded for the person."""
    return Episode.objects.in_area(person.area).filter(person=person)


def visibility_for(*, person) -> Visibility:
    """Who the person chose to let see their wellbeing (everyone allowed, until they choose)."""
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


def service_names(*, area) -> list[str]:
    """The names of the services people in the area have had spells of support with."""
    return list(
        Episode.objects.in_area(area)
        .values_list("service", flat=True)
        .distinct()
        .order_by("service")
    )

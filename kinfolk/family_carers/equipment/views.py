"""Equipment pages: ask for it, see where each part is up to, record what an agency says, and
the figures by agency. Thin."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from kinfolk.core import disclosure, periods
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import form_posted

from ..selectors import person_close_to
from . import presenters, selectors, services
from .forms import PartForm, RequestForm


def _person(request, person_id):
    """The person it is about: in the actor's area, and someone the actor is close to."""
    return person_close_to(
        actor=request.actor,
        person_id=person_id,
        permission="family_carers.request_equipment",
        page="request_equipment",
    )


@login_required
def equipment_new(request, person_id):
    """Ask for equipment or an adaptation, with the part each agency must supply."""
    person = _person(request, person_id)
    form = RequestForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda d: services.request_make(
            actor=request.actor, person=person, what=d["what"], why=d["why"], parts=form.parts()
        ),
        said="The request is recorded. Each agency's part shows on this page as it moves.",
        then=lambda r: reverse("family_carers:equipment", args=[r.pk]),
    ):
        return done
    return render(request, "family_carers/equipment_new.jinja", {"form": form, "person": person})


@login_required
def equipment(request, equipment_id):
    """Where each part is up to, in plain words, for the family and the coordinators."""
    found = selectors.request_get(actor=request.actor, request_id=equipment_id)
    today = timezone.localdate()
    parts = list(found.parts.all())
    return render(
        request,
        "family_carers/equipment.jinja",
        {
            "r": found,
            "lines": [presenters.part_line(p, today) for p in parts],
            "summary": presenters.request_summary(found, parts, today),
            "may_update": can(request.actor, "family_carers.update_equipment", found),
        },
    )


@login_required
def part(request, part_id):
    """Record what an agency says about its part."""
    found = selectors.part_get(actor=request.actor, part_id=part_id)
    form = PartForm(request.POST or None, initial={"status": found.status, "note": found.note})
    if done := form_posted(
        request,
        form,
        act=lambda d: services.part_update(
            actor=request.actor,
            part=found,
            status=d["status"],
            note=d["note"],
            working_on=d["working_on"],
            target_on=d["target_on"],
        ),  # fmt: skip
        said="Recorded. The family can see it.",
        then=reverse("family_carers:equipment", args=[found.request_id]),
    ):
        return done
    return render(request, "family_carers/equipment_part.jinja", {"form": form, "p": found})


@login_required
def equipment_figures(request):
    """Parts asked for in the year by agency, and how long each took to be working."""
    require(request.actor, "family_carers.see_concern_figures")
    area, today = request.actor.area, timezone.localdate()
    since = selectors.first_request_on(area=area)
    year = periods.chosen(request.GET.get("period"), since=since, today=today)
    lines = selectors.figures(area=area, year=year)
    return render(
        request,
        "family_carers/equipment_figures.jinja",
        {"sections": disclosure.sections(lines), "explanation": disclosure.EXPLANATION,
         "year": year, "years": periods.years(since=since, today=today)},
    )  # fmt: skip

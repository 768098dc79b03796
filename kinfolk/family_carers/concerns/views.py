"""Concerns: raise one, read and answer one, the lists, and the figures. Thin."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from kinfolk.core import disclosure, periods
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import form_posted

from ..selectors import person_close_to
from . import selectors, services
from .forms import AnswerForm, ConcernForm


@login_required
def concern_new(request, person_id):
    """'I am worried and not being heard': about a person's care, with how urgent it is."""
    person = _person_for_concern(request, person_id)
    form = ConcernForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda d: services.concern_raise(
            actor=request.actor, person=person, worry=d["worry"], urgent=d["urgent"] == "yes"
        ),
        said=lambda c: (
            "Your concern has been sent. It must be answered by "
            f"{services.said_when(c.respond_by)}."
        ),
        then=lambda c: reverse("family_carers:concern", args=[c.pk]),
    ):
        return done
    own = person.user_id == request.user.pk
    return render(
        request, "family_carers/concern_new.jinja", {"form": form, "person": person, "own": own}
    )


def _person_for_concern(request, person_id):
    """The person it is about: in the actor's area, and someone the actor is close to."""
    return person_close_to(
        actor=request.actor,
        person_id=person_id,
        permission="family_carers.raise_concern",
        page="raise_concern",
    )


@login_required
def concern(request, concern_id):
    """One concern: what worries them, the deadline, and the answer (or the form for it)."""
    found = selectors.concern_get(actor=request.actor, concern_id=concern_id)
    if request.method == "POST":
        require(request.actor, "family_carers.answer_concern", found, about=found.person)
    may_answer = can(request.actor, "family_carers.answer_concern", found) and not found.is_answered
    form = AnswerForm(request.POST or None) if may_answer else None
    if form is not None and (
        done := form_posted(
            request,
            form,
            act=lambda d: services.concern_answer(
                actor=request.actor, concern=found, answer=d["answer"], next_step=d["next_step"]
            ),
            said="Your answer has been sent to whoever raised the concern.",
            then=reverse("family_carers:concern", args=[found.pk]),
        )
    ):
        return done
    return render(
        request,
        "family_carers/concern.jinja",
        {
            "c": found,
            "form": form,
            "late": not found.is_answered and found.respond_by < timezone.now(),
            "when": services.said_when,
        },
    )


@login_required
def concerns(request):
    """The concerns the actor raised, and those waiting for their answer."""
    mine, theirs = selectors.concerns_for(actor=request.actor)
    return render(
        request,
        "family_carers/concerns.jinja",
        {"mine": mine, "theirs": theirs, "now": timezone.now(), "when": services.said_when},
    )


@login_required
def concern_figures(request):
    """Concerns raised in the year, answered on time or late, under the disclosure rule."""
    require(request.actor, "family_carers.see_concern_figures")
    area, today = request.actor.area, timezone.localdate()
    since = selectors.first_concern_on(area=area)
    year = periods.chosen(request.GET.get("period"), since=since, today=today)
    lines = selectors.figures(area=area, year=year)
    return render(
        request,
        "family_carers/concern_figures.jinja",
        {"sections": disclosure.sections(lines), "explanation": disclosure.EXPLANATION,
         "year": year, "years": periods.years(since=since, today=today)},
    )  # fmt: skip

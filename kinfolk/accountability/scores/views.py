"""Scoring a service (the person, in easy read), the published scores (anyone), and the words
people wrote (commissioners). Thin."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from kinfolk.core import csv_export, disclosure, periods
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.posting import form_posted
from kinfolk.core.tenancy import within_area
from kinfolk.people.audit import audit_person

from .. import selectors as accountability
from . import selectors, services
from .forms import ScoreForm
from .models import IStatement

PICTURES = {
    IStatement.MY_LIFE: ("1F3E0", "A house"),
    IStatement.PEOPLE: ("1F46A", "A family"),
    IStatement.LISTENED: ("1F442", "An ear"),
    IStatement.SAFE: ("1F6E1", "A shield"),
    IStatement.INFORMATION: ("2139", "An information sign"),
    IStatement.CONTROL: ("1F9ED", "A compass"),
}


def _me(request):
    person = selectors.my_record(actor=request.actor)
    require(request.actor, "accountability.score_a_service", person,
            message="Only the person who used a service scores it.")  # fmt: skip
    return person


@login_required
def mine(request):
    """The services I have used, to score."""
    person = _me(request)
    used = sorted(services.spells_by_service(person).items())
    return render(request, "accountability/scores/mine.jinja", {"services": used})


@login_required
def score(request, episode_id):
    """Score one service I used, in easy read: six I statements, four answers each."""
    person = _me(request)
    service = {pk: name for name, pk in services.spells_by_service(person).items()}.get(episode_id)
    if service is None:
        raise Http404
    audit_person(actor=request.actor, action=AuditAction.VIEW, person=person,
                 detail={"page": "score_a_service"})  # fmt: skip
    form = ScoreForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda d: services.score_give(
            actor=request.actor,
            person=person,
            service=service,
            answers={s: d[s] for s in IStatement.values},
            in_their_words=d["in_their_words"],
        ),  # fmt: skip
        said=f"Thank you. Your score for {service} is saved. Nobody sees who said what.",
        then=reverse("accountability:my_scores"),
    ):
        return done
    questions = [(form[s], *PICTURES[s]) for s in IStatement.values]
    return render(
        request,
        "accountability/scores/score.jinja",
        {"form": form, "service": service, "questions": questions,
         "usual_page": reverse("accountability:my_scores")},
    )  # fmt: skip


def public(request, area_slug):
    """The area's people-scored services for a financial year, for anyone; also CSV and JSON."""
    area = accountability.public_area(area_slug)
    today = timezone.localdate()
    with within_area(area):  # no one is signed in: the area is the one asked for
        since = selectors.first_score_on(area=area)
        year = periods.chosen(request.GET.get("period"), since=since, today=today)
        lines = selectors.published(area=area, year=year)
    fmt = request.GET.get("format")
    if fmt == "csv":
        name = f"{area.slug}-scores-{year.code}.csv"
        return csv_export.csv_download(name, disclosure.CSV_HEADER, disclosure.csv_rows(lines))
    if fmt == "json":
        body = {"area": area.name, "year": year.code, "scores": disclosure.api_rows(lines)}
        response = HttpResponse(json.dumps(body, indent=1), content_type="application/json")
        response["Access-Control-Allow-Origin"] = "*"
        return response
    return render(
        request,
        "accountability/scores/public.jinja",
        {"area": area, "sections": disclosure.sections(lines), "year": year,
         "years": periods.years(since=since, today=today), "explanation": disclosure.EXPLANATION},
    )  # fmt: skip


@login_required
def words(request):
    """What people wrote about each service, without names, for the area's commissioners."""
    require(request.actor, "accountability.read_score_words")
    today = timezone.localdate()
    area = request.actor.area
    year = periods.chosen(request.GET.get("period"), since=selectors.first_score_on(area=area),
                          today=today)  # fmt: skip
    found = selectors.words_by_service(area=area, year=year)
    return render(request, "accountability/scores/words.jinja", {"found": found, "year": year})

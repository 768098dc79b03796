"""Wellbeing pages: How I'm doing, measures, check-ins, the circle, and the connection test."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core import csv_export
from kinfolk.core.audit import audit_record
from kinfolk.core.disclosure import EXPLANATION
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import acted_on, form_posted
from kinfolk.core.redirects import same_site_path

from . import connection, selectors, services
from .forms import (
    MEASURE_FORMS,
    CheckInForm,
    CircleMemberForm,
    EpisodeForm,
    VisibilityForm,
    swemwbs_form,
)
from .presenters import HowImDoing
from .scoring import MEASURES


def _how_page(person_id) -> str:
    return reverse("wellbeing:how", args=[person_id])


def _how_im_doing(actor, person) -> HowImDoing:
    return HowImDoing(
        person=person,
        own=person.user_id == getattr(actor.user, "pk", None),
        can_record=can(actor, "wellbeing.record_wellbeing", person),
        can_choose=can(actor, "wellbeing.choose_who_sees_wellbeing", person),
        responses=list(selectors.responses_for(person=person)),
        check_ins=list(selectors.check_ins_for(person=person)),
        circles=list(selectors.circles_for(person=person)),
    )


@login_required
def how_im_doing(request, person_id):
    """How I'm doing: measures over time, the circle, support had, and check-ins."""
    person = selectors.wellbeing_person_get(actor=request.actor, person_id=person_id)
    page = _how_im_doing(request.actor, person)
    return render(
        request,
        "wellbeing/how_im_doing.jinja",
        {
            "page": page,
            "episodes": list(selectors.episodes_for(person=person)),
            "episode_form": EpisodeForm(),
        },
    )


@login_required
def how_im_doing_easy(request, person_id):
    """How I'm doing, in easy read: the latest answers in short sentences with pictures."""
    person = selectors.wellbeing_person_get(actor=request.actor, person_id=person_id)
    return render(
        request,
        "wellbeing/how_im_doing_easy.jinja",
        {
            "page": _how_im_doing(request.actor, person),
            "usual_page": reverse("wellbeing:how", args=[person.pk]),
        },
    )


def _measure_form(measure: str, area):
    if measure == "swemwbs":
        wording = selectors.licensed_wording("swemwbs", area=area)
        return swemwbs_form(wording) if wording else None
    return MEASURE_FORMS.get(measure)


@login_required
def measure(request, person_id, measure):
    """One wellbeing measure to answer (SWEMWBS only where the area has licensed its wording)."""
    if measure not in MEASURES:
        raise Http404
    person = selectors.wellbeing_person_get(
        actor=request.actor, person_id=person_id, rule="record_wellbeing"
    )
    form_class = _measure_form(measure, person.area)
    if form_class is None:
        return render(
            request, "wellbeing/unavailable.jinja", {"person": person, "measure": MEASURES[measure]}
        )
    form = form_class(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.response_record(
            actor=request.actor,
            person=person,
            measure=measure,
            answers={k: v for k, v in data.items() if k != "recorded_with"},
            recorded_with=data["recorded_with"],
        ),
        said="Thank you. Your answers have been saved.",
        # A link worker recording answers from a referral goes back to the referral.
        then=lambda _: same_site_path(request.GET.get("next")) or _how_page(person.pk),
    ):
        return done
    return render(
        request,
        "wellbeing/measure.jinja",
        {"form": form, "person": person, "measure": MEASURES[measure]},
    )


@login_required
def check_in(request, person_id):
    """A check-in: how each part of life is going, and the asset-based profile reviewed."""
    person = selectors.wellbeing_person_get(
        actor=request.actor, person_id=person_id, rule="record_wellbeing"
    )
    latest = selectors.check_ins_for(person=person).last()
    form = CheckInForm(
        request.POST or None,
        initial={
            name: getattr(latest or person, name)
            for name in ("can_do", "could_do_with_support", "rely_on_services_for")
        },
    )
    if done := form_posted(
        request,
        form,
        act=lambda data: services.check_in_record(
            actor=request.actor,
            person=person,
            areas=form.areas(),
            assets=form.assets(),
            recorded_with=data["recorded_with"],
        ),
        said="Your check-in has been saved.",
        then=_how_page(person.pk),
    ):
        return done
    return render(request, "wellbeing/check_in.jinja", {"form": form, "person": person})


@login_required
def circle(request, person_id):
    """The person's circle as it is now, and a form to add someone to it."""
    person = selectors.wellbeing_person_get(
        actor=request.actor, person_id=person_id, rule="record_wellbeing"
    )
    form = CircleMemberForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.circle_add(actor=request.actor, person=person, **data),
        said=lambda _: f"{form.cleaned_data['name']} is in the circle.",
        then=reverse("wellbeing:circle", args=[person.pk]),
    ):
        return done
    latest = selectors.latest_circle(person=person)
    return render(
        request,
        "wellbeing/circle.jinja",
        {"form": form, "person": person, "members": list(latest.members.all()) if latest else []},
    )


@login_required
def circle_remove(request, person_id, key):
    """Take someone out of the circle, after a page that says what will happen."""
    person = selectors.wellbeing_person_get(
        actor=request.actor, person_id=person_id, rule="record_wellbeing"
    )
    if request.method != "POST":
        member = selectors.circle_member(person=person, key=key)
        if member is None:
            raise Http404
        own = person.user_id == request.actor.user.pk
        return render(
            request,
            "wellbeing/circle_remove.jinja",
            {"person": person, "member": member, "own": own},
        )
    try:
        services.circle_remove(actor=request.actor, person=person, key=key)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Taken out of the circle. Earlier circles keep them.")
    return redirect("wellbeing:circle", person.pk)


@login_required
@require_POST
def episode(request, person_id):
    """Record a service against the person, so the connection test can look at it."""
    person = selectors.wellbeing_person_get(
        actor=request.actor, person_id=person_id, rule="record_wellbeing"
    )
    form = EpisodeForm(request.POST)
    return acted_on(
        request, form,
        act=lambda data: services.episode_record(actor=request.actor, person=person, **data),
        said=lambda episode: f"{form.cleaned_data['service']} is recorded.",
        back=reverse("wellbeing:how", args=[person.pk]),
        invalid="Give the service's name, its kind and when it started.",
    )  # fmt: skip


@login_required
def sharing(request, person_id):
    """The person chooses who, besides them, sees how they are doing."""
    person = selectors.wellbeing_person_get(
        actor=request.actor, person_id=person_id, rule="choose_who_sees_wellbeing"
    )
    visibility = selectors.visibility_for(person=person)
    form = VisibilityForm(
        request.POST or None,
        initial={"workers": visibility.workers, "representatives": visibility.representatives},
    )
    if done := form_posted(
        request,
        form,
        act=lambda data: services.visibility_set(actor=request.actor, person=person, **data),
        said="Saved. Only the people you chose can see how you are doing.",
        then=_how_page(person.pk),
    ):
        return done
    return render(request, "wellbeing/sharing.jinja", {"form": form, "person": person})


def _connection_csv(actor, name: str, header: list, lines: list) -> HttpResponse:
    audit_record(actor=actor, action=AuditAction.EXPORT, target_type="connection_test",
                 detail={"table": name, "rows": len(lines)})  # fmt: skip
    return csv_export.csv_download(f"{name}.csv", header, lines)


def _service_lines(rows) -> list:
    return [
        [row.service, row.kind, row.people_shown]
        + [getattr(row, name).shown for name in connection.FIGURES]
        for row in rows
    ]


@login_required
def connection_test(request):
    """The area's connection test: figures, not verdicts, under the disclosure rule."""
    require(request.actor, "wellbeing.view_connection_test")
    area = request.actor.area
    rows = connection.service_rows(connection.changes_in_area(area))
    area_row = connection.area_row(rows)
    monthly = connection.monthly_loneliness(area)
    if request.GET.get("format") == "csv" and request.GET.get("table") == "months":
        lines = [[f"{m.month:%Y-%m}", m.figure.shown] for m in monthly]
        return _connection_csv(
            request.actor, "connection-test-months", ["month", "loneliness"], lines
        )
    if request.GET.get("format") == "csv":
        header = ["service", "kind", "people", *connection.FIGURES]
        lines = _service_lines([*rows, area_row])
        return _connection_csv(request.actor, "connection-test", header, lines)
    from .charts import line_chart

    shown = [(f"{m.month:%b %Y}", m.figure.value) for m in monthly if m.figure.value is not None]
    return render(
        request,
        "wellbeing/connection_test.jinja",
        {
            "rows": rows,
            "area_row": area_row,
            "labels": connection.FIGURE_LABELS,
            "figures": connection.FIGURES,
            "monthly": monthly,
            "explanation": EXPLANATION,
            "chart": line_chart(
                "Loneliness across the area",
                shown,
                3,
                9,
                "Mean UCLA-3 loneliness score each month (3 to 9; lower is less lonely).",
            )
            if shown
            else None,  # fmt: skip
        },
    )

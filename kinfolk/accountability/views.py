"""Commitments: public pages anyone can read (no sign-in), open data, and the commissioner's
pages to add, update, publish and import them."""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kinfolk.core import csv_export
from kinfolk.core.forms import add_service_errors
from kinfolk.core.posting import acted, form_posted
from kinfolk.core.tenancy import within_area

from . import presenters, selectors, services
from .forms import CommitmentForm, ImportForm, ProgressForm

OPEN_DATA_HEADER = ["reference", "parent_reference", "title", "by_when", "budget_pence",
                    "outcome", "status", "late", "progress"]  # fmt: skip


def _published_rows(area):
    with within_area(area):
        roots = selectors.published_tree(area=area)
    today = timezone.localdate()
    return presenters.rows(roots, today), selectors.summary(roots, today)


def public_commitments(request, area_slug):
    """The area's published commitments, for anyone, without signing in."""
    area = selectors.public_area(area_slug)
    rows, counts = _published_rows(area)
    return render(request, "accountability/public.jinja",
                  {"area": area, "rows": rows, "counts": counts})  # fmt: skip


def public_commitment(request, area_slug, commitment_id):
    """One published commitment: its parts, its progress and its dated timeline."""
    area = selectors.public_area(area_slug)
    with within_area(area):
        node, updates = selectors.published_commitment(area=area, commitment_id=commitment_id)
    row, *parts = presenters.rows([node], timezone.localdate())
    return render(request, "accountability/commitment.jinja",
                  {"area": area, "row": row, "parts": parts, "updates": updates})  # fmt: skip


def open_data(request, area_slug, fmt):
    """The published commitments as open data, JSON or CSV, for anyone."""
    area = selectors.public_area(area_slug)
    if fmt not in ("json", "csv"):
        raise Http404
    rows, _ = _published_rows(area)
    data = presenters.open_data(rows)
    if fmt == "csv":
        return csv_export.csv_download(
            f"{area.slug}-commitments.csv", OPEN_DATA_HEADER,
            ([item[column] for column in OPEN_DATA_HEADER] for item in data),
        )  # fmt: skip
    response = HttpResponse(json.dumps({"area": area.name, "commitments": data}, indent=1),
                            content_type="application/json")  # fmt: skip
    response["Access-Control-Allow-Origin"] = "*"
    return response


@login_required
def manage(request):
    """The commissioner's commitments, drafts too, with what to do next."""
    roots = selectors.whole_tree(actor=request.actor)
    today = timezone.localdate()
    return render(request, "accountability/manage.jinja", {
        "rows": presenters.rows(roots, today), "counts": selectors.summary(roots, today),
        "area": request.actor.area,
    })  # fmt: skip


@login_required
def add(request):
    """Add a commitment (a draft until it is published)."""
    roots = selectors.whole_tree(actor=request.actor)
    parents = [node.commitment for root in roots for node, _ in root.walk()]
    form = CommitmentForm(request.POST or None, parents=parents)

    def add_it(data):
        parent = next((c for c in parents if str(c.pk) == data["parent"]), None)
        budget = data["budget"]
        return services.commitment_add(
            actor=request.actor, reference=data["reference"], title=data["title"],
            description=data["description"], by_when=data["by_when"], outcome=data["outcome"],
            budget_pence=None if budget is None else int(budget * 100), parent=parent,
        )  # fmt: skip

    if done := form_posted(
        request, form, act=add_it,
        said=lambda c: f"{c.reference} is added as a draft. Publish it when it is ready.",
        then=reverse("accountability:manage"),
    ):  # fmt: skip
        return done
    return render(request, "accountability/add.jinja", {"form": form})


@login_required
def progress(request, commitment_id):
    """Record a step on a commitment's timeline."""
    commitment = selectors.commitment_get(actor=request.actor, commitment_id=commitment_id)
    form = ProgressForm(request.POST or None, initial={
        "status": commitment.status, "progress": commitment.progress,
    })  # fmt: skip
    if done := form_posted(
        request, form,
        act=lambda data: services.progress_record(
            actor=request.actor, commitment=commitment, **data
        ),
        said=f"The step is on {commitment.reference}'s timeline.",
        then=reverse("accountability:manage"),
    ):  # fmt: skip
        return done
    return render(request, "accountability/progress.jinja", {"form": form, "c": commitment})


@login_required
@require_POST
def publish(request, commitment_id):
    """Publish a commitment: anyone can read it from now on."""
    commitment = selectors.commitment_get(actor=request.actor, commitment_id=commitment_id)
    return acted(
        request,
        act=lambda: services.commitment_publish(actor=request.actor, commitment=commitment),
        said=f"{commitment.reference} is published: anyone can read it now.",
        back=reverse("accountability:manage"),
    )


@login_required
def import_csv(request):
    """Add or change many commitments from a spreadsheet saved as CSV: all or nothing."""
    selectors.whole_tree(actor=request.actor)  # asks the permission
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            count = services.commitments_import(actor=request.actor, text=raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            form.add_error("file", "Save the spreadsheet as 'CSV UTF-8' and try again.")
        except ValidationError as error:
            problems = error.messages
            add_service_errors(
                form,
                ValidationError({"file": "The file was not imported: see the problems below."}),
            )
        else:
            return acted(request, act=lambda: None, said=f"{count} commitments were imported.",
                         back=reverse("accountability:manage"))  # fmt: skip
    return render(request, "accountability/import.jinja", {
        "form": form, "problems": problems, "columns": services.CSV_COLUMNS,
    })  # fmt: skip


def hub(request, area_slug):
    """The area's wellbeing hub, for anyone: commitments, scores, outcome contracts, the
    connection test; as a page or open data (?format=json)."""
    from . import hub as hubs

    area = selectors.public_area(area_slug)
    with within_area(area):
        found = hubs.hub_for(area)
    if request.GET.get("format") == "json":
        response = HttpResponse(json.dumps(hubs.open_data(found), indent=1),
                                content_type="application/json")  # fmt: skip
        response["Access-Control-Allow-Origin"] = "*"
        return response
    return render(request, "accountability/hub.jinja", {"hub": found})

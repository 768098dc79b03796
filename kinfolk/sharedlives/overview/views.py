"""The scheme worker's day, and the scheme's published figures."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from kinfolk.core import csv_export, disclosure, periods
from kinfolk.core.audit import audit_list_view
from kinfolk.core.permissions import require

from . import selectors, services
from .presenters import due_lines


@login_required
def dashboard(request):
    """The scheme worker's day: who is waiting, introductions, reviews, training, places."""
    require(request.actor, "sharedlives.run_scheme")
    board = selectors.scheme_dashboard(actor=request.actor)
    audit_list_view(
        actor=request.actor, target_type="shared_lives_dashboard",
        count=len(board.waiting) + len(board.my_introductions) + len(board.reviews_due)
        + len(board.reviews_overdue) + len(board.carers_flagged) + len(board.carers_with_places),
    )  # fmt: skip
    return render(request, "sharedlives/dashboard.jinja", {"board": board, "today": date.today()})


@login_required
def due(request):
    """Due in the next 60 days: training, household checks and reviews, overdue first."""
    require(request.actor, "sharedlives.run_scheme")
    today = date.today()
    lines = due_lines(selectors.due_soon(actor=request.actor, today=today), today)
    return render(
        request,
        "sharedlives/due.jinja",
        {"lines": lines, "days": selectors.DUE_WITHIN_DAYS, "today": today},
    )


@login_required
def introduction_plan(request):
    """If everyone waiting were introduced now: the engine's stable plan, a suggestion only."""
    require(request.actor, "sharedlives.run_scheme")
    plan = selectors.scheme_plan(actor=request.actor)
    return render(request, "sharedlives/introduction_plan.jinja", {"plan": plan})


@login_required
def reports(request):
    """The scheme's figures under the disclosure rule; the CSV holds the same lines."""
    require(request.actor, "sharedlives.see_scheme_reports")
    area, today = request.actor.area, timezone.localdate()
    since = selectors.first_arrangement_on(area=area)
    year = periods.chosen(request.GET.get("period"), since=since, today=today)
    lines = selectors.scheme_report(area=area, year=year)
    if request.GET.get("format") == "csv":
        services.scheme_report_exported(actor=request.actor, lines=len(lines))
        return csv_export.csv_download(
            f"shared-lives-scheme-{year.code}.csv",
            disclosure.CSV_HEADER,
            disclosure.csv_rows(lines),
        )
    return render(
        request,
        "sharedlives/reports.jinja",
        {"sections": disclosure.sections(lines), "explanation": disclosure.EXPLANATION,
         "year": year, "years": periods.years(since=since, today=today)},
    )  # fmt: skip

"""Reading concerns: one, the lists, and the figures for the year."""

import kinfolk.family_carers.rules  # noqa: F401  (names the permissions asked here)
from kinfolk.core.audit import audit_list_view
from kinfolk.core.disclosure import Line, count_line, median_of, protect_over_time
from kinfolk.core.records import record_for
from kinfolk.people.models import Assignment

from .models import Concern


def concern_get(*, actor, concern_id) -> Concern:
    """One concern, for whoever raised it and whoever answers it; the read audited."""
    return record_for(
        actor,
        Concern.objects.select_related("person", "raised_by", "answered_by"),
        concern_id,
        permission="family_carers.see_concern",
        refusal="Only whoever raised this concern, and whoever answers it, can read it.",
    )


def concerns_for(*, actor) -> tuple[list, list]:
    """(Concerns the actor raised, concerns the actor answers), unanswered first."""
    here = Concern.objects.in_area(actor.area).select_related("person")
    mine = list(here.filter(raised_by=actor.user).order_by("answered_at", "-raised_at"))
    theirs = []
    if actor.acts_as("area_admin"):
        theirs = list(here.order_by("answered_at", "respond_by"))
    else:
        people = Assignment.objects.in_area(actor.area).filter(
            worker=actor.user, ended_at__isnull=True
        )
        theirs = list(
            here.filter(person__in=people.values("person")).order_by("answered_at", "respond_by")
        )
    audit_list_view(actor=actor, target_type="concern_list", count=len(mine) + len(theirs))
    return mine, [c for c in theirs if c.raised_by_id != actor.user.pk]


def unanswered_for(*, actor) -> int:
    """How many concerns wait for the actor's answer (the home card's count)."""
    here = Concern.objects.in_area(actor.area).filter(answered_at__isnull=True)
    if actor.acts_as("area_admin"):
        return here.count()
    people = Assignment.objects.in_area(actor.area).filter(worker=actor.user, ended_at__isnull=True)
    return here.filter(person__in=people.values("person")).count()


SECTION = "Concerns raised (Martha's Rule)"


def _counts(concerns: list, cut) -> dict:
    answered = [
        c for c in concerns if c.answered_at and (cut is None or c.answered_at.date() <= cut)
    ]
    on_time = sum(1 for c in answered if c.answered_at <= c.respond_by)
    return {
        "raised": len(concerns),
        "urgent": sum(c.urgent for c in concerns),
        "not urgent": sum(not c.urgent for c in concerns),
        "on time": on_time,
        "late": len(answered) - on_time,
        "waiting": len(concerns) - len(answered),
    }


def figures(*, area, year) -> list[Line]:
    """Concerns raised in the financial year: how many, how many urgent, answered on time, and
    the median hours to an answer; under the disclosure rule across the quarters."""
    everyone = list(Concern.objects.in_area(area))
    if not year.cuts:
        return [Line(SECTION, "Concerns raised", None, "No figures until the first quarter ends")]
    cuts = [
        (cut, [c for c in everyone if year.starts_on <= c.raised_at.date() <= cut])
        for cut in year.cuts
    ]
    shown = protect_over_time(
        [_counts(some, cut) for cut, some in cuts],
        [("raised", ["urgent", "not urgent"]), ("raised", ["on time", "late", "waiting"])],
    )
    _, last = cuts[-1]
    hours = [(c.answered_at - c.raised_at).total_seconds() / 3600 for c in last if c.answered_at]
    middle = median_of(hours)
    return [
        count_line(SECTION, "Concerns raised", shown["raised"]),
        count_line(SECTION, "Urgent", shown["urgent"]),
        count_line(SECTION, "Answered on time", shown["on time"]),
        count_line(SECTION, "Answered late", shown["late"]),
        count_line(SECTION, "Waiting for an answer", shown["waiting"]),
        Line(SECTION, "Median hours to an answer", middle,
             "Suppressed" if middle is None else f"{middle:.0f}"),
    ]  # fmt: skip


def first_concern_on(*, area):
    """The day the area's first concern was raised (None before any), for the years offered."""
    first = Concern.objects.in_area(area).order_by("raised_at").values_list("raised_at", flat=True)
    found = first.first()
    return found.date() if found else None

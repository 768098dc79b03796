"""The connection test: does a spell of support connect people, or cut them off?

For each episode, compare the person's circle and loneliness (UCLA-3) and network (LSNS-6)
scores at the start with later. Show the figures, not a verdict, and how many people they
rest on; groups smaller than 5 people are suppressed in area reports.
"""

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

from .models import CircleSnapshot, Episode, MeasureResponse

SUPPRESS_BELOW = 5
BASELINE_BEFORE = timedelta(days=120)  # a baseline may be this long before the start...
BASELINE_AFTER = timedelta(days=31)  # ...or this soon after it


@dataclass(frozen=True)
class EpisodeChange:
    episode: Episode
    made: int | None = None  # relationships in the later circle and not at the start
    lost: int | None = None
    unpaid_change: int | None = None
    ucla3_change: int | None = None  # negative is less lonely
    lsns6_change: int | None = None  # positive is a bigger network


def _baseline(items, start: date, when):
    before = [x for x in items if start - BASELINE_BEFORE <= when(x) <= start]
    after = [x for x in items if start < when(x) <= start + BASELINE_AFTER]
    return before[-1] if before else (after[0] if after else None)


def _later(items, baseline, end: date, when):
    later = [x for x in items if when(x) > when(baseline) and when(x) <= end]
    return later[-1] if later else None


def _score_change(responses, key: str, start: date, end: date) -> int | None:
    when = lambda r: r.completed_at.date()  # noqa: E731
    base = _baseline(responses, start, when)
    if base is None:
        return None
    later = _later(responses, base, end, when)
    return None if later is None else later.score[key] - base.score[key]


def episode_change(episode: Episode, circles: list, ucla: list, lsns: list, today: date):
    end = episode.ended_on or today
    change = {}
    base = _baseline(circles, episode.started_on, lambda c: c.taken_on)
    later = _later(circles, base, end, lambda c: c.taken_on) if base else None
    if base and later:
        before = {m.key: m for m in base.members.all()}
        after = {m.key: m for m in later.members.all()}
        change = {
            "made": len(after.keys() - before.keys()),
            "lost": len(before.keys() - after.keys()),
            "unpaid_change": sum(not m.paid for m in after.values())
            - sum(not m.paid for m in before.values()),
        }
    return EpisodeChange(
        episode,
        **change,
        ucla3_change=_score_change(ucla, "ucla3", episode.started_on, end),
        lsns6_change=_score_change(lsns, "total", episode.started_on, end),
    )


def changes_in_area(area, today: date | None = None) -> list[EpisodeChange]:
    """Every episode in the area with what changed (None where the data is not there)."""
    today = today or date.today()
    circles: dict = {}
    for snapshot in (
        CircleSnapshot.objects.in_area(area).prefetch_related("members").order_by("taken_on")
    ):
        circles.setdefault(snapshot.person_id, []).append(snapshot)
    scores: dict = {}
    for response in (
        MeasureResponse.objects.in_area(area)
        .filter(measure__in=["loneliness", "lsns6"])
        .order_by("completed_at")
    ):
        scores.setdefault((response.person_id, response.measure), []).append(response)
    return [
        episode_change(
            e,
            circles.get(e.person_id, []),
            scores.get((e.person_id, "loneliness"), []),
            scores.get((e.person_id, "lsns6"), []),
            today,
        )
        for e in Episode.objects.in_area(area).order_by("service", "started_on")
    ]


@dataclass
class Figure:
    """A mean change and how many people it rests on; suppressed when fewer than 5."""

    people: int
    mean: float | None

    @property
    def suppressed(self) -> bool:
        return self.people < SUPPRESS_BELOW

    @property
    def shown(self) -> str:
        if self.people == 0:
            return "No data"
        if self.suppressed:
            return "Fewer than 5 people"
        return f"{self.mean:+.1f} ({self.people} people)"


def _figure(changes: list[EpisodeChange], name: str) -> Figure:
    values = {
        c.episode.person_id: getattr(c, name) for c in changes if getattr(c, name) is not None
    }
    if len(values) < SUPPRESS_BELOW:
        return Figure(len(values), None)
    return Figure(len(values), round(statistics.fmean(values.values()), 2))


@dataclass
class ServiceRow:
    service: str
    kind: str
    people: int
    made: Figure
    lost: Figure
    unpaid_change: Figure
    ucla3_change: Figure
    lsns6_change: Figure
    figures: list = field(default_factory=list)

    @property
    def suppressed(self) -> bool:
        return self.people < SUPPRESS_BELOW


FIGURES = ("made", "lost", "unpaid_change", "ucla3_change", "lsns6_change")
FIGURE_LABELS = {
    "made": "Relationships made",
    "lost": "Relationships lost",
    "unpaid_change": "Change in unpaid relationships",
    "ucla3_change": "Change in loneliness (UCLA-3; lower is less lonely)",
    "lsns6_change": "Change in family and friends network (LSNS-6; higher is bigger)",
}


def service_rows(changes: list[EpisodeChange]) -> list[ServiceRow]:
    """Per service, the mean changes, each with the number of people behind it."""
    by_service: dict = {}
    for change in changes:
        by_service.setdefault((change.episode.service, change.episode.kind), []).append(change)
    rows = [
        ServiceRow(
            service,
            kind,
            len({c.episode.person_id for c in group}),
            *(_figure(group, name) for name in FIGURES),
        )
        for (service, kind), group in sorted(by_service.items())
    ]
    return rows


def area_row(changes: list[EpisodeChange]) -> ServiceRow:
    """All services shown. Suppressed services are left out of the total too, or they could
    be worked out by subtracting the others from it."""
    sizes: dict = {}
    for c in changes:
        sizes.setdefault(c.episode.service, set()).add(c.episode.person_id)
    shown = [c for c in changes if len(sizes[c.episode.service]) >= SUPPRESS_BELOW]
    return ServiceRow(
        "All services shown",
        "",
        len({c.episode.person_id for c in shown}),
        *(_figure(shown, name) for name in FIGURES),
    )


def monthly_loneliness(area, months: int = 12, today: date | None = None) -> list[tuple]:
    """(month, mean UCLA-3, responses) for the area, suppressed below 5 responses."""
    today = today or date.today()
    first = (today.replace(day=1) - timedelta(days=31 * (months - 1))).replace(day=1)
    buckets: dict = {}
    for response in MeasureResponse.objects.in_area(area).filter(
        measure="loneliness", completed_at__date__gte=first
    ):
        buckets.setdefault(response.completed_at.date().replace(day=1), {})[response.person_id] = (
            response.score["ucla3"]
        )
    return [
        (
            month,
            round(statistics.fmean(values.values()), 2) if len(values) >= SUPPRESS_BELOW else None,
            len(values),
        )
        for month, values in sorted(buckets.items())
    ]

"""The connection test: does a spell of support connect people, or cut them off?

For each episode, compare the person's circle and loneliness (UCLA-3) and network (LSNS-6)
scores at the start with later. Show the figures, not a verdict, and how many people they
rest on, under the one disclosure rule in kinfolk.core.disclosure.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from kinfolk.core.disclosure import Mean, count_shown, mean_of, mean_of_shown, protect, words

from .models import CircleMember, CircleSnapshot, Episode, MeasureResponse

BASELINE_BEFORE = timedelta(days=120)  # a baseline may be this long before the start...
BASELINE_AFTER = timedelta(days=31)  # ...or this soon after it


@dataclass(frozen=True)
class Member:
    key: str  # the same for one relationship over time
    paid: bool


@dataclass(frozen=True)
class Circle:
    """A person's circle on one day, as far as the connection test needs it."""

    taken_on: date
    members: list


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


def before_and_after(items, start: date, end: date, when):
    """The baseline (the last before `start`, up to 120 days, or else the first within 31 days
    after) and the latest after it up to `end`; (None, None) or (baseline, None) where the
    data is not there. The same rule for every figure the connection test and outcome
    payments compare."""
    base = _baseline(items, start, when)
    return (base, _later(items, base, end, when) if base else None)


def _score_change(responses, key: str, start: date, end: date) -> int | None:
    base, later = before_and_after(responses, start, end, lambda r: r.completed_at.date())
    return None if later is None else later.score[key] - base.score[key]


def episode_change(episode: Episode, circles: list, ucla: list, lsns: list, today: date):
    end = episode.ended_on or today
    change = {}
    base = _baseline(circles, episode.started_on, lambda c: c.taken_on)
    later = _later(circles, base, end, lambda c: c.taken_on) if base else None
    if base and later:
        before = {m.key: m for m in base.members}
        after = {m.key: m for m in later.members}
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
    snapshots = CircleSnapshot.objects.in_area(area)
    members: dict = {}
    for snapshot_id, key, paid in CircleMember.objects.filter(
        snapshot__in=snapshots.values("pk")
    ).values_list("snapshot_id", "key", "paid"):
        members.setdefault(snapshot_id, []).append(Member(key, paid))
    for pk, person_id, taken_on in snapshots.order_by("taken_on").values_list(
        "pk", "person_id", "taken_on"
    ):
        circles.setdefault(person_id, []).append(Circle(taken_on, members.get(pk, [])))
    scores: dict = {}
    for response in (
        MeasureResponse.objects.in_area(area)
        .filter(measure__in=["loneliness", "lsns6"])
        .only("person_id", "measure", "completed_at", "score")
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


FIGURES = ("made", "lost", "unpaid_change", "ucla3_change", "lsns6_change")
FIGURE_LABELS = {
    "made": "Relationships made",
    "lost": "Relationships lost",
    "unpaid_change": "Change in unpaid relationships",
    "ucla3_change": "Change in loneliness (UCLA-3; lower is less lonely)",
    "lsns6_change": "Change in family and friends network (LSNS-6; higher is bigger)",
}
AREA = "All services shown (a person in two services counts in each)"


@dataclass
class ServiceRow:
    """A service's people and mean changes, as published (None where suppressed)."""

    service: str
    kind: str
    people: int | None
    made: Mean
    lost: Mean
    unpaid_change: Mean
    ucla3_change: Mean
    lsns6_change: Mean

    @property
    def suppressed(self) -> bool:
        return self.people is None

    @property
    def people_shown(self) -> str:
        return words(self.people)


def _values(group: list[EpisodeChange], name: str) -> list:
    """One value per person (their latest spell in the service with this figure)."""
    by_person = {
        c.episode.person_id: getattr(c, name) for c in group if getattr(c, name) is not None
    }
    return list(by_person.values())


def _service_row(service: str, kind: str, group: list[EpisodeChange]) -> ServiceRow:
    people = len({c.episode.person_id for c in group})
    values = {name: _values(group, name) for name in FIGURES}
    counts = {"people": people}
    for name in FIGURES:
        counts[(name, "answered")] = len(values[name])
        counts[(name, "not answered")] = people - len(values[name])
    published = protect(
        counts,
        [("people", [(name, "answered"), (name, "not answered")]) for name in FIGURES],
        unpublished=[(name, "not answered") for name in FIGURES],
    )
    return ServiceRow(
        service,
        kind,
        published["people"],
        *(mean_of(values[name], published[(name, "answered")]) for name in FIGURES),
    )


def service_rows(changes: list[EpisodeChange]) -> list[ServiceRow]:
    """Per service, the mean changes, each with the number of people behind it, under the
    disclosure rule (kinfolk.core.disclosure): no count of 1 to 4, none that can be worked out."""
    by_service: dict = {}
    for change in changes:
        by_service.setdefault((change.episode.service, change.episode.kind), []).append(change)
    return [
        _service_row(service, kind, group) for (service, kind), group in sorted(by_service.items())
    ]


def area_row(rows: list[ServiceRow]) -> ServiceRow:
    """The area, made only from the figures shown for each service, so subtracting the
    services from it reveals nothing that is suppressed."""
    return ServiceRow(
        AREA,
        "",
        sum(r.people for r in rows if r.people is not None),
        *(mean_of_shown(getattr(r, name) for r in rows) for name in FIGURES),
    )


@dataclass(frozen=True)
class Month:
    month: date
    figure: Mean


def monthly_loneliness(area, months: int = 12, today: date | None = None) -> list[Month]:
    """The area's mean UCLA-3 each month, with no count or mean for months under 5 people."""
    today = today or date.today()
    first = (today.replace(day=1) - timedelta(days=31 * (months - 1))).replace(day=1)
    buckets: dict = {}
    answered = MeasureResponse.objects.in_area(area).filter(
        measure="loneliness", completed_at__date__gte=first
    )
    for person_id, completed_at, score in answered.values_list(
        "person_id", "completed_at", "score"
    ).order_by("completed_at"):
        buckets.setdefault(completed_at.date().replace(day=1), {})[person_id] = score["ucla3"]
    return [
        Month(month, mean_of(list(values.values()), count_shown(len(values)), signed=False))
        for month, values in sorted(buckets.items())
    ]

"""What the measures show for one person's spell with a service: each outcome with the figure
before, the figure after and the day it was shown, by the connection test's own rule for a
baseline and a later figure (`wellbeing.connection.before_and_after`)."""

from dataclasses import dataclass
from datetime import date, timedelta

from kinfolk.wellbeing.connection import before_and_after
from kinfolk.wellbeing.models import CircleMember, CircleSnapshot, Episode, MeasureResponse

from .models import OutcomeKind


@dataclass(frozen=True)
class Shown:
    outcome: str
    before: int
    after: int
    on: date


def _lonely(response) -> int:
    return response.score["ucla3"]


def _satisfied(response) -> int:
    return response.score["life_satisfaction"]["value"]


# outcome -> (measure, the figure, whether the figure must go down)
MEASURED = {
    OutcomeKind.LESS_LONELY: ("loneliness", _lonely, True),
    OutcomeKind.MORE_SATISFIED: ("ons4", _satisfied, False),
}


@dataclass(frozen=True)
class Unpaid:
    """A circle on one day, as the count of unpaid relationships in it."""

    taken_on: date
    count: int


def evidence_for(episodes: list[Episode], today: date) -> dict:
    """For each episode: {outcome: Shown} for what its person's measures show (read in bulk)."""
    people = {e.person_id for e in episodes}
    responses: dict = {}
    for r in (
        MeasureResponse.objects.filter(person_id__in=people, measure__in=["loneliness", "ons4"])
        .only("person_id", "measure", "score", "completed_at")
        .order_by("completed_at")
    ):
        responses.setdefault((r.person_id, r.measure), []).append(r)
    circles: dict = {}
    unpaid: dict = {}
    for snapshot_id in CircleMember.objects.filter(
        snapshot__person_id__in=people, paid=False
    ).values_list("snapshot_id", flat=True):
        unpaid[snapshot_id] = unpaid.get(snapshot_id, 0) + 1
    for pk, person_id, taken_on in (
        CircleSnapshot.objects.filter(person_id__in=people)
        .order_by("taken_on")
        .values_list("pk", "person_id", "taken_on")
    ):
        circles.setdefault(person_id, []).append(Unpaid(taken_on, unpaid.get(pk, 0)))
    return {e.pk: _shown(e, responses, circles.get(e.person_id, []), today) for e in episodes}


def _shown(episode, responses, circles, today) -> dict:
    end = episode.ended_on or today
    found = {}
    for outcome, (measure, figure, down) in MEASURED.items():
        items = responses.get((episode.person_id, measure), [])
        base, later = before_and_after(
            items, episode.started_on, end, lambda r: r.completed_at.date()
        )
        if later is None:
            continue
        before, after = figure(base), figure(later)
        if (before - after if down else after - before) >= 1:
            found[outcome] = Shown(outcome, before, after, later.completed_at.date())
    base, later = before_and_after(circles, episode.started_on, end, lambda c: c.taken_on)
    if later is not None and later.count > base.count:
        found[OutcomeKind.NEW_UNPAID_RELATIONSHIP] = Shown(
            OutcomeKind.NEW_UNPAID_RELATIONSHIP, base.count, later.count, later.taken_on
        )
    return found


def counts_after_follow_up(shown: Shown, episode: Episode, follow_up_days: int) -> bool:
    """An outcome counts only once the person has had the support for the follow-up window."""
    return shown.on >= episode.started_on + timedelta(days=follow_up_days)

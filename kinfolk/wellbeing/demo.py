"""A year of measures and circles for many demo people, so the charts and the connection test
show real-looking change — including a service that disconnects people."""

import random
import uuid
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .models import CircleMember, CircleSnapshot, Episode, MeasureResponse
from .scoring import score

# (service, kind, people, direction): +1 connects people, -1 cuts them off.
SERVICES = [
    ("Shared Lives (Calder Vale)", Episode.Kind.SHARED_LIVES, 30, 1),
    ("Calder Walking Group", Episode.Kind.SOCIAL_PRESCRIBING, 24, 1),
    ("Riverside Day Centre", Episode.Kind.SERVICE, 22, -1),
    ("Hebden Men's Shed", Episode.Kind.SOCIAL_PRESCRIBING, 4, 1),  # too few: suppressed
]
FAMILY = ["Mum", "Dad", "my sister", "my brother", "Nan", "my cousin", "my son", "my daughter"]
FRIENDS = ["Jo from college", "my neighbour Pat", "Kaz", "Dev", "the choir", "the allotment lot"]
PAID = ["my support worker", "the day centre staff", "my key worker", "the night carer"]


def _when(start: date, month: int, rng: random.Random) -> datetime:
    day = start + timedelta(days=30 * month + rng.randint(0, 6))
    return timezone.make_aware(datetime.combine(day, time(10 + rng.randint(0, 6), 0)))


def _clip(value, low, high):
    return max(low, min(high, round(value)))


def _responses(area, person, by, start, direction, rng):
    out = []
    base_ucla, base_lsns, base_life = rng.randint(6, 8), rng.randint(6, 12), rng.randint(3, 6)
    for month in range(12):
        progress = max(0, month - 3) / 8 * direction  # the episode starts in month 3
        when = _when(start, month, rng)
        if month % 2 == 0:
            ucla = _clip(base_ucla - 2.5 * progress + rng.uniform(-0.6, 0.6), 3, 9)
            answers = {
                "lack_companionship": _clip(ucla / 3, 1, 3),
                "left_out": _clip(ucla / 3, 1, 3),
                "isolated": 0,
                "how_often_lonely": "some_of_the_time" if ucla > 5 else "occasionally",
            }
            answers["isolated"] = _clip(
                ucla - answers["lack_companionship"] - answers["left_out"], 1, 3
            )
            out.append(("loneliness", answers, when))
        if month % 3 == 0:
            life = _clip(base_life + 2.5 * progress + rng.uniform(-1, 1), 0, 10)
            out.append(("ons4", {"life_satisfaction": life, "worthwhile": _clip(life + 1, 0, 10),
                                 "happiness": _clip(life + rng.uniform(-1, 1), 0, 10),
                                 "anxiety": _clip(7 - life / 2 + rng.uniform(-1, 1), 0, 10)},
                        when))  # fmt: skip
            total = _clip(base_lsns + 6 * progress + rng.uniform(-1, 1), 0, 30)
            items = [total // 6 + (1 if n < total % 6 else 0) for n in range(6)]
            names = ("relatives_seen", "relatives_private", "relatives_help",
                     "friends_seen", "friends_private", "friends_help")  # fmt: skip
            out.append(("lsns6", dict(zip(names, [min(5, i) for i in items], strict=True)), when))
    return [
        MeasureResponse(
            area=area,
            person=person,
            measure=measure,
            answers=answers,
            score=score(measure, answers),
            recorded_with="with_someone",
            recorded_by=by,
            completed_at=when,
        )  # fmt: skip
        for measure, answers, when in out
    ]


def _circles(area, person, by, start, direction, rng):
    members = [(uuid.uuid4().hex, rng.choice(FAMILY), "family", 1, "weekly", False)]
    members += [(uuid.uuid4().hex, f, "friend", 2, "monthly", False)
                for f in rng.sample(FRIENDS, rng.randint(1, 2))]  # fmt: skip
    members.append((uuid.uuid4().hex, rng.choice(PAID), "paid_support", 3, "daily", True))
    snapshots, rows = [], []
    for quarter in range(4):
        if quarter >= 2 and direction > 0:
            members.append((uuid.uuid4().hex, rng.choice(FRIENDS + ["the carer's family"]),
                            "friend", 2, "weekly", False))  # fmt: skip
        if quarter >= 2 and direction < 0:
            unpaid = [m for m in members if not m[5] and m[2] == "friend"]
            if unpaid:
                members.remove(unpaid[0])
            members.append((uuid.uuid4().hex, "the day centre staff", "paid_support", 2, "daily",
                            True))  # fmt: skip
        snapshot = CircleSnapshot(
            area=area, person=person, taken_on=start + timedelta(days=91 * quarter + 2),
            recorded_by=by,
        )  # fmt: skip
        snapshots.append(snapshot)
        rows.append(list(members))
    CircleSnapshot.objects.bulk_create(snapshots)
    CircleMember.objects.bulk_create(
        [
            CircleMember(area=area, snapshot=s, key=k, name=n, who=w, ring=r, contact=c, paid=p)
            for s, group in zip(snapshots, rows, strict=True)
            for k, n, w, r, c, p in group
        ]
    )


def load_wellbeing(area, people: list, worker, rng: random.Random) -> None:
    start = date.today() - timedelta(days=365)
    responses, episodes = [], []
    # Sam (the demo person) is in the walking group; the rest in order.
    chosen = iter(people[1:31] + people[:1] + people[31:])
    for service, kind, count, direction in SERVICES:
        for _ in range(count):
            person = next(chosen)
            by = person.user or worker
            responses += _responses(area, person, by, start, direction, rng)
            _circles(area, person, by, start, direction, rng)
            episodes.append(
                Episode(
                    area=area,
                    person=person,
                    kind=kind,
                    service=service,
                    started_on=start + timedelta(days=90),
                )  # fmt: skip
            )
    MeasureResponse.objects.bulk_create(responses)
    Episode.objects.bulk_create(episodes)


def load_demo(demo) -> None:
    """The demo area's part: a year of wellbeing (a full-size demo area only)."""
    if demo.full_size:
        load_wellbeing(demo.area, demo.people, demo.workers[0], demo.rng)

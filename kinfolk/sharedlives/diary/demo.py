"""The demo area's meetings: one introduction with a tea visit agreed for next week, one with a
time suggested and waiting for an answer, one whose meeting happened and waits for each side to
say how it went. Suggested and agreed through the diary's services, by the people who would."""

from datetime import date, time, timedelta

from django.utils import timezone

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Membership, Role
from kinfolk.people.notices import allocated_workers

from ..models import MEETING_STAGES, Introduction, Meeting, MeetingStatus
from . import services


def _actor(area, user, role) -> Actor | None:
    membership = Membership.objects.in_area(area).filter(user=user, role=role).first()
    return Actor(user=user, membership=membership) if membership else None


def _worker(introduction) -> Actor | None:
    workers = allocated_workers(introduction.person)
    return _actor(introduction.area, workers[0], Role.SCHEME_WORKER) if workers else None


def _home_of(introduction) -> str:
    name = introduction.carer.name
    return name[:1].lower() + name[1:] if name.startswith("The ") else name


def _in_days(days: int) -> date:
    return date.today() + timedelta(days=days)


def _agreed_next_week(introduction, worker) -> None:
    meeting = services.meeting_propose(
        actor=worker, introduction=introduction, day=_in_days(7), starts=time(15, 0),
        ends=time(17, 0), place=_home_of(introduction),
        getting_there="Bus 503 from Halifax bus station; the house is two minutes from the "
        "stop. Step-free at the back door.",
    )  # fmt: skip
    for user, acting_as in ((introduction.person.user, Role.PERSON),
                            (introduction.carer.user, Role.SHARED_LIVES_CARER)):  # fmt: skip
        side = _actor(introduction.area, user, acting_as) if user else None
        if side is not None:
            meeting = services.meeting_accept(actor=side, meeting=meeting)


def _suggested(introduction, worker) -> None:
    services.meeting_propose(
        actor=worker, introduction=introduction, day=_in_days(10), starts=time(10, 30),
        ends=time(11, 30), place="Café at Central Library, Northgate, Halifax",
        getting_there="The café is on the ground floor; there is a lift and an accessible toilet.",
    )  # fmt: skip


def _held(introduction, worker) -> None:
    # A meeting in the past cannot be suggested through the services (they refuse past dates),
    # so it is written as they would have left it once both said yes and it happened.
    started = timezone.now().replace(hour=14, minute=0, second=0, microsecond=0)
    started -= timedelta(days=3)
    Meeting.objects.create(
        area=introduction.area, introduction=introduction, stage=introduction.stage,
        starts_at=started, ends_at=started + timedelta(hours=2),
        place="Shibden Park café", proposed_by=worker.user, proposed_by_side="scheme",
        person_suits_at=started - timedelta(days=6), carer_suits_at=started - timedelta(days=5),
        status=MeetingStatus.HELD, held_marked_by=worker.user,
    )  # fmt: skip


def load_meetings(area) -> None:
    """Meetings for the first three introductions at a meeting stage (Sam's tea visit first)."""
    introductions = (
        Introduction.objects.in_area(area)
        .filter(stage__in=MEETING_STAGES)
        .select_related("person", "carer", "area")
        .order_by("pk")
    )
    plans = [_agreed_next_week, _suggested, _held]
    for introduction in introductions:
        worker = _worker(introduction)
        if worker is None:
            continue
        plans.pop(0)(introduction, worker)
        if not plans:
            return

"""Reads for the scheme as a whole: the scheme worker's day and the scheme's published figures."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone

from kinfolk.core.audit import audit_list_view
from kinfolk.core.disclosure import (
    SUPPRESSED,
    Line,
    count_line,
    median_of,
    protect,
    protect_over_time,
)
from kinfolk.people.selectors import people_for_actor

from .. import policy
from ..carers.selectors import (
    approved_carers,
    flags_for_carers,
    held_back_carers,
    introductions_in_progress,
)
from ..models import (
    ARRANGEMENT_CHOICES,
    IN_PROGRESS_STAGES,
    Arrangement,
    ArrangementReview,
    ArrangementStatus,
    Carer,
    CarerCheck,
    CarerStatus,
    Introduction,
    Referral,
    ReferralStatus,
    Stage,
    TrainingRecord,
)
from ..scheme import scheme_settings


@dataclass
class Dashboard:
    waiting: list  # (referral, days waiting)
    waiting_elsewhere: int
    stages: list  # (stage label, count)
    my_introductions: list
    reviews_due: list
    reviews_overdue: list
    carers_flagged: list  # (carer, flags)
    carers_with_places: list


def scheme_dashboard(*, actor, today: date | None = None) -> Dashboard:
    """The scheme worker's day: their people waiting and introductions, reviews due, and the
    households that need attention or have a free place."""
    today = today or date.today()
    area = actor.area
    mine = people_for_actor(actor=actor)
    waiting_all = Referral.objects.in_area(area).filter(
        status__in=[ReferralStatus.NEW, ReferralStatus.LOOKING]
    )
    waiting = [
        (r, (today - r.received_on).days)
        for r in waiting_all.filter(person__in=mine)
        .select_related("person")
        .order_by("received_on")
    ]
    counts = dict(
        Introduction.objects.in_area(area)
        .exclude(stage__in=[Stage.CLOSED, Stage.ARRANGED])
        .values_list("stage")
        .annotate(n=Count("id"))
    )
    reviews = (
        ArrangementReview.objects.in_area(area)
        .filter(
            done_on__isnull=True,
            arrangement__status=ArrangementStatus.ACTIVE,
            arrangement__person__in=mine,
            due_on__lte=today + timedelta(days=14),
        )
        .select_related("arrangement", "arrangement__person", "arrangement__carer")
    )
    carers = list(
        Carer.objects.in_area(area).filter(status=CarerStatus.APPROVED).with_places_in_use()
    )
    flags = flags_for_carers(carers=carers, today=today)
    flagged = [(c, flags[c.pk]) for c in carers if flags[c.pk]]
    return Dashboard(
        waiting=waiting,
        waiting_elsewhere=waiting_all.count() - len(waiting),
        stages=[(Stage(s).label, counts.get(s, 0)) for s in [Stage.INTEREST, *IN_PROGRESS_STAGES]],
        my_introductions=list(
            Introduction.objects.in_area(area)
            .filter(person__in=mine, stage__in=[Stage.INTEREST, *IN_PROGRESS_STAGES])
            .select_related("person", "carer")
        ),
        reviews_due=[r for r in reviews if r.due_on >= today],
        reviews_overdue=[r for r in reviews if r.due_on < today],
        carers_flagged=flagged,
        carers_with_places=[c for c in carers if c.free_places > 0],
    )


DUE_WITHIN_DAYS = 60


@dataclass(frozen=True)
class DueSoon:
    """What falls due in the next weeks: training, the households' checks, arrangement reviews."""

    training: list  # (carer, policy.TrainingStatus) expiring or expired
    checks: list  # CarerCheck not done
    reviews: list  # ArrangementReview not done


def due_soon(*, actor, today: date | None = None, days: int = DUE_WITHIN_DAYS) -> DueSoon:
    """Training running out, annual checks due, and reviews of the worker's people's
    arrangements due within `days` (or already overdue); read as one audited list view."""
    today = today or date.today()
    until = today + timedelta(days=days)
    area = actor.area
    carers = list(
        Carer.objects.in_area(area).filter(status__in=[CarerStatus.APPROVED, CarerStatus.SUSPENDED])
    )
    records: dict = {}
    for record in TrainingRecord.objects.in_area(area).filter(carer__in=carers):
        records.setdefault(record.carer_id, []).append(record)
    training = [
        (carer, t)
        for carer in carers
        for t in policy.training_status(records.get(carer.pk, []), today)
        if t.expires_on and t.expires_on <= until
    ]
    checks = list(
        CarerCheck.objects.in_area(area)
        .filter(carer__in=carers, done_on__isnull=True, due_on__lte=until)
        .select_related("carer")
    )
    reviews = list(
        ArrangementReview.objects.in_area(area)
        .filter(
            done_on__isnull=True,
            arrangement__status=ArrangementStatus.ACTIVE,
            arrangement__person__in=people_for_actor(actor=actor),
            due_on__lte=until,
        )
        .select_related("arrangement", "arrangement__person", "arrangement__carer")
    )
    audit_list_view(
        actor=actor,
        target_type="shared_lives_due",
        count=len(training) + len(checks) + len(reviews),
    )
    return DueSoon(training, checks, reviews)


def scheme_plan(*, actor) -> policy.SchemePlan:
    """If everyone waiting in the area were introduced now: the engine's stable plan over the
    open referrals ready to match and the approved households that can take an introduction;
    read as one audited list view. A suggestion: nothing is proposed from it."""
    plan = plan_for_area(area=actor.area)
    audit_list_view(
        actor=actor,
        target_type="shared_lives_introduction_plan",
        count=len(plan.pairs) + len(plan.not_planned),
    )
    return plan


def plan_for_area(*, area) -> policy.SchemePlan:
    """The area's stable introduction plan (for the page, which audits it, and the nightly
    job, which names nobody)."""
    waiting = []
    for referral in (
        Referral.objects.in_area(area)
        .filter(status__in=[ReferralStatus.NEW, ReferralStatus.LOOKING])
        .select_related("person")
        .order_by("received_on")
    ):
        try:
            policy.ready_to_match(referral)
        except ValidationError:
            continue
        waiting.append(referral)
    carers = approved_carers(area=area)
    held = held_back_carers(area=area, carers=carers)
    return policy.introduction_plan(
        waiting,
        carers,
        held,
        introductions_in_progress(area=area),
        scheme_settings().introductions_per_carer,
    )


HOUSEHOLDS = "Carer households"
ACTIVE = "Active arrangements by kind"
MAKING = "Making arrangements"


def scheme_report(*, area, year=None) -> list[Line]:
    """The scheme's figures: aggregates only, no one named, under the disclosure rule. Carer
    households and arrangements as they are now (for the year still going); arrangements made
    in the financial year (`core.periods`), to the end of each complete quarter, protected
    across the quarters. Without a year, as it all stands (tests)."""
    lines = _now_lines(area) if year is None or not year.is_over else []
    return lines + _making_lines(area, year)


def _now_lines(area) -> list[Line]:
    carers = dict(Carer.objects.in_area(area).values_list("status").annotate(n=Count("id")))
    active = Arrangement.objects.in_area(area).filter(status=ArrangementStatus.ACTIVE)
    by_type = dict(active.values_list("arrangement_type").annotate(n=Count("id")))
    active_count = sum(by_type.values())
    counts = {
        **{("carers", value): carers.get(value, 0) for value in CarerStatus.values},
        **{("kind", value): by_type.get(value, 0) for value, _ in ARRANGEMENT_CHOICES},
        "active": active_count,
        "households": sum(carers.values()),
        "people": active.values("person").distinct().count(),
    }
    counts["more than one"] = counts["active"] - counts["people"]  # arrangements beyond one
    shown = protect(
        counts,
        [
            ("active", [("kind", value) for value, _ in ARRANGEMENT_CHOICES]),
            ("households", [("carers", value) for value in CarerStatus.values]),
            ("active", ["people", "more than one"]),
        ],
        unpublished=["more than one"],
    )
    return [
        *(count_line(HOUSEHOLDS, label, shown[("carers", v)]) for v, label in CarerStatus.choices),
        count_line(HOUSEHOLDS, "All carer households", shown["households"]),
        count_line("People supported", "People supported now", shown["people"]),
        *(count_line(ACTIVE, label, shown[("kind", v)]) for v, label in ARRANGEMENT_CHOICES),
        count_line(ACTIVE, "All active arrangements", shown["active"]),
    ]


def _making_lines(area, year) -> list[Line]:
    made_all = list(Arrangement.objects.in_area(area).select_related("introduction__referral"))
    proposed = list(
        Introduction.objects.in_area(area)
        .filter(proposed_at__isnull=False)
        .values_list("proposed_at", flat=True)
    )
    if year is None:
        cuts = [(made_all, proposed)]
    elif not year.cuts:
        return [Line(MAKING, "Arrangements made", None, "No figures until the first quarter ends")]
    else:
        cuts = [
            (
                [a for a in made_all if year.starts_on <= a.starts_on <= cut],
                [p for p in proposed if year.starts_on <= timezone.localdate(p) <= cut],
            )
            for cut in year.cuts
        ]
    shown = protect_over_time(
        [{"made": len(made), "introductions": len(intros)} for made, intros in cuts]
    )
    made = cuts[-1][0]
    # An arrangement cannot start before its referral arrived: such a record is left out of
    # the median rather than shown as a negative number of days.
    days = [
        d
        for d in ((a.starts_on - a.introduction.referral.received_on).days for a in made)
        if d >= 0
    ]
    middle = median_of(days) if shown["made"] is not None else None
    ratio = None
    if shown["made"] and shown["introductions"] is not None:
        ratio = round(shown["introductions"] / shown["made"], 1)
    enough = "No data" if not made else SUPPRESSED
    return [
        count_line(MAKING, "Arrangements made", shown["made"]),
        Line(
            MAKING,
            "Median days from referral to arrangement",
            middle,
            enough if middle is None else f"{middle:g}",
        ),  # fmt: skip
        Line(
            MAKING,
            "Introductions per arrangement made",
            ratio,
            enough if ratio is None else f"{ratio:g}",
        ),  # fmt: skip
    ]


def first_arrangement_on(*, area) -> date | None:
    """The day the area's first arrangement started (None before any), for the years offered."""
    return (
        Arrangement.objects.in_area(area).order_by("starts_on").values_list("starts_on", flat=True)
    ).first()

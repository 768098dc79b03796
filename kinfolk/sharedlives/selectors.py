"""Reads for Shared Lives, always through the actor's area, with access checked and audited."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from kinfolk.accounts.models import Role
from kinfolk.core.audit import audit_list_view, audit_record
from kinfolk.core.disclosure import (
    SUPPRESSED,
    Line,
    count_line,
    count_shown,
    median_of,
    protect,
)
from kinfolk.core.lookups import int_or_404
from kinfolk.core.models import AuditAction
from kinfolk.core.scoping import in_actors_area
from kinfolk.people.audit import audit_person
from kinfolk.people.selectors import people_for_actor

from .models import (
    COURSE_YEARS,
    IN_PROGRESS_STAGES,
    Arrangement,
    ArrangementReview,
    ArrangementStatus,
    Carer,
    CarerCheck,
    CarerStatus,
    Course,
    Introduction,
    Referral,
    ReferralStatus,
    Stage,
    TrainingRecord,
)
from .rules import can_for_person, is_the_carer, runs_the_scheme
from .scheme import scheme_settings

REQUIRED_COURSES = list(COURSE_YEARS)


# --- referrals ------------------------------------------------------------------------------


def _must_be_in_area(actor, row, person) -> None:
    """Another area's record answers as if it did not exist; the attempt is still audited."""
    if not in_actors_area(actor, row):
        audit_person(actor=actor, action=AuditAction.DENIED, person=person, about=row)
        raise Http404("Not found")


def referral_get(*, actor, referral_id, rule: str = "view_person", audit: bool = True) -> Referral:
    """A referral, if the actor may use it for this rule; a refusal is audited."""
    referral = (
        Referral.objects.select_related("person", "person__area", "area")
        .filter(pk=int_or_404(referral_id))
        .first()
    )
    if referral is None:
        raise Http404("No such referral")
    person = referral.person
    _must_be_in_area(actor, referral, person)
    if not can_for_person(actor, rule, person):
        audit_person(
            actor=actor,
            action=AuditAction.DENIED,
            person=person,
            about=referral,
            detail={"rule": rule},
        )
        raise PermissionDenied("You do not have a reason to see this referral.")
    if audit:
        audit_person(actor=actor, action=AuditAction.VIEW, person=person, about=referral)
    return referral


def referrals_for_person(*, person) -> QuerySet[Referral]:
    return Referral.objects.in_area(person.area).filter(person=person).order_by("-received_on")


def open_referral_for_person(*, person) -> Referral | None:
    return (
        referrals_for_person(person=person)
        .exclude(status=ReferralStatus.CLOSED)
        .order_by("-received_on")
        .first()
    )


def my_referrals(*, actor) -> QuerySet[Referral]:
    """Open referrals of the people this actor has a standing reason to see."""
    return (
        Referral.objects.in_area(actor.area)
        .filter(person__in=people_for_actor(actor=actor))
        .exclude(status=ReferralStatus.CLOSED)
        .select_related("person")
    )


# --- carers -------------------------------------------------------------------------------


def carers_in_scheme(*, area) -> QuerySet[Carer]:
    return Carer.objects.in_area(area)


def approved_carers(*, area) -> list[Carer]:
    return list(Carer.objects.in_area(area).filter(status=CarerStatus.APPROVED))


def carer_get(*, actor, carer_id, audit: bool = True) -> Carer:
    """A carer household, for its own carer or a scheme worker in its area; the read is audited."""
    carer = Carer.objects.filter(pk=int_or_404(carer_id)).select_related("area").first()
    if carer is None:
        raise Http404("No such carer")
    if not in_actors_area(actor, carer):
        raise Http404("No such carer")
    if not (runs_the_scheme(actor, carer) or is_the_carer(actor, carer)):
        raise PermissionDenied("Only the carer and their scheme can see this household's record.")
    if audit:
        audit_record(
            actor=actor, action=AuditAction.VIEW, target_type="carer", target_id=carer.pk,
            area=carer.area,
        )  # fmt: skip
    return carer


def carers_list(*, actor) -> list[Carer]:
    """Every carer household in the scheme, read once and audited as one list view."""
    households = list(Carer.objects.in_area(actor.area))
    audit_list_view(actor=actor, target_type="carer_households", count=len(households))
    return households


def carer_for_actor(*, actor) -> Carer | None:
    """The household of the carer who is signed in."""
    if actor.area is None or actor.user is None:
        return None
    return Carer.objects.in_area(actor.area).filter(user=actor.user).first()


@dataclass(frozen=True)
class TrainingStatus:
    course: str
    label: str
    completed_on: date | None
    expires_on: date | None
    state: str  # "current", "due soon", "expired", "missing"


def _training_status(records, today: date) -> list[TrainingStatus]:
    latest: dict[str, TrainingRecord] = {}
    for record in records:
        if record.course not in latest or record.completed_on > latest[record.course].completed_on:
            latest[record.course] = record
    out = []
    for course in REQUIRED_COURSES:
        record = latest.get(course)
        if record is None:
            state = "missing"
        elif record.expires_on and record.expires_on < today:
            state = "expired"
        elif record.expires_on and record.expires_on <= today + timedelta(days=60):
            state = "due soon"
        else:
            state = "current"
        out.append(
            TrainingStatus(
                course,
                Course(course).label,
                record.completed_on if record else None,
                record.expires_on if record else None,
                state,
            )
        )
    return out


def training_status(*, carer: Carer, today: date | None = None) -> list[TrainingStatus]:
    """Each required course: its latest record and whether it is current."""
    records = TrainingRecord.objects.in_area(carer.area).filter(carer=carer)
    return _training_status(records, today or date.today())


def flags_for_carers(*, carers: list[Carer], today: date | None = None) -> dict:
    """For each household, what stops new introductions, in plain English (two queries in all)."""
    today = today or date.today()
    if not carers:
        return {}
    area = carers[0].area_id
    records: dict = {}
    for record in TrainingRecord.objects.filter(area_id=area, carer__in=carers):
        records.setdefault(record.carer_id, []).append(record)
    overdue: dict = {}
    for check in CarerCheck.objects.filter(
        area_id=area, carer__in=carers, done_on__isnull=True, due_on__lt=today
    ).order_by("due_on"):
        overdue.setdefault(check.carer_id, []).append(check)
    flags = {}
    for carer in carers:
        found = [
            f"{t.label} training {'has expired' if t.state == 'expired' else 'is missing'}"
            for t in _training_status(records.get(carer.pk, []), today)
            if t.state in ("expired", "missing")
        ]
        found += [
            f"{check.get_kind_display()} overdue since {check.due_on:%-d %B %Y}"
            for check in overdue.get(carer.pk, [])
        ]
        flags[carer.pk] = found
    return flags


def carer_flags(*, carer: Carer, today: date | None = None) -> list[str]:
    """What stops new introductions for this household, in plain English (empty: nothing)."""
    return flags_for_carers(carers=[carer], today=today)[carer.pk]


def introductions_in_progress(*, area) -> dict:
    """How many introductions each carer household has in progress."""
    rows = (
        Introduction.objects.in_area(area)
        .filter(stage__in=IN_PROGRESS_STAGES)
        .values("carer")
        .annotate(n=Count("id"))
    )
    return {row["carer"]: row["n"] for row in rows}


def held_back_carers(
    *, area, carers: list[Carer], today: date | None = None, at_limit_counts: bool = True
) -> dict:
    """Households that cannot take a new introduction now, with the reasons why.

    `at_limit_counts=False` leaves out the limit on introductions in progress, for a side
    saying yes: the limit is checked when the introduction is proposed.
    """
    limit = scheme_settings().introductions_per_carer
    in_progress = introductions_in_progress(area=area) if at_limit_counts else {}
    flags = flags_for_carers(carers=carers, today=today)
    held: dict = {}
    for carer in carers:
        reasons = []
        if carer.status != CarerStatus.APPROVED:
            reasons.append(f"Not approved ({carer.get_status_display().lower()})")
        reasons += flags[carer.pk]
        if in_progress.get(carer.pk, 0) >= limit:
            reasons.append(f"Already has {limit} introductions in progress (the scheme's limit)")
        if reasons:
            held[carer.pk] = tuple(reasons)
    return held


# --- introductions and arrangements ---------------------------------------------------------


def introduction_get(*, actor, introduction_id) -> Introduction:
    """An introduction, for its person (or their chosen people), its carer, or their worker."""
    introduction = (
        Introduction.objects.select_related("person", "person__area", "carer", "referral")
        .filter(pk=int_or_404(introduction_id))
        .first()
    )
    if introduction is None:
        raise Http404("No such introduction")
    person = introduction.person
    _must_be_in_area(actor, introduction, person)
    if not (
        can_for_person(actor, "view_person", person) or is_the_carer(actor, introduction.carer)
    ):
        audit_person(actor=actor, action=AuditAction.DENIED, person=person, about=introduction)
        raise PermissionDenied("This introduction is between other people.")
    audit_person(actor=actor, action=AuditAction.VIEW, person=person, about=introduction)
    return introduction


def introductions_for_referral(*, referral: Referral) -> QuerySet[Introduction]:
    return (
        Introduction.objects.in_area(referral.area)
        .filter(referral=referral)
        .select_related("carer")
        .prefetch_related("views")
    )


def introductions_for_carer(*, carer: Carer) -> QuerySet[Introduction]:
    return (
        Introduction.objects.in_area(carer.area)
        .filter(carer=carer)
        .select_related("person", "referral")
        .prefetch_related("views")
    )


def arrangement_get(*, actor, arrangement_id) -> Arrangement:
    arrangement = (
        Arrangement.objects.select_related("person", "person__area", "carer", "introduction")
        .filter(pk=int_or_404(arrangement_id))
        .first()
    )
    if arrangement is None:
        raise Http404("No such arrangement")
    person = arrangement.person
    _must_be_in_area(actor, arrangement, person)
    if not (can_for_person(actor, "view_person", person) or is_the_carer(actor, arrangement.carer)):
        audit_person(actor=actor, action=AuditAction.DENIED, person=person, about=arrangement)
        raise PermissionDenied("This arrangement is between other people.")
    audit_person(actor=actor, action=AuditAction.VIEW, person=person, about=arrangement)
    return arrangement


def reviews_for_arrangement(*, arrangement: Arrangement) -> QuerySet[ArrangementReview]:
    return ArrangementReview.objects.in_area(arrangement.area).filter(arrangement=arrangement)


def review_get(*, arrangement: Arrangement, review_id) -> ArrangementReview:
    review = reviews_for_arrangement(arrangement=arrangement).filter(pk=review_id).first()
    if review is None:
        raise Http404("No such review")
    return review


def arrangements_for_carer(*, carer: Carer) -> QuerySet[Arrangement]:
    return Arrangement.objects.in_area(carer.area).filter(carer=carer).select_related("person")


def arrangements_for_person(*, person) -> QuerySet[Arrangement]:
    return Arrangement.objects.in_area(person.area).filter(person=person).select_related("carer")


def active_arrangements(*, area) -> QuerySet[Arrangement]:
    return Arrangement.objects.in_area(area).filter(status=ArrangementStatus.ACTIVE)


# --- the scheme worker's day ----------------------------------------------------------------


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
    carers = list(Carer.objects.in_area(area).filter(status=CarerStatus.APPROVED))
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


HOUSEHOLDS = "Carer households"
ACTIVE = "Active arrangements by kind"
MAKING = "Making arrangements"


def scheme_report(*, area) -> list[Line]:
    """The scheme's figures: aggregates only, no one named, under the disclosure rule."""
    from .models import ARRANGEMENT_CHOICES

    carers = dict(Carer.objects.in_area(area).values_list("status").annotate(n=Count("id")))
    active = Arrangement.objects.in_area(area).filter(status=ArrangementStatus.ACTIVE)
    by_type = dict(active.values_list("arrangement_type").annotate(n=Count("id")))
    made = list(Arrangement.objects.in_area(area).select_related("introduction__referral"))
    active_count = sum(by_type.values())
    counts = {
        **{("carers", value): carers.get(value, 0) for value in CarerStatus.values},
        **{("kind", value): by_type.get(value, 0) for value, _ in ARRANGEMENT_CHOICES},
        "active": active_count,
        "made": len(made),
        "ended": len(made) - active_count,
        "households": sum(carers.values()),
        "people": active.values("person").distinct().count(),
    }
    counts["more than one"] = counts["active"] - counts["people"]  # arrangements beyond one
    shown = protect(
        counts,
        [
            ("active", [("kind", value) for value, _ in ARRANGEMENT_CHOICES]),
            ("made", ["active", "ended"]),
            ("households", [("carers", value) for value in CarerStatus.values]),
            ("active", ["people", "more than one"]),
        ],
        unpublished=["ended", "more than one"],
    )
    return [
        *(count_line(HOUSEHOLDS, label, shown[("carers", v)]) for v, label in CarerStatus.choices),
        count_line(HOUSEHOLDS, "All carer households", shown["households"]),
        count_line("People supported", "People supported now", shown["people"]),
        *(count_line(ACTIVE, label, shown[("kind", v)]) for v, label in ARRANGEMENT_CHOICES),
        count_line(ACTIVE, "All active arrangements", shown["active"]),
        *_making_lines(area, made, shown["made"]),
    ]


def _making_lines(area, made: list, made_shown: int | None) -> list[Line]:
    days = [(a.starts_on - a.introduction.referral.received_on).days for a in made]
    middle = median_of(days)
    introductions = count_shown(
        Introduction.objects.in_area(area).filter(Q(proposed_at__isnull=False)).count()
    )
    ratio = None
    if made_shown and introductions is not None:
        ratio = round(introductions / made_shown, 1)
    enough = "No data" if not made else SUPPRESSED
    return [
        count_line(MAKING, "Arrangements made", made_shown),
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


def referral_for_interest(*, actor, referral_id) -> Referral:
    """The referral a side is saying yes about: the person's own (or who acts for them), or,
    for a carer, one whose person chose to be seen by suitable carers."""
    referral = (
        Referral.objects.select_related("person", "person__area")
        .filter(pk=int_or_404(referral_id))
        .first()
    )
    if referral is None:
        raise Http404("No such referral")
    person = referral.person
    _must_be_in_area(actor, referral, person)
    carer = carer_for_actor(actor=actor) if actor.acts_as(Role.SHARED_LIVES_CARER) else None
    allowed = can_for_person(actor, "decide_for_person", person) or (
        carer is not None
        and referral.area_id == carer.area_id
        and referral.share_with_suitable_carers
        and referral.status in (ReferralStatus.NEW, ReferralStatus.LOOKING)
    )
    if not allowed:
        audit_person(actor=actor, action=AuditAction.DENIED, person=person, about=referral)
        raise PermissionDenied("Only the person, someone acting for them, or a suitable carer.")
    return referral


def carer_for_interest(*, actor, carer_id) -> Carer:
    """For a carer, their own household; for a person, an approved household in their area."""
    if actor.acts_as(Role.SHARED_LIVES_CARER):
        carer = carer_for_actor(actor=actor)
        if carer is None:
            raise PermissionDenied("Your household is not set up yet.")
        return carer
    carer = (
        Carer.objects.in_area(actor.area)
        .filter(pk=int_or_404(carer_id), status=CarerStatus.APPROVED)
        .first()
        if actor.area
        else None
    )
    if carer is None:
        raise Http404("No such household")
    return carer


def carer_check_get(*, carer: Carer, check_id) -> CarerCheck:
    check = (
        CarerCheck.objects.in_area(carer.area).filter(carer=carer, pk=int_or_404(check_id)).first()
    )
    if check is None:
        raise Http404("No such check")
    return check


def referrals_open_to_carers(*, area) -> list[Referral]:
    """Referrals whose person chose to be seen by suitable approved carers."""
    return list(
        Referral.objects.in_area(area)
        .filter(
            share_with_suitable_carers=True,
            status__in=[ReferralStatus.NEW, ReferralStatus.LOOKING],
            latitude__isnull=False,
        )
        .select_related("person")
    )

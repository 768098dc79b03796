"""Shared Lives policy: the rules that need no database, in one place with fast tests.

- home first: what must be settled before any household is suggested;
- the introduction stage machine: the stages, the moves between them, and who may make each;
- the limits on introductions in progress;
- what stops a household from new introductions (training, overdue checks, its limit);
- matching: the engine's profiles, suggestions and "why not?" explanations;
- the dates reviews fall due, and the arithmetic of carers' payments.

Everything here takes what the services and selectors read and answers from it alone.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

import numpy as np
from django.core.exceptions import ValidationError

from kinfolk.matching import (
    ArrangementType,
    Atmosphere,
    CarerHousehold,
    DailyRhythm,
    Gender,
    Location,
    Matcher,
    PersonProfile,
    PlaceThatMatters,
    SupportNeed,
    stable_plan,
)
from kinfolk.matching.config import MatchingConfig
from kinfolk.matching.explain import fit_reasons

from .models import (
    ARRANGEMENT_CHOICES,
    COURSE_YEARS,
    MAX_PLACES,
    MEETING_STAGES,
    NEED_CHOICES,
    CarerStatus,
    Course,
    ReferralSource,
    ReferralStatus,
    ReviewKind,
    Side,
    Stage,
    add_years,
)
from .rules import REPRESENTATIVE, SCHEME, THEMSELVES
from .scheme import RATE_UNITS

CHOICE_MIN_LENGTH = 10
ARRANGEMENT_TYPES = {value for value, _ in ARRANGEMENT_CHOICES}
NEEDS = {value for value, _ in NEED_CHOICES}
REQUIRED_COURSES = list(COURSE_YEARS)
# What the assessment visit records about the person and what a household must offer.
ASSESSMENT_FIELDS = (
    "assessed_on",
    "wishes",
    "hobbies",
    "risks",
    "easy_read",
    "share_with_suitable_carers",
    "postcode",
    "arrangement_types",
    "support_needs",
    "needs_step_free",
    "needs_ground_floor_bedroom",
    "needs_own_bathroom",
    "pet_allergy",
    "wants_no_pets",
    "needs_smoke_free",
    "children_ok",
    "personal_care_gender",
    "atmosphere",
    "languages",
    "faith",
    "faith_important",
    "diet",
    "interests",
    "daily_rhythm",
    "places_that_matter",
    "max_day_support_minutes",
)


# --- home first -----------------------------------------------------------------------------


class HomeFirst(ValidationError):
    """Suggestions cannot be shown until the home-first question is settled."""


def home_first_question(referral) -> str | None:
    """What must be settled before suggestions are shown, or None if nothing."""
    name = referral.person.called
    if referral.has_own_home is None or referral.family_able_to_support is None:
        return (
            f"Record whether {name} has their own home, and family able and willing to "
            "support them there."
        )
    must_choose = referral.source == ReferralSource.HOSPITAL_DISCHARGE or (
        referral.has_own_home and referral.family_able_to_support
    )
    if must_choose and not referral.persons_choice:
        why = (
            "This is a hospital discharge referral"
            if referral.source == ReferralSource.HOSPITAL_DISCHARGE
            else f"{name} has their own home and family able to support them there"
        )
        return f"{why}: record {name}'s own choice to look at Shared Lives, in their words."
    return None


def ready_to_match(referral) -> None:
    """Refuse (with what to do first) unless households may be suggested for this referral."""
    question = home_first_question(referral)
    if question:
        raise HomeFirst(question, code="home_first")
    if referral.latitude is None or not referral.arrangement_types:
        raise ValidationError(
            "Record the assessment first: where the person lives and what they are looking for.",
            code="assessment",
        )
    if referral.status not in (ReferralStatus.NEW, ReferralStatus.LOOKING):
        raise ValidationError("This referral is no longer looking for a household.", code="status")


# --- the introduction stage machine ---------------------------------------------------------


class Move(StrEnum):
    """What someone can do to an introduction."""

    SAY_YES = "say_yes"  # to meeting; both yeses propose the introduction
    GIVE_VIEW = "give_view"  # after a meeting; both carrying on opens the next stage
    STOP_AFTER_MEETING = "stop_after_meeting"  # a view that does not want to carry on
    DECLINE = "decline"  # say no, at any open stage, for any reason or none
    AGREE = "agree"  # to the arrangement; both agreeing makes it agreed
    START_ARRANGEMENT = "start_arrangement"  # the worker records the start of what both signed


@dataclass(frozen=True)
class Transition:
    move: Move
    stage: Stage  # where the introduction is
    to: Stage  # where it goes (for a move both sides make: once both have)
    who: frozenset  # the sides who may make it: Side.PERSON, Side.CARER, SCHEME
    # Who may record it FOR a side, always with how that side showed it (ADR 0027): the
    # person's representative (for the person), the scheme worker (for either side).
    for_them: frozenset = frozenset()


SIDES = frozenset({Side.PERSON, Side.CARER})
FOR_THEM = frozenset({REPRESENTATIVE, SCHEME})
OPEN_STAGES = [s for s in Stage if s not in (Stage.CLOSED, Stage.ARRANGED)]
_AFTER_MEETING = dict(zip(MEETING_STAGES, [*MEETING_STAGES[1:], Stage.AGREEING], strict=True))

# The whole machine: nothing moves an introduction except a row of this table. Only the sides
# say yes, carry on after a meeting, agree or say no. Someone may record a side's yes or no for
# them, but only with how that side showed it; the final agreement is the side's own or their
# representative's, never a worker's. Only the worker records the start of an arrangement.
STAGE_MACHINE: tuple[Transition, ...] = (
    Transition(Move.SAY_YES, Stage.INTEREST, Stage.INTRODUCTION, SIDES, FOR_THEM),
    *(Transition(Move.GIVE_VIEW, s, _AFTER_MEETING[s], SIDES, FOR_THEM) for s in MEETING_STAGES),
    *(
        Transition(Move.STOP_AFTER_MEETING, s, Stage.CLOSED, SIDES, FOR_THEM)
        for s in MEETING_STAGES
    ),
    *(Transition(Move.DECLINE, s, Stage.CLOSED, SIDES, FOR_THEM) for s in OPEN_STAGES),
    Transition(Move.AGREE, Stage.AGREEING, Stage.AGREED, SIDES, frozenset({REPRESENTATIVE})),
    Transition(Move.START_ARRANGEMENT, Stage.AGREED, Stage.ARRANGED, frozenset({SCHEME})),
)
_BY_MOVE = {(t.move, t.stage): t for t in STAGE_MACHINE}

# What someone is told when the introduction is not at a stage where the move can be made.
NOT_NOW = {
    Move.SAY_YES: ("This introduction is past saying yes to meeting.", "stage"),
    Move.GIVE_VIEW: ("There is no meeting to give a view on now.", "stage"),
    Move.STOP_AFTER_MEETING: ("There is no meeting to give a view on now.", "stage"),
    Move.DECLINE: ("This introduction has already finished.", "closed"),
    Move.AGREE: ("Agreeing comes after the meetings.", "stage"),
    Move.START_ARRANGEMENT: (
        "Both the person and the carer must agree before an arrangement can start.",
        "not_agreed",
    ),
}


def can_move(move: Move, stage: str) -> bool:
    """Whether this move can be made from this stage."""
    return (move, stage) in _BY_MOVE


def who_may(move: Move, stage: str) -> frozenset:
    """The sides who may make this move from this stage (none if it cannot be made)."""
    found = _BY_MOVE.get((move, stage))
    return found.who if found else frozenset()


def who_makes(move: Move) -> frozenset:
    """The sides who may make this move at all (from some stage)."""
    return frozenset().union(*(t.who for t in STAGE_MACHINE if t.move == move))


def who_records_for(move: Move) -> frozenset:
    """Who may record this move for a side (with how the side showed it), from some stage."""
    return frozenset().union(*(t.for_them for t in STAGE_MACHINE if t.move == move))


def voice_problem(move: Move, *, speaker: str, shown_how: str, name: str) -> str | None:
    """Why this speaker may not record this move for `name` now (None: they may). A side
    speaking for itself needs nothing more; anyone recording it for them must say how they
    showed it."""
    if speaker == THEMSELVES:
        return None
    if speaker not in who_records_for(move):
        if move == Move.AGREE:
            return (
                f"Only {name}, or someone they chose to act for them, can agree to the "
                "arrangement. A worker cannot agree for them."
            )
        return f"Only {name}, or someone recording it for them, can say this."
    if not shown_how:
        return (
            f"Say how {name} showed it (in words, signs, a communication aid or behaviour): "
            "you are recording it for them."
        )
    return None


def stage_after(move: Move, stage: str) -> Stage:
    """Where the introduction goes after this move; refused if it cannot be made now."""
    found = _BY_MOVE.get((move, stage))
    if found is None:
        message, code = NOT_NOW[move]
        raise ValidationError(message, code=code)
    return found.to


# --- limits on introductions in progress ----------------------------------------------------


# --- "not for me" ---------------------------------------------------------------------------

ASK_AGAIN_AFTER_MONTHS = 6


def may_ask_again_on(said_no_on: date) -> date:
    """After a person said no to a household, when the household may ask them again (sooner if
    the person asks first)."""
    return add_months(said_no_on, ASK_AGAIN_AFTER_MONTHS)


def check_introduction_limits(
    *, carer_name: str, carer_count: int, person_called: str, person_count: int, settings
) -> None:
    """Refuse a new introduction beyond the scheme's limits for the household or the person."""
    if carer_count >= settings.introductions_per_carer:
        raise ValidationError(
            f"{carer_name} already has {carer_count} introductions in progress, the scheme's "
            "limit. Try again when one has finished.",
            code="carer_limit",
        )
    if person_count >= settings.introductions_per_person:
        raise ValidationError(
            f"{person_called} already has {person_count} introductions in progress, "
            "the scheme's limit.",
            code="person_limit",
        )


# --- carers: training, checks, approval -----------------------------------------------------


@dataclass(frozen=True)
class TrainingStatus:
    course: str
    label: str
    completed_on: date | None
    expires_on: date | None
    state: str  # "current", "due soon", "expired", "missing"


def training_status(records, today: date) -> list[TrainingStatus]:
    """Each required course: its latest record and whether it is current on `today`."""
    latest: dict = {}
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


def training_expires_on(course: str, completed_on: date) -> date | None:
    """When a course done on this day runs out (None: it does not)."""
    years = COURSE_YEARS[course]
    return add_years(completed_on, years) if years else None


def carer_flags(training_records, overdue_checks, today: date) -> list[str]:
    """What stops new introductions for a household, in plain English (empty: nothing)."""
    found = [
        f"{t.label} training {'has expired' if t.state == 'expired' else 'is missing'}"
        for t in training_status(training_records, today)
        if t.state in ("expired", "missing")
    ]
    found += [
        f"{check.get_kind_display()} overdue since {check.due_on:%-d %B %Y}"
        for check in overdue_checks
    ]
    return found


def held_back_reasons(carer, flags: list[str], in_progress: int, limit: int | None) -> tuple:
    """Why a household cannot take a new introduction now (empty: it can). `limit` None leaves
    out the limit on introductions in progress."""
    reasons = []
    if carer.status == CarerStatus.SUSPENDED:
        reasons.append("Approval suspended by panel: no new introductions")
    elif carer.status != CarerStatus.APPROVED:
        reasons.append(f"Not approved ({carer.get_status_display().lower()})")
    reasons += flags
    if limit is not None and in_progress >= limit:
        reasons.append(f"Already has {limit} introductions in progress (the scheme's limit)")
    return tuple(reasons)


def approval_terms_problem(
    *, approved_types, approved_needs, places: int, places_in_use: int
) -> ValidationError | None:
    """What is wrong with the terms a panel approves, if anything."""
    if not approved_types or set(approved_types) - ARRANGEMENT_TYPES:
        return ValidationError("Approve at least one kind of Shared Lives.", code="types")
    if set(approved_needs) - NEEDS:
        return ValidationError("Choose needs from the list.", code="needs")
    if not 1 <= places <= MAX_PLACES:
        return ValidationError(
            f"A household can be approved for 1 to {MAX_PLACES} places.", code="places"
        )
    if places < places_in_use:
        return ValidationError("Fewer places than people living there now.", code="places")
    return None


def approval_covers(carer, arrangement_type: str, support_needs) -> bool:
    """Whether a household's approval covers this kind of arrangement and these needs."""
    return arrangement_type in carer.approved_types and not (
        set(support_needs) - set(carer.approved_needs)
    )


# --- matching: the engine's profiles, suggestions and explanations --------------------------


@dataclass(frozen=True)
class CarerSuggestion:
    carer: object
    score: float
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]


def _age(person, today: date) -> int:
    born = person.date_of_birth
    if born is None:
        return 40
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def person_profile(referral, today: date | None = None) -> PersonProfile:
    """The matching engine's view of the person a referral is about."""
    person = referral.person
    places = tuple(
        PlaceThatMatters(
            name=p["name"],
            kind=p.get("kind", "family"),
            location=Location(p["latitude"], p["longitude"]),
            max_minutes=int(p["max_minutes"]),
        )
        for p in referral.places_that_matter
        if p.get("latitude") is not None
    )
    return PersonProfile(
        id=str(referral.pk),
        name=person.called,
        age=_age(person, today or date.today()),
        location=Location(referral.latitude, referral.longitude),
        arrangement_types=frozenset(ArrangementType(t) for t in referral.arrangement_types),
        needs=frozenset(SupportNeed(n) for n in referral.support_needs),
        needs_step_free=referral.needs_step_free,
        needs_ground_floor_bedroom=referral.needs_ground_floor_bedroom,
        needs_own_bathroom=referral.needs_own_bathroom,
        pet_allergy=referral.pet_allergy,
        wants_no_pets=referral.wants_no_pets,
        needs_smoke_free=referral.needs_smoke_free,
        children_ok=referral.children_ok,
        personal_care_gender=Gender(referral.personal_care_gender)
        if referral.personal_care_gender
        else None,
        atmosphere=Atmosphere(referral.atmosphere),
        languages=frozenset(referral.languages or ["English"]),
        faith=referral.faith or None,
        faith_important=referral.faith_important,
        diet=referral.diet or None,
        interests=frozenset(referral.interests),
        daily_rhythm=DailyRhythm(referral.daily_rhythm),
        places_that_matter=places,
        max_day_support_minutes=referral.max_day_support_minutes,
    )


def carer_household(carer, introductions_in_progress: int = 0) -> CarerHousehold:
    """The matching engine's view of a carer household."""
    return CarerHousehold(
        id=str(carer.pk),
        name=carer.name,
        location=Location(carer.latitude, carer.longitude),
        approved_types=frozenset(ArrangementType(t) for t in carer.approved_types),
        approved_needs=frozenset(SupportNeed(n) for n in carer.approved_needs),
        places=carer.places,
        people_living_there=carer.places_in_use,
        introductions_in_progress=introductions_in_progress,
        carer_genders=frozenset(Gender(g) for g in carer.carer_genders),
        pets=carer.pets,
        smokes=carer.smokes,
        children_at_home=carer.children_at_home,
        step_free=carer.step_free,
        ground_floor_bedroom=carer.ground_floor_bedroom,
        own_bathroom=carer.own_bathroom,
        spare_rooms=carer.rooms,
        skills=frozenset(carer.skills),
        interests=frozenset(carer.interests),
        languages=frozenset(carer.languages or ["English"]),
        faith=carer.faith or None,
        diets=frozenset(carer.diets),
        atmosphere=Atmosphere(carer.atmosphere),
        daily_rhythm=DailyRhythm(carer.daily_rhythm),
        min_age=carer.min_age,
        max_age=carer.max_age,
        confident_with=frozenset(SupportNeed(n) for n in carer.confident_with),
        day_support_travel_minutes=carer.day_support_travel_minutes,
    )


def suggestions_for(
    referral, carers: list, held_back: dict, in_progress: dict, k: int = 50
) -> list[CarerSuggestion]:
    """Every suitable household for this person, best first (the person sees them all)."""
    open_carers = [c for c in carers if c.pk not in held_back and c.latitude is not None]
    if not open_carers or referral.latitude is None:
        return []
    matcher = Matcher(
        [person_profile(referral)],
        [carer_household(c, in_progress.get(c.pk, 0)) for c in open_carers],
    )
    by_id = {str(c.pk): c for c in open_carers}
    return [
        CarerSuggestion(by_id[s.carer_id], s.score, s.reasons, s.cautions)
        for s in matcher.suggest_for_person(str(referral.pk), k=k)
    ]


def people_for(carer, referrals: list, in_progress: int, k: int = 20) -> list:
    """The people (who chose to be seen) this household might suit, best first, with reasons."""
    located = [r for r in referrals if r.latitude is not None]
    if not located or carer.latitude is None:
        return []
    matcher = Matcher([person_profile(r) for r in located], [carer_household(carer, in_progress)])
    by_id = {str(r.pk): r for r in located}
    return [
        (by_id[s.person_id], CarerSuggestion(carer, s.score, s.reasons, s.cautions))
        for s in matcher.suggest_for_carer(str(carer.pk), k=k)
    ]


def why_not(referral, carer, held_back: dict, in_progress: int) -> tuple:
    """Plain-English reasons a household is not suggested (empty if it is suitable)."""
    reasons = list(held_back.get(carer.pk, ()))
    if carer.latitude is None or referral.latitude is None:
        return (*reasons, "We do not know where the household or the person lives.")
    person = person_profile(referral)
    household = carer_household(carer, in_progress)
    answer = Matcher([person], [household]).why_not(person.id, household.id)
    if not answer.possible:
        reasons += [sentence for _, sentence in answer.exclusions]
    return tuple(reasons)


# --- the scheme-wide introduction plan ------------------------------------------------------

NOT_PLANNED_WORDS = {
    "no_suitable_household": "No approved household with room suits them now",
    "suitable_households_full": "The households that suit them are planned for others",
}


@dataclass(frozen=True)
class PlannedPair:
    """A person and a household the stable plan would introduce (a suggestion, never acted on)."""

    referral: object
    carer: object
    score: float
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]


@dataclass(frozen=True)
class SchemePlan:
    """If everyone waiting were introduced now: planned pairs and who could not be planned."""

    pairs: list  # PlannedPair, best fit first
    not_planned: list  # (referral, why in words)
    blocking_pairs: int  # 0 for a stable plan: no person and household would both rather swap


def introduction_plan(
    referrals: list, carers: list, held_back: dict, in_progress: dict, limit: int
) -> SchemePlan:
    """The person-proposing stable plan over the area's waiting people and open households,
    each pair with the engine's reasons; the engine assesses every pair once."""
    people = [r for r in referrals if r.latitude is not None]
    open_carers = [c for c in carers if c.pk not in held_back and c.latitude is not None]
    unlocated = [(r, "We do not know where they live") for r in referrals if r.latitude is None]
    if not people or not open_carers:
        why = NOT_PLANNED_WORDS["no_suitable_household"]
        return SchemePlan([], [*unlocated, *((r, why) for r in people)], 0)
    matcher = Matcher(
        [person_profile(r) for r in people],
        [carer_household(c, in_progress.get(c.pk, 0)) for c in open_carers],
        MatchingConfig(introduction_limit_per_carer=limit),
    )
    a = matcher.assess_all()
    plan = stable_plan(matcher, a)
    where = {
        (int(a.person[k]), int(a.carer[k])): int(k) for k in np.flatnonzero(a.possible).tolist()
    }
    pairs = []
    for person_id, carer_id in plan.introductions.items():
        i, j = matcher.person_index[person_id], matcher.carer_index[carer_id]
        k = where[(i, j)]
        reasons, cautions = fit_reasons(
            matcher.people[i], matcher.carers[j], a, k, matcher.config.travel_km_per_hour
        )
        pairs.append(
            PlannedPair(
                people[i],
                open_carers[j],
                round(float(a.score[k]), 4),
                tuple(reasons[:4]),
                tuple(cautions[:3]),
            )
        )
    pairs.sort(key=lambda p: (-p.score, p.referral.pk))
    not_planned = [
        (people[matcher.person_index[pid]], NOT_PLANNED_WORDS[why])
        for pid, why in plan.unplanned.items()
    ]
    return SchemePlan(pairs, [*unlocated, *not_planned], plan.blocking_pairs)


# --- reviews --------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day of the month, `months` later (the month's last day if it has fewer)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def review_dates(starts_on: date) -> list[tuple[str, date]]:
    """A review at 4 weeks, monthly visits for the first 6 months, then an annual review."""
    due = [(ReviewKind.FOUR_WEEK, starts_on + timedelta(weeks=4))]
    due += [(ReviewKind.MONTHLY_VISIT, add_months(starts_on, m)) for m in range(2, 7)]
    due += [(ReviewKind.ANNUAL, add_years(starts_on, 1))]
    return due


def asked_for_review_due(asked_on: date) -> date:
    """A review either side asks for: the scheme sees it within two weeks."""
    return asked_on + timedelta(days=14)


def review_state(review, today: date) -> str:
    """'done', 'overdue' or 'due'."""
    if review.done_on:
        return "done"
    return "overdue" if review.due_on < today else "due"


# --- payments -------------------------------------------------------------------------------


def month_from(text: str | None) -> date:
    """The first day of a month written 2026-11; this month if blank or not a month."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return date.today().replace(day=1)


def month_bounds(month: date) -> tuple[date, date]:
    """The first and last day of the month `month` falls in."""
    first = month.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def days_active(starts_on: date, ended_on: date | None, first: date, last: date) -> int:
    """How many days of the month from `first` to `last` an arrangement was running."""
    start = max(starts_on, first)
    end = min(ended_on or last, last)
    return max(0, (end - start).days + 1)


@dataclass(frozen=True)
class PaymentLine:
    arrangement: object
    rate_pence: int
    per: str
    quantity: float
    amount_pence: int

    @property
    def amount(self) -> str:
        return f"£{self.amount_pence / 100:,.2f}"

    @property
    def rate(self) -> str:
        return f"£{self.rate_pence / 100:,.2f} a {self.per}"


def payment_line(arrangement, bands: dict, first: date, last: date) -> PaymentLine | None:
    """What an arrangement earns its carer in a month (None: nothing).

    Living together is paid weekly (pro rata by days in the month); home from hospital per
    night; short breaks per night and day support per session, as planned for the month.
    """
    a = arrangement
    rate = bands[a.arrangement_type][a.band]
    days = days_active(a.starts_on, a.ended_on, first, last)
    if a.arrangement_type == "long_term":
        quantity = round(days / 7, 4)
    elif a.arrangement_type == "home_from_hospital":
        quantity = days
    else:
        quantity = a.nights_or_sessions_per_month
    if not quantity:
        return None
    return PaymentLine(a, rate, RATE_UNITS[a.arrangement_type], quantity, round(rate * quantity))


# --- the carer's own record -----------------------------------------------------------------

# What a carer changes about their household that the scheme checks before matching uses it:
# who lives there, the home's safety and access, who gives personal care, who they support.
CHECKED_BY_THE_SCHEME = (
    "household_members",
    "pets",
    "smokes",
    "children_at_home",
    "step_free",
    "ground_floor_bedroom",
    "own_bathroom",
    "carer_genders",
    "confident_with",
    "skills",
    "min_age",
    "max_age",
)
# What describes the household and applies at once.
DESCRIBES_THE_HOUSEHOLD = (
    "interests",
    "languages",
    "faith",
    "diets",
    "atmosphere",
    "daily_rhythm",
    "day_support_travel_minutes",
    "profile",
)
HOUSEHOLD_PROFILE = CHECKED_BY_THE_SCHEME + DESCRIBES_THE_HOUSEHOLD


def profile_split(current: dict, wanted: dict) -> tuple[dict, dict]:
    """What changed, split into (applies at once, waits for the scheme to check); a field
    asked for with the value it already has is not a change."""
    changed = {k: v for k, v in wanted.items() if k in HOUSEHOLD_PROFILE and current.get(k) != v}
    at_once = {k: v for k, v in changed.items() if k in DESCRIBES_THE_HOUSEHOLD}
    checked = {k: v for k, v in changed.items() if k in CHECKED_BY_THE_SCHEME}
    return at_once, checked


def profile_problem(wanted: dict) -> dict:
    """What is wrong with a household profile, by field (empty: nothing)."""
    problems = {}
    low, high = wanted.get("min_age", 18), wanted.get("max_age", 120)
    if wanted.get("atmosphere", "any") not in set(Atmosphere):
        problems["atmosphere"] = "Choose what your home is like."
    if wanted.get("daily_rhythm", "flexible") not in set(DailyRhythm):
        problems["daily_rhythm"] = "Choose whether you are an early riser or a night owl."
    if not set(wanted.get("carer_genders") or []) <= set(Gender):
        problems["carer_genders"] = "Choose who in your household would give personal care."
    if not set(wanted.get("confident_with") or []) <= NEEDS:
        problems["confident_with"] = "Choose from the kinds of support listed."
    if not 0 <= (wanted.get("day_support_travel_minutes") or 0) <= 180:
        problems["day_support_travel_minutes"] = "Enter a number of minutes from 0 to 180."
    for name, longest in (("pets", 100), ("faith", 50)):
        if len(wanted.get(name) or "") > longest:
            problems[name] = f"Use {longest} characters or fewer."
    if low is not None and low < 18:
        problems["min_age"] = "Shared Lives is for adults: the youngest age must be 18 or more."
    if high is not None and high > 120:
        problems["max_age"] = "Enter an oldest age of 120 or less."
    ages_ok = "min_age" not in problems and "max_age" not in problems
    if low is not None and high is not None and low > high and ages_ok:
        problems["max_age"] = "The oldest age must be the same as or more than the youngest."
    return problems

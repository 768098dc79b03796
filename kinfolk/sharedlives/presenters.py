"""What Shared Lives pages show, in plain words."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError

from kinfolk.accounts.models import Role

from . import selectors, services
from .matchmaking import people_for
from .models import (
    ARRANGEMENT_CHOICES,
    MEETING_STAGES,
    NEED_CHOICES,
    ApplicationStep,
    ArrangementStatus,
    Side,
    Stage,
)
from .rules import can_for_person, is_the_carer
from .scheme import RATE_UNITS, scheme_settings

TYPE_WORDS = dict(ARRANGEMENT_CHOICES)
NEED_LABELS = dict(NEED_CHOICES)
STAGE_STEPS = [Stage.INTRODUCTION, Stage.TEA_VISIT, Stage.TRIAL_STAY, Stage.AGREEING, Stage.AGREED]


def words(values, labels=None) -> str:
    items = [(labels or {}).get(v, v) for v in values]
    if not items:
        return "None recorded"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def long_date(day: date | None) -> str:
    return day.strftime("%-d %B %Y") if day else "Not yet"


def _said(at, what: str) -> str:
    return what if at else "has not said yet"


def _signed(name: str, by_person: date | None, by_carer: date | None) -> str:
    return f"by {name} on {long_date(by_person)}, by the carer on {long_date(by_carer)}"


@dataclass
class ReferralPresenter:
    referral: object
    actor: object

    @property
    def person(self):
        return self.referral.person

    @property
    def home_first_question(self) -> str | None:
        return services.home_first_question(self.referral)

    @property
    def days_waiting(self) -> int:
        return (date.today() - self.referral.received_on).days

    @property
    def looking_for(self) -> str:
        return words(self.referral.arrangement_types, TYPE_WORDS)

    @property
    def rows(self) -> list[dict]:
        r = self.referral
        place = ", ".join(
            f"{p['name']} (no more than {p['max_minutes']} minutes)" for p in r.places_that_matter
        )
        return [
            {"key": {"text": k}, "value": {"text": v or "Not recorded"}}
            for k, v in [
                ("Referred by", f"{r.get_source_display()} {r.referrer_name}".strip()),
                ("Received", f"{long_date(r.received_on)} ({self.days_waiting} days ago)"),
                ("Looking for", self.looking_for),
                ("Support needs", words(r.support_needs, NEED_LABELS)),
                ("Lives near", r.postcode),
                ("What they enjoy", r.hobbies),
                ("Interests", words(r.interests)),
                ("People and places that matter", place),
                ("Wishes", r.wishes),
                ("Risks", r.risks),
                (
                    "Happy for suitable carers to see their profile",
                    "Yes" if r.share_with_suitable_carers else "No",
                ),
            ]
        ]

    @property
    def easy_read_lines(self) -> list[str]:
        r, name = self.referral, self.person.called
        lines = [line.strip() for line in r.easy_read.splitlines() if line.strip()]
        lines += [
            f"My name is {name}.",
            f"I would like {self.looking_for}.",
        ]
        if r.interests:
            lines.append(f"I like {words(r.interests)}.")
        if self.person.what_matters_to_me:
            lines.append(f"What matters to me: {self.person.what_matters_to_me}")
        for place in r.places_that_matter:
            lines.append(f"I want to stay close to {place['name']}.")
        return lines


def _introduction_card(introduction, actor) -> dict:
    return {
        "introduction": introduction,
        "stage": Stage(introduction.stage).label,
        "waiting_for_us": (
            introduction.stage == Stage.INTEREST
            and (
                (introduction.person_yes_at is None and not is_the_carer(actor, introduction.carer))
                or (introduction.carer_yes_at is None and is_the_carer(actor, introduction.carer))
            )
        ),
    }


@dataclass
class MatchesPage:
    person: object
    referral: object | None
    suggestions: list = field(default_factory=list)
    problem: str | None = None
    introductions: list = field(default_factory=list)
    arrangements: list = field(default_factory=list)
    open_carers: set = field(default_factory=set)

    @property
    def heading(self) -> str:
        return "Households who might suit you"


def matches_page(actor, person) -> MatchesPage:
    referral = selectors.open_referral_for_person(person=person)
    page = MatchesPage(person=person, referral=referral)
    page.arrangements = list(selectors.arrangements_for_person(person=person))
    if referral is None:
        page.problem = "You are not looking for a Shared Lives household at the moment."
        return page
    introductions = list(selectors.introductions_for_referral(referral=referral))
    page.introductions = [_introduction_card(i, actor) for i in introductions]
    page.open_carers = {i.carer_id for i in introductions if i.is_open and i.person_yes_at}
    try:
        page.suggestions = services.suggestions(actor=actor, referral=referral)
    except ValidationError:
        page.problem = (
            "Your worker is still finding out what you are looking for. They will talk with "
            "you first; then the households who might suit you will be shown here."
        )
    return page


@dataclass
class CarerRequestsPage:
    carer: object
    asking_us: list
    might_like: list
    introductions: list
    arrangements: list
    flags: list


def carer_requests_page(actor, carer) -> CarerRequestsPage:
    introductions = list(selectors.introductions_for_carer(carer=carer))
    asking = [i for i in introductions if i.stage == Stage.INTEREST and i.carer_yes_at is None]
    in_progress = [i for i in introductions if i.is_open and i not in asking]
    flags = selectors.carer_flags(carer=carer)
    might_like = []
    busy = {i.referral_id for i in introductions if i.is_open}
    if not flags and carer.status == "approved":
        open_to_us = [
            r
            for r in selectors.referrals_open_to_carers(area=carer.area)
            if r.pk not in busy and not services.home_first_question(r)
        ]
        in_progress_count = selectors.introductions_in_progress(area=carer.area).get(carer.pk, 0)
        might_like = people_for(carer, open_to_us, in_progress_count)
    return CarerRequestsPage(
        carer=carer,
        asking_us=asking,
        might_like=might_like,
        introductions=in_progress,
        arrangements=list(selectors.arrangements_for_carer(carer=carer)),
        flags=flags,
    )


@dataclass
class IntroductionPresenter:
    introduction: object
    actor: object

    @property
    def is_worker(self) -> bool:
        return can_for_person(self.actor, "manage_referral", self.introduction.person)

    @property
    def own_side(self) -> str | None:
        if is_the_carer(self.actor, self.introduction.carer):
            return Side.CARER
        if can_for_person(self.actor, "decide_for_person", self.introduction.person):
            return Side.PERSON
        return None

    @property
    def title(self) -> str:
        i = self.introduction
        return f"{i.person.called} and {i.carer.name}"

    @property
    def stage_label(self) -> str:
        return Stage(self.introduction.stage).label

    @property
    def steps(self) -> list[dict]:
        stage = self.introduction.stage
        order = [*STAGE_STEPS, Stage.ARRANGED]
        current = order.index(stage) if stage in order else -1
        views = {(v.stage, v.side): v for v in self.introduction.views.all()}
        return [
            {
                "label": Stage(s).label,
                "state": "done" if current > n else ("now" if current == n else "to come"),
                "person_view": views.get((s, Side.PERSON)),
                "carer_view": views.get((s, Side.CARER)),
            }
            for n, s in enumerate(STAGE_STEPS)
        ]

    @property
    def yes_status(self) -> list[str]:
        i = self.introduction
        return [
            f"{i.person.called}: {_said(i.person_yes_at, 'said yes to meeting')}",
            f"{i.carer.name}: {_said(i.carer_yes_at, 'said yes to meeting')}",
        ]

    @property
    def can_record_view(self) -> bool:
        return self.introduction.stage in MEETING_STAGES and (self.is_worker or self.own_side)

    @property
    def can_say_yes(self) -> bool:
        i = self.introduction
        side = self.own_side
        return i.stage == Stage.INTEREST and (
            (side == Side.PERSON and not i.person_yes_at)
            or (side == Side.CARER and not i.carer_yes_at)
        )

    @property
    def can_agree(self) -> bool:
        i, side = self.introduction, self.own_side
        return i.stage == Stage.AGREEING and (
            (side == Side.PERSON and not i.person_agreed_at)
            or (side == Side.CARER and not i.carer_agreed_at)
        )

    @property
    def agreement_status(self) -> list[str]:
        i = self.introduction
        return [
            f"{i.person.called}: {'agrees' if i.person_agreed_at else 'has not said yet'}",
            f"{i.carer.name}: {'agrees' if i.carer_agreed_at else 'has not said yet'}",
        ]

    @property
    def can_decline(self) -> bool:
        return self.introduction.is_open and self.own_side is not None

    @property
    def can_start_arrangement(self) -> bool:
        return self.introduction.stage == Stage.AGREED and self.is_worker

    @property
    def closed_text(self) -> str | None:
        i = self.introduction
        if i.stage != Stage.CLOSED:
            return None
        who = i.person.called if i.closed_by_side == Side.PERSON else i.carer.name
        return (
            f"{who} decided not to carry on on {long_date(i.closed_at.date())}. "
            "Nothing counts against anyone for saying no."
        )


@dataclass
class ArrangementPresenter:
    arrangement: object
    actor: object

    @property
    def title(self) -> str:
        a = self.arrangement
        return f"{a.person.called} with {a.carer.name}"

    @property
    def is_worker(self) -> bool:
        return can_for_person(self.actor, "manage_referral", self.arrangement.person)

    @property
    def is_a_side(self) -> bool:
        a = self.arrangement
        return is_the_carer(self.actor, a.carer) or can_for_person(
            self.actor, "decide_for_person", a.person
        )

    @property
    def is_active(self) -> bool:
        return self.arrangement.status == ArrangementStatus.ACTIVE

    @property
    def rows(self) -> list[dict]:
        a = self.arrangement
        rate = scheme_settings().bands[a.arrangement_type][a.band]
        rows = [
            ("Kind", TYPE_WORDS[a.arrangement_type]),
            ("Started", long_date(a.starts_on)),
            (
                "Both agreed",
                f"{long_date(a.person_agreed_at.date())} and {long_date(a.carer_agreed_at.date())}",
            ),
            (
                "Arrangement Agreement signed",
                _signed(
                    a.person.called, a.agreement_signed_by_person_on, a.agreement_signed_by_carer_on
                ),
            ),
        ]
        if a.arrangement_type == "long_term":
            rows.append(
                (
                    "Licence Agreement signed",
                    _signed(
                        a.person.called, a.licence_signed_by_person_on, a.licence_signed_by_carer_on
                    ),
                )
            )
        rows.append(
            ("Payment", f"Band {a.band}: £{rate / 100:,.2f} a {RATE_UNITS[a.arrangement_type]}")
        )
        if a.status == ArrangementStatus.ENDED:
            rows += [
                (
                    "Ended",
                    f"{long_date(a.ended_on)}, asked for by {Side(a.ended_by_side).label.lower()}",
                ),
                ("Why", a.end_reason),
                ("What happens next", a.next_step or "Not recorded"),
            ]
        return [{"key": {"text": k}, "value": {"text": v}} for k, v in rows]

    @property
    def reviews(self) -> list:
        today = date.today()
        return [
            {
                "review": r,
                "state": "done" if r.done_on else ("overdue" if r.due_on < today else "due"),
            }
            for r in selectors.reviews_for_arrangement(arrangement=self.arrangement)
        ]

    @property
    def next_review(self):
        return next((r["review"] for r in self.reviews if r["state"] != "done"), None)


@dataclass
class CarerPresenter:
    carer: object
    actor: object = None
    flags: list | None = None  # what stops new introductions; looked up if not given

    def __post_init__(self):
        if self.flags is None:
            self.flags = selectors.carer_flags(carer=self.carer)

    @property
    def approval(self) -> str:
        c = self.carer
        if c.status != "approved":
            return c.get_status_display()
        return (
            f"Approved on {long_date(c.approved_on)} for {words(c.approved_types, TYPE_WORDS)}; "
            f"{c.places} place{'s' if c.places != 1 else ''}, {c.free_places} free"
        )

    @property
    def training(self):
        return selectors.training_status(carer=self.carer)

    @property
    def steps(self) -> list[dict]:
        done = {c.step: c for c in self.carer.checks.all()}
        return [
            {"label": label, "check": done.get(value)} for value, label in ApplicationStep.choices
        ]

    @property
    def panels(self):
        return self.carer.panel_decisions.all()

    @property
    def annual_checks(self):
        return self.carer.annual_checks.all()

    @property
    def is_own(self) -> bool:
        return self.actor is not None and self.actor.acts_as(Role.SHARED_LIVES_CARER)

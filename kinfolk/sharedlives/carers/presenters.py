"""What a carer household's pages show: it takes what the selectors read and never queries."""

from dataclasses import dataclass, field

from .. import policy
from ..models import (
    ATMOSPHERE_CHOICES,
    GENDER_CHOICES,
    RHYTHM_CHOICES,
    ApplicationStep,
    CarerStatus,
)
from ..wording import NEED_LABELS, TYPE_WORDS, long_date, words


@dataclass
class CarerPresenter:
    """One household: its approval, training, checks, application and panels.

    `runs_the_scheme` says whether the reader is a scheme worker (who records things here);
    the lists come from `carers.selectors.carer_record` (the list page passes only flags)."""

    carer: object
    flags: list = field(default_factory=list)  # what stops new introductions
    training: list = field(default_factory=list)
    steps_done: dict = field(default_factory=dict)
    panels: list = field(default_factory=list)
    annual_checks: list = field(default_factory=list)
    arrangements: list = field(default_factory=list)  # active, for the worker to review
    runs_the_scheme: bool = False
    is_own: bool = False  # the household's own carer reading

    @classmethod
    def of(
        cls, record, *, runs_the_scheme: bool, is_own: bool = False, arrangements=()
    ) -> "CarerPresenter":
        """The household page, from a `CarerRecord` and its active arrangements."""
        return cls(
            arrangements=list(arrangements),
            is_own=is_own,
            carer=record.carer,
            flags=record.flags,
            training=record.training,
            steps_done=record.steps_done,
            panels=record.panels,
            annual_checks=record.annual_checks,
            runs_the_scheme=runs_the_scheme,
        )

    @property
    def approval(self) -> str:
        c = self.carer
        if c.status == CarerStatus.SUSPENDED:
            return (
                f"Approval suspended by panel (approved for {words(c.approved_types, TYPE_WORDS)};"
                f" {c.places} place{'s' if c.places != 1 else ''})"
            )
        if c.status != CarerStatus.APPROVED:
            return c.get_status_display()
        return (
            f"Approved on {long_date(c.approved_on)} for {words(c.approved_types, TYPE_WORDS)}; "
            f"{c.places} place{'s' if c.places != 1 else ''}, {c.free_places} free"
        )

    @property
    def steps(self) -> list[dict]:
        return [
            {"label": label, "check": self.steps_done.get(value)}
            for value, label in ApplicationStep.choices
        ]


# --- the carer's own record -----------------------------------------------------------------

QUESTION_WORDS = {
    "household_members": "Who lives here",
    "pets": "Pets",
    "smokes": "Anyone smokes at home",
    "children_at_home": "Children live here",
    "step_free": "Step-free way in",
    "ground_floor_bedroom": "Ground-floor bedroom",
    "own_bathroom": "A bathroom of their own",
    "carer_genders": "Who would give personal care",
    "confident_with": "Confident supporting",
    "skills": "Skills and training",
    "min_age": "Youngest age",
    "max_age": "Oldest age",
    "interests": "What we enjoy",
    "languages": "Languages",
    "faith": "Faith",
    "diets": "Diets we cook for",
    "atmosphere": "What our home is like",
    "daily_rhythm": "Our day",
    "day_support_travel_minutes": "Travel for day support",
    "profile": "About us",
}
_GENDERS = dict(GENDER_CHOICES)
_ATMOSPHERES = dict(ATMOSPHERE_CHOICES)
_RHYTHMS = dict(RHYTHM_CHOICES)


def value_in_words(name: str, value) -> str:
    """A household profile answer as a person would say it."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if name == "carer_genders":
        return words(value, _GENDERS)
    if name == "confident_with":
        return words(value, NEED_LABELS)
    if isinstance(value, list):
        return words(value)
    if name == "atmosphere":
        return _ATMOSPHERES.get(value, value)
    if name == "daily_rhythm":
        return _RHYTHMS.get(value, value)
    if name == "day_support_travel_minutes":
        return f"Up to {value} minutes"
    return str(value) if value not in (None, "") else "Not said"


@dataclass
class HouseholdProfilePresenter:
    """A household's profile as it is, and what is waiting for the scheme to check."""

    carer: object
    waiting: object = None  # a pending ProfileChange
    returned: object = None  # the last change sent back, if nothing newer

    def _rows(self, names) -> list[dict]:
        return [
            {
                "key": {"text": QUESTION_WORDS[n]},
                "value": {"text": value_in_words(n, getattr(self.carer, n))},
            }
            for n in names
        ]

    @property
    def rows(self) -> list[dict]:
        """Every answer, as matching uses it now."""
        return self._rows(policy.HOUSEHOLD_PROFILE)

    @property
    def waiting_rows(self) -> list[dict]:
        """What is waiting: the question, as it is now, and as asked for."""
        if self.waiting is None:
            return []
        return [
            {
                "question": QUESTION_WORDS[n],
                "now": value_in_words(n, getattr(self.carer, n)),
                "asked": value_in_words(n, v),
            }
            for n, v in self.waiting.changes.items()
            if n in QUESTION_WORDS
        ]

    @property
    def answers(self) -> dict:
        """The form's starting answers: as they are, with what is waiting laid over them."""
        values = {n: getattr(self.carer, n) for n in policy.HOUSEHOLD_PROFILE}
        if self.waiting is not None:
            values.update(self.waiting.changes)
        return values


@dataclass
class StatementPresenter:
    """A household's payment statement for a month, in plain words."""

    carer: object
    month: object
    lines: list = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.month:%B %Y}"

    @property
    def rows(self) -> list[dict]:
        out = []
        for line in self.lines:
            a = line.arrangement
            quantity = how_many(line.quantity, line.per)
            out.append(
                {
                    "who": a.person.called,
                    "kind": TYPE_WORDS.get(a.arrangement_type, a.arrangement_type),
                    "how": f"{quantity} at {line.rate}",
                    "amount": line.amount,
                }
            )
        return out

    @property
    def total(self) -> str:
        return f"£{sum(line.amount_pence for line in self.lines) / 100:,.2f}"


def how_many(quantity: float, per: str) -> str:
    """How much of a payment unit a month held, as a person would say it: "31 days (4.43
    weeks)" for weekly payments, "4 nights", "1 session"."""
    if per == "week":
        days = round(quantity * 7)
        return f"{days} day{'s' if days != 1 else ''} ({quantity:.2f} weeks)"
    count = int(quantity) if float(quantity).is_integer() else quantity
    return f"{count} {per}{'s' if count != 1 else ''}"


def documents(arrangements) -> list[dict]:
    """Each arrangement's signed papers, in words."""
    out = []
    for a in arrangements:
        you, them = long_date(a.agreement_signed_by_carer_on), a.person.called
        papers = [
            f"Shared Lives Arrangement Agreement: you signed on {you}, "
            f"{them} on {long_date(a.agreement_signed_by_person_on)}"
        ]
        if a.licence_signed_by_carer_on or a.licence_signed_by_person_on:
            papers.append(
                f"Licence Agreement: you signed on {long_date(a.licence_signed_by_carer_on)}, "
                f"{a.person.called} on {long_date(a.licence_signed_by_person_on)}"
            )
        kind = TYPE_WORDS.get(a.arrangement_type, a.arrangement_type)
        out.append(
            {
                "arrangement": a,
                "title": f"{a.person.called}: {kind.lower()} since {long_date(a.starts_on)}",
                "papers": papers,
            }
        )
    return out


@dataclass
class LeavingPage:
    """A household stopping: who lives with or is supported by them, what closes, who is told."""

    carer: object
    arrangements: list  # active
    introductions: list  # open
    own: bool  # the carer themselves (not a worker recording it for them)

    @property
    def living_there(self) -> list:
        return [a for a in self.arrangements if a.arrangement_type == "long_term"]

    @property
    def what_will_happen(self) -> list[str]:
        """What leaving does, in the order it happens."""
        said = []
        n = len(self.arrangements)
        if n:
            said.append(
                f"{n} arrangement{'s' if n != 1 else ''} will end, each with the next step "
                "recorded here."
            )
        m = len(self.introductions)
        if m:
            said.append(
                f"{m} introduction{'s' if m != 1 else ''} in progress will close, saying the "
                "household stopped being Shared Lives carers."
            )
        if n or m:
            said.append("The people involved, and their workers, will be told.")
        said.append(
            "The household will show as no longer a carer, and will not be suggested to anyone."
        )
        return said

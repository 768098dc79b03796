"""What a carer household's pages show: it takes what the selectors read and never queries."""

from dataclasses import dataclass, field

from ..models import ApplicationStep, CarerStatus
from ..wording import TYPE_WORDS, long_date, words


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

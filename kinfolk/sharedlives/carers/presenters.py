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
    runs_the_scheme: bool = False

    @classmethod
    def of(cls, record, *, runs_the_scheme: bool) -> "CarerPresenter":
        """The household page, from a `CarerRecord`."""
        return cls(
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

"""What the scheme worker's overview pages show, in plain words. No queries, no writes."""

from dataclasses import dataclass
from datetime import date

from ..wording import long_date


@dataclass(frozen=True)
class DueLine:
    """One thing falling due: what, for whom, when, how long is left, and where to record it."""

    kind: str  # "Training", "Household check", "Review"
    what: str
    who: str
    due_on: date
    days_left: int  # below 0: overdue by that many days
    link: tuple  # (url name, pk)

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def when(self) -> str:
        """ "Overdue by 3 days", "Due today", "12 days left"."""
        if self.days_left < 0:
            n = -self.days_left
            return f"Overdue by {n} day{'s' if n != 1 else ''}"
        if self.days_left == 0:
            return "Due today"
        return f"{self.days_left} day{'s' if self.days_left != 1 else ''} left"

    @property
    def due_words(self) -> str:
        return long_date(self.due_on)


def due_lines(found, today: date) -> list[DueLine]:
    """Everything in `overview.selectors.due_soon`, overdue first, then soonest first."""
    lines = [
        DueLine(
            "Training",
            f"{status.label} training {'expired' if status.expires_on < today else 'runs out'}",
            carer.name,
            status.expires_on,
            (status.expires_on - today).days,
            ("sharedlives:carer", carer.pk),
        )
        for carer, status in found.training
    ]
    lines += [
        DueLine(
            "Household check",
            check.get_kind_display(),
            check.carer.name,
            check.due_on,
            (check.due_on - today).days,
            ("sharedlives:carer", check.carer_id),
        )
        for check in found.checks
    ]
    lines += [
        DueLine(
            "Review",
            review.get_kind_display(),
            f"{review.arrangement.person.called} with {review.arrangement.carer.name}",
            review.due_on,
            (review.due_on - today).days,
            ("sharedlives:arrangement", review.arrangement_id),
        )
        for review in found.reviews
    ]
    return sorted(lines, key=lambda line: (line.due_on, line.kind, line.who))

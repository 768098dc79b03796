"""Commitments as people read them: indented parts, a progress bar's number, money in pounds,
and late ones said plainly."""

from dataclasses import dataclass
from datetime import date

from .models import Commitment, Status
from .selectors import Node, is_late


def pounds(pence: int | None) -> str:
    """Money as people write it: £12,500 or £12,500.50."""
    if pence is None:
        return "Not given"
    whole, part = divmod(pence, 100)
    return f"£{whole:,}" + (f".{part:02d}" if part else "")


TAG_COLOURS = {"done": "green", "at_risk": "orange", "delayed": "orange", "dropped": "grey",
               "on_track": "blue"}  # fmt: skip


@dataclass(frozen=True)
class CommitmentRow:
    commitment: Commitment
    depth: int
    progress: int
    late: bool
    has_parts: bool

    @property
    def status(self) -> str:
        """Its own status; for one made of parts that says no more than 'not started' or 'on
        track', where its parts have got to (a parent is not 'not started' at 80%)."""
        own = self.commitment.status
        if not self.has_parts or own not in (Status.NOT_STARTED, Status.ON_TRACK):
            return own
        if self.progress == 100:
            return Status.DONE
        return Status.ON_TRACK if self.progress else Status.NOT_STARTED

    @property
    def status_words(self) -> str:
        return "Late" if self.late else Status(self.status).label

    @property
    def tag(self) -> str:
        if self.late:
            return "red"
        return TAG_COLOURS.get(self.status, "white")

    @property
    def budget(self) -> str:
        return pounds(self.commitment.budget_pence)


def rows(roots: list[Node], today: date) -> list[CommitmentRow]:
    """Every commitment in the tree, parents before their parts."""
    return [
        CommitmentRow(
            node.commitment,
            depth,
            node.progress,
            is_late(node.commitment, today),
            bool(node.children),
        )  # fmt: skip
        for root in roots
        for node, depth in root.walk()
    ]


def open_data(rows_: list[CommitmentRow]) -> list[dict]:
    """The published commitments as open data (JSON and CSV carry the same fields)."""
    return [
        {
            "reference": row.commitment.reference,
            "parent_reference": row.commitment.parent.reference if row.commitment.parent else "",
            "title": row.commitment.title,
            "by_when": row.commitment.by_when.isoformat(),
            "budget_pence": row.commitment.budget_pence,
            "outcome": row.commitment.outcome,
            "status": row.commitment.status,
            "late": row.late,
            "progress": row.progress,
        }
        for row in rows_
    ]

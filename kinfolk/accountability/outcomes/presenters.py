"""An outcomes contract as its commissioner and provider read it: the rate card, the caps,
what people confirmed and what was paid, and whether the people taken on were chosen for being
easy to help. Figures only, under the disclosure rule: no count of 1 to 4, and no amount that
would give one away."""

from dataclasses import dataclass

from kinfolk.core.disclosure import count_shown, mean_of, protect, words

from .models import ClaimStatus, OutcomeKind

# How much less lonely, on average, the people taken on may be at the start before it is flagged.
CHERRY_PICKING_GAP = 0.5


def pounds(pence: int) -> str:
    return f"£{pence / 100:,.2f}"


@dataclass
class OutcomeRow:
    outcome: str
    price: str
    asked: str
    confirmed: str
    not_confirmed: str
    paid: str


def outcome_rows(contract, claims) -> list[OutcomeRow]:
    """Per rate-card line: how many were asked, confirmed, said no, and what was paid."""
    rows = []
    for line in contract.lines.all():
        mine = [c for c in claims if c.line_id == line.pk]
        counts = {
            "all": len(mine),
            **{s: sum(c.status == s for c in mine) for s in ClaimStatus.values},
        }
        shown = protect(counts, [("all", list(ClaimStatus.values))])
        confirmed = shown[ClaimStatus.CONFIRMED]
        rows.append(
            OutcomeRow(
                OutcomeKind(line.outcome).label,
                pounds(line.price_pence),
                words(shown["all"]),
                words(confirmed),
                words(shown[ClaimStatus.NOT_CONFIRMED]),
                words(None if confirmed is None else pounds(sum(c.paid_pence for c in mine))),
            )
        )
    return rows


@dataclass
class Fairness:
    """Baseline loneliness of those taken on against everyone starting support then."""

    taken_on: object  # Mean
    everyone: object  # Mean
    flagged: bool

    @property
    def words(self) -> str:
        if self.taken_on.suppressed or self.everyone.suppressed:
            return "Too few people yet to compare who was taken on with the area."
        if self.flagged:
            return (
                f"People taken on were less lonely at the start (UCLA-3 {self.taken_on.value}) "
                f"than everyone starting support in the area ({self.everyone.value}). Check that "
                "the service is not choosing people who are easier to help."
            )
        return (
            f"People taken on were as lonely at the start (UCLA-3 {self.taken_on.value}) as "
            f"everyone starting support in the area ({self.everyone.value})."
        )


def fairness(taken_on: list[int], everyone: list[int]) -> Fairness:
    ours = mean_of(taken_on, count_shown(len(taken_on)), signed=False)
    all_ = mean_of(everyone, count_shown(len(everyone)), signed=False)
    flagged = (
        not ours.suppressed
        and not all_.suppressed
        and ours.value is not None
        and all_.value is not None
        and ours.value < all_.value - CHERRY_PICKING_GAP
    )
    return Fairness(ours, all_, flagged)


def paid_in_total(claims) -> int:
    return sum(c.paid_pence for c in claims)


def claim_words(claim, *, for_someone: bool = False) -> dict:
    """What the person is asked, in plain words (about them, to someone acting for them)."""
    service, outcome = claim.contract.service, claim.line.outcome
    name = claim.person.called
    you, your = (name, f"{name}'s") if for_someone else ("you", "your")
    if outcome == OutcomeKind.LESS_LONELY:
        what = f"{name} feels less lonely" if for_someone else "you feel less lonely"
        detail = (
            f"{your.capitalize()} loneliness answers went from {claim.before} to {claim.after} "
            "(lower is less lonely)."
        )
    elif outcome == OutcomeKind.MORE_SATISFIED:
        what = f"{name} is" if for_someone else "you are"
        what += " more satisfied with life"
        detail = f"{your.capitalize()} answer went from {claim.before} to {claim.after} out of 10."
    else:
        what = (
            f"{name} has someone new in their life"
            if for_someone
            else "you have someone new in your life"
        ) + " who is not paid to be there"
        detail = (
            f"{your.capitalize()} circle had {claim.before} unpaid people in it; "
            f"now it has {claim.after}."
        )
    return {
        "heading": f"Since {you} started at {service}, {what}. Is that right for {you}?",
        "detail": detail,
    }

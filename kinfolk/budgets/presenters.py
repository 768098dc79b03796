"""What budget pages show: the budget in rows, the plan, and monthly statements in plain words.
No queries: the views fetch, these shape."""

from dataclasses import dataclass, field
from datetime import date

from .models import BudgetKind, HeldBy, MovementKind
from .money import pounds
from .wording import CARE_ACT_AREAS, WHAT_KIND_MEANS


def _day(day: date | None) -> str:
    return f"{day:%-d %B %Y}" if day else ""


def months_of(budget, today: date) -> list[tuple[date, date]]:
    """Each month of the budget up to today (first day, first day of the next), newest first."""
    last = min(today, budget.ends_on)
    first = budget.starts_on.replace(day=1)
    months = []
    while first <= last:
        after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        months.append((first, after))
        first = after
    return list(reversed(months))


@dataclass
class Statement:
    month: date
    sentences: list[str]
    left_pence: int

    @property
    def heading(self) -> str:
        return f"{self.month:%B %Y}"

    @property
    def text(self) -> str:
        """'In October: £240.00 came in from the council. ... £1,180.00 is left.'"""
        return statement_text(self)


def statement_sentences(lines: list[dict], *, own: bool, called: str) -> list[str]:
    """A month's movements as sentences the person reads ("You paid £60.00 to Green Fingers")."""
    said = []
    paid = "You paid" if own else f"{called}'s budget paid"
    for line in lines:
        kind, pence = line["movement__kind"], abs(line["pence"])
        to, came_from = line["movement__to_account__name"], line["movement__from_account__name"]
        if kind == MovementKind.MONEY_IN:
            said.append(f"{pounds(pence)} came in from the council.")
        elif kind == MovementKind.PAYMENT:
            said.append(f"{paid} {pounds(pence)} to {to}.")
        elif (
            kind == MovementKind.REVERSAL
            and line["movement__reverses__kind"] == MovementKind.PAYMENT
        ):
            said.append(f"{pounds(pence)} paid to {came_from} was put back.")
        elif kind == MovementKind.REVERSAL:
            said.append(f"{pounds(pence)} from the council was taken back.")
        elif kind == MovementKind.RECOVERY:
            said.append(f"{pounds(pence)} that was not spent went back to the council.")
    return said


def statements(budget, lines: list[dict], today: date, *, own: bool) -> list[Statement]:
    """Every month's statement, newest first, from the lines of `selectors.statement_lines`."""
    by_month: dict[date, list[dict]] = {}
    for line in lines:
        month = line["month"]
        month = month.date() if hasattr(month, "date") else month
        by_month.setdefault(month.replace(day=1), []).append(line)
    left, out = 0, []
    for first, _ in reversed(months_of(budget, today)):
        month_lines = by_month.get(first, [])
        left += sum(line["pence"] for line in month_lines)
        said = statement_sentences(month_lines, own=own, called=budget.person.called)
        out.append(Statement(first, said or ["Nothing was paid in or out."], left))
    return list(reversed(out))


def statement_text(s: Statement) -> str:
    """The statement as one paragraph: 'In October: ... £1,180.00 is left.'"""
    return f"In {s.month:%B}: " + " ".join(s.sentences) + f" {pounds(s.left_pence)} is left."


@dataclass
class BudgetPage:
    budget: object
    left_pence: int
    own: bool
    movements: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    can_agree: bool = False
    can_approve: bool = False
    can_write: bool = False
    can_pay: bool = False
    can_reverse: bool = False
    can_add_money: bool = False
    can_review: bool = False
    today: date | None = None

    @property
    def heading(self) -> str:
        return "My budget" if self.own else f"{self.budget.person.called}'s budget"

    @property
    def left(self) -> str:
        return pounds(self.left_pence)

    @property
    def amount_words(self) -> str:
        b = self.budget
        return f"{pounds(b.amount_pence)}, from {_day(b.starts_on)} to {_day(b.ends_on)}"

    @property
    def rows(self) -> list[dict]:
        b = self.budget
        holder = HeldBy(b.held_by).label
        rows = [
            ("Kind", BudgetKind(b.kind).label),
            ("What this means", WHAT_KIND_MEANS[b.kind]),
            ("Amount", f"{pounds(b.amount_pence)} from {_day(b.starts_on)} to {_day(b.ends_on)}"),
            ("Who holds the money", f"{b.holder_name} ({holder.lower()})"),
            ("Who manages it", str(b.manager)),
            ("Left now", self.left),
            ("Review due", _day(b.review_due_on)),
        ]
        return [{"key": {"text": k}, "value": {"text": v}} for k, v in rows]

    @property
    def unspent_at_end(self) -> str:
        """What happens to money left at the end, once the period is over."""
        if self.today is None or self.today <= self.budget.ends_on or self.left_pence <= 0:
            return ""
        if self.budget.kind == BudgetKind.DIRECT_PAYMENT:
            return f"{self.left} was not spent. It goes back to the council."
        return f"{self.left} was not spent by the end of the budget."

    @property
    def plan(self):
        return self.budget.plan

    @property
    def plan_status(self) -> str:
        plan = self.plan
        if plan.approved:
            return f"Agreed and approved on {_day(plan.approved_at.date())}."
        if plan.agreed:
            return "Agreed, and waiting for a budget approver."
        return "Not agreed yet."

    @property
    def agreed_words(self) -> str:
        plan = self.plan
        if not plan.agreed:
            return ""
        when = _day(plan.agreed_at.date())
        if plan.agreed_as == "person":
            return f"Agreed by {self.budget.person.called} on {when}."
        return (
            f"Agreed for {self.budget.person.called} by {plan.agreed_by} on {when}. "
            f"How {self.budget.person.called} showed it: {plan.how_shown}"
        )

    def outcome_rows(self, outcomes) -> list[dict]:
        """Each outcome: the part of life, in their words, the support, the cost."""
        return [
            {
                "area": CARE_ACT_AREAS[o.wellbeing_area],
                "words": o.in_my_words,
                "support": o.support,
                "cost": pounds(o.cost_pence),
            }
            for o in outcomes
        ]

    def movement_rows(self) -> list[dict]:
        """The ledger for the budget: each movement, and whether it can be reversed."""
        rows = []
        for m in self.movements:
            reversed_already = hasattr(m, "reversed_by") and _has(m, "reversed_by")
            rows.append(
                {
                    "id": m.pk,
                    "on": _day(m.happened_on),
                    "kind": MovementKind(m.kind).label,
                    "to": m.to_account.name,
                    "from": m.from_account.name,
                    "amount": pounds(m.amount_pence),
                    "reason": m.reason,
                    "reversible": self.can_reverse
                    and m.kind == MovementKind.PAYMENT
                    and not reversed_already,
                    "reversed": reversed_already,
                }
            )
        return rows


def _has(movement, name: str) -> bool:
    try:
        getattr(movement, name)
    except Exception:  # RelatedObjectDoesNotExist
        return False
    return True


def plan_waiting_rows(plans) -> list[dict]:
    """The approver's list: whose plan, agreed when and how, what it costs."""
    return [
        {
            "budget": p.budget.pk,
            "who": p.budget.person.full_name,
            "agreed": _day(p.agreed_at.date()),
            "as": "by the person" if p.agreed_as == "person" else "by their representative",
            "cost": pounds(sum(o.cost_pence for o in p.outcomes.all())),
            "amount": pounds(p.budget.amount_pence),
        }
        for p in plans
    ]

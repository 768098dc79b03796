"""Budgets API: a person's budgets, what is left, the plan, statements and the ledger; payments
and reversals by the budget's manager. The same rules as the pages; every read audited."""

from datetime import date

from django.utils import timezone
from ninja import Field, Router, Schema, Status

from . import presenters, selectors, services

router = Router(tags=["budgets"])


class OutcomeOut(Schema):
    wellbeing_area: str = Field(..., description="One of the nine Care Act 2014 wellbeing areas")
    in_my_words: str
    support: str
    cost_pence: int


class PlanOut(Schema):
    in_my_words: str
    agreed_at: str | None
    agreed_as: str = Field(..., description="person, representative, or empty if not agreed")
    how_shown: str = Field(..., description="How the person showed they agree (representative)")
    approved_at: str | None
    outcomes: list[OutcomeOut]


class BudgetOut(Schema):
    id: int
    kind: str = Field(..., description="direct_payment, third_party or notional")
    amount_pence: int
    starts_on: date
    ends_on: date
    held_by: str
    holder_name: str
    left_pence: int = Field(..., description="The sum of the budget account's ledger entries")
    review_due_on: date
    plan: PlanOut


class StatementOut(Schema):
    month: str = Field(..., description="YYYY-MM")
    sentences: list[str]
    left_pence: int
    text: str = Field(..., description="The statement as the person reads it")


class MovementOut(Schema):
    id: int
    kind: str = Field(..., description="money_in, payment, reversal or recovery")
    from_account: str
    to_account: str
    amount_pence: int = Field(..., description="Always more than 0; the direction is from/to")
    happened_on: date
    description: str
    reverses: int | None
    reason: str


class PaymentIn(Schema):
    amount_pence: int = Field(..., gt=0)
    happened_on: date
    payee: str = Field(..., min_length=1, description="The provider's name")
    description: str = ""


class ReversalIn(Schema):
    reason: str = Field(..., description="Why the payment is being reversed")


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def _budget_out(budget) -> dict:
    plan = budget.plan
    return {
        "id": budget.pk,
        "kind": budget.kind,
        "amount_pence": budget.amount_pence,
        "starts_on": budget.starts_on,
        "ends_on": budget.ends_on,
        "held_by": budget.held_by,
        "holder_name": budget.holder_name,
        "left_pence": selectors.balance(budget),
        "review_due_on": budget.review_due_on,
        "plan": {
            "in_my_words": plan.in_my_words,
            "agreed_at": _when(plan.agreed_at),
            "agreed_as": plan.agreed_as,
            "how_shown": plan.how_shown,
            "approved_at": _when(plan.approved_at),
            "outcomes": [
                {
                    "wellbeing_area": o.wellbeing_area,
                    "in_my_words": o.in_my_words,
                    "support": o.support,
                    "cost_pence": o.cost_pence,
                }
                for o in plan.outcomes.all()
            ],
        },
    }


def _movement_out(m) -> dict:
    return {
        "id": m.pk,
        "kind": m.kind,
        "from_account": m.from_account.name,
        "to_account": m.to_account.name,
        "amount_pence": m.amount_pence,
        "happened_on": m.happened_on,
        "description": m.description,
        "reverses": m.reverses_id,
        "reason": m.reason,
    }


@router.get("/{budget_id}", response=BudgetOut, summary="A budget: what is left, and the plan")
def budget(request, budget_id: int):
    return _budget_out(selectors.budget_get(actor=request.auth, budget_id=budget_id, page="api"))


@router.get(
    "/{budget_id}/statements",
    response=list[StatementOut],
    summary="Monthly statements in plain words, newest first",
)
def statements(request, budget_id: int):
    found = selectors.budget_get(actor=request.auth, budget_id=budget_id, page="api_statements")
    from kinfolk.core.permissions import can

    own = can(request.auth, "budgets.see_my_budget", found.person)
    made = presenters.statements(
        found, selectors.statement_lines(found), timezone.localdate(), own=own
    )
    return [
        {
            "month": f"{s.month:%Y-%m}",
            "sentences": s.sentences,
            "left_pence": s.left_pence,
            "text": s.text,
        }
        for s in made
    ]


@router.get(
    "/{budget_id}/movements", response=list[MovementOut], summary="Every movement, oldest first"
)
def movements(request, budget_id: int):
    found = selectors.budget_get(actor=request.auth, budget_id=budget_id, page="api_movements")
    return [_movement_out(m) for m in selectors.movements_of(found)]


@router.post(
    "/{budget_id}/payments",
    response={201: MovementOut},
    summary="Record a payment (the budget's manager); refused if more than is left",
)
def pay(request, budget_id: int, payload: PaymentIn):
    found = selectors.budget_get(
        actor=request.auth,
        budget_id=budget_id,
        permission="budgets.record_payment",
        page="api_payment",
    )
    paid = services.payment_record(
        actor=request.auth,
        budget=found,
        amount_pence=payload.amount_pence,
        happened_on=payload.happened_on,
        payee=payload.payee,
        description=payload.description,
    )
    return Status(201, _movement_out(paid))


@router.post(
    "/{budget_id}/movements/{movement_id}/reversal",
    response={201: MovementOut},
    summary="Reverse a payment, with the reason (the budget's manager)",
)
def reverse(request, budget_id: int, movement_id: int, payload: ReversalIn):
    movement = selectors.movement_get(actor=request.auth, movement_id=movement_id)
    if movement.budget_id != budget_id:
        from django.http import Http404

        raise Http404
    reversal = services.movement_reverse(
        actor=request.auth, movement=movement, reason=payload.reason
    )
    return Status(201, _movement_out(reversal))

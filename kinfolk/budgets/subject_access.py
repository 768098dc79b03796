"""A person's budgets, plans and money in their subject access export; what erasure removes.

The plan's words and outcomes are the person's own and are replaced by "Erased". The budget and
its ledger stay: they are the council's financial record of public money (kept for audit), and
the ledger is append-only by design (ADR 0032). They hold amounts, dates and who was paid.
"""

from kinfolk.core.subject_access import ERASED, Part, holds_nothing_about_a_person, register, when

from .models import Budget, HeldBy, Movement, Outcome, SupportPlan

KEY = "budgets"


def export(person) -> list:
    area = person.area
    out = []
    for budget in Budget.objects.in_area(area).filter(person=person).select_related("plan"):
        plan = budget.plan
        out.append(
            {
                "kind": budget.kind,
                "amount_pence": budget.amount_pence,
                "starts_on": when(budget.starts_on),
                "ends_on": when(budget.ends_on),
                "held_by": budget.held_by,
                "holder_name": budget.holder_name,
                "reviewed_on": when(budget.reviewed_on),
                "plan": {
                    "in_my_words": plan.in_my_words,
                    "agreed_at": when(plan.agreed_at),
                    "agreed_as": plan.agreed_as,
                    "how_shown": plan.how_shown,
                    "approved_at": when(plan.approved_at),
                    "outcomes": [
                        {
                            "wellbeing_area": o.wellbeing_area,
                            "in_my_words": o.in_my_words,
                            "support": o.support,
                            "cost_pence": o.cost_pence,
                        }
                        for o in Outcome.objects.in_area(area).filter(plan=plan)
                    ],
                },
                "movements": [
                    {
                        "kind": m.kind,
                        "amount_pence": m.amount_pence,
                        "from": m.from_account.name,
                        "to": m.to_account.name,
                        "happened_on": when(m.happened_on),
                        "description": m.description,
                        "reason": m.reason,
                    }
                    for m in Movement.objects.in_area(area)
                    .filter(budget=budget)
                    .select_related("from_account", "to_account")
                ],
            }
        )
    return out


def erase(person) -> None:
    """The plan's words go; the money's record stays (it says what public money paid for)."""
    area = person.area
    budgets = Budget.objects.in_area(area).filter(person=person)
    plans = SupportPlan.objects.in_area(area).filter(budget__in=budgets)
    Outcome.objects.in_area(area).filter(plan__in=plans).update(in_my_words=ERASED, support=ERASED)
    plans.update(in_my_words=ERASED, how_shown="")
    budgets.filter(held_by__in=[HeldBy.PERSON, HeldBy.REPRESENTATIVE]).update(holder_name=ERASED)


def register_parts() -> None:
    register(
        Part(
            KEY,
            (
                "budgets.Budget",
                "budgets.SupportPlan",
                "budgets.Outcome",
                "budgets.Movement",
                "budgets.Entry",
            ),
            export,
            erase,
        )
    )
    holds_nothing_about_a_person(
        "budgets.Account", "where money is held or paid: a budget's account is named by number"
    )

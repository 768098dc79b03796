"""Budget pages: My budget (or a person's budget), the plan agreed and approved, payments
recorded and reversed, the approver's list, the ledger as CSV. Thin: selectors, services,
presenters."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from kinfolk.core import csv_export
from kinfolk.core.models import AuditAction
from kinfolk.core.pagination import paginate
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import form_posted
from kinfolk.people.audit import audit_person

from . import presenters, selectors, services
from .forms import AgreeForm, ApproveForm, MoneyInForm, OutcomeForm, PaymentForm, ReverseForm
from .money import pounds

MOVEMENTS_A_PAGE = 10  # the latest first; the CSV has them all

# Which question a service's refusal is about, by its code (so it shows by that question).
QUESTION_FOR = {
    "amount": "amount",
    "not_enough": "amount",
    "too_much": "amount",
    "happened_on": "happened_on",
    "payee": "payee",
    "reason": "reason",
    "how_shown": "how_shown",
    "cost": "cost",
    "in_my_words": "in_my_words",
    "support": "support",
    "wellbeing_area": "wellbeing_area",
    "manager": "manager",
    "kind": "kind",
    "ends_on": "ends_on",
    "reviewed_on": "reviewed_on",
    "person": "q",
}


def by_question(act):
    """Call the service; a refusal with a known code goes by its question."""

    def acted(data):
        try:
            return act(data)
        except ValidationError as error:
            question = QUESTION_FOR.get(getattr(error, "code", None) or "")
            if question and not hasattr(error, "error_dict"):
                raise ValidationError({question: error.messages}) from error
            raise

    return acted


def _posted(request):
    """The posted data, even when empty (a form whose only question is optional)."""
    return request.POST if request.method == "POST" else None


def _budget_page(budget_id) -> str:
    return reverse("budgets:budget", args=[budget_id])


def _own(actor, budget) -> bool:
    return can(actor, "budgets.see_my_budget", budget.person)


def _page(actor, budget) -> presenters.BudgetPage:
    today = timezone.localdate()
    own = _own(actor, budget)
    return presenters.BudgetPage(
        budget=budget,
        left_pence=selectors.balance(budget),
        own=own,
        today=today,
        movements=selectors.movements_of(budget),
        statements=presenters.statements(budget, selectors.statement_lines(budget), today, own=own),
        can_agree=can(actor, "budgets.agree_plan", budget) and not budget.plan.agreed,
        can_approve=can(actor, "budgets.approve_plan", budget)
        and budget.plan.agreed
        and not budget.plan.approved,
        can_write=can(actor, "budgets.write_plan", budget) and not budget.plan.agreed,
        can_pay=can(actor, "budgets.record_payment", budget),
        can_reverse=can(actor, "budgets.reverse_movement", budget),
        can_add_money=can(actor, "budgets.record_money_in", budget),
        can_review=can(actor, "budgets.record_review", budget),
    )


@login_required
def budget(request, budget_id):
    """My budget (or a person's): what is left, the plan, monthly statements, the ledger."""
    found = selectors.budget_get(actor=request.actor, budget_id=budget_id, page="budget")
    page = _page(request.actor, found)
    latest_first = page.movement_rows()[::-1]
    movements, pagination = paginate(request, latest_first, per_page=MOVEMENTS_A_PAGE)
    return render(
        request,
        "budgets/budget.jinja",
        {
            "page": page,
            "outcomes": page.outcome_rows(found.plan.outcomes.all()),
            "money_in_form": MoneyInForm(),
            "movements": movements,
            "pagination": pagination,
        },
    )


@login_required
def statement_csv(request, budget_id):
    """The budget's ledger as CSV: every movement, in and out, with what was left after it."""
    found = selectors.budget_get(actor=request.actor, budget_id=budget_id, page="statement_csv")
    rows, left = [], 0
    for entry in selectors.entries_of(found):
        left += entry.amount_pence
        m = entry.movement
        rows.append(
            [
                m.happened_on.isoformat(),
                m.get_kind_display(),
                m.from_account.name,
                m.to_account.name,
                m.description,
                m.reason,
                f"{entry.amount_pence / 100:.2f}",
                f"{left / 100:.2f}",
            ]
        )
    audit_person(
        actor=request.actor,
        action=AuditAction.EXPORT,
        person=found.person,
        about=found,
        detail={"rows": len(rows)},
    )
    header = ["date", "what", "from", "to", "description", "reason", "pounds", "left"]
    return csv_export.csv_download(f"budget-{found.pk}.csv", header, rows)


@login_required
def outcome_add(request, budget_id):
    """Add an outcome to the plan: the part of life, in the person's words, support, cost."""
    found = selectors.budget_get(
        actor=request.actor, budget_id=budget_id, permission="budgets.write_plan", page="plan"
    )
    form = OutcomeForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=by_question(
            lambda d: services.outcome_add(
                actor=request.actor,
                budget=found,
                wellbeing_area=d["wellbeing_area"],
                in_my_words=d["in_my_words"],
                support=d["support"],
                cost_pence=d["cost"],
            )
        ),
        said="The outcome is in the plan.",
        then=_budget_page(found.pk),
    ):
        return done
    return render(
        request,
        "budgets/outcome.jinja",
        {"form": form, "budget": found, "own": _own(request.actor, found)},
    )


@login_required
def plan_agree(request, budget_id):
    """The person agrees their plan (a representative says how the person showed it)."""
    found = selectors.budget_get(
        actor=request.actor, budget_id=budget_id, permission="budgets.agree_plan", page="agree"
    )
    form = AgreeForm(_posted(request))
    own = _own(request.actor, found)
    if done := form_posted(
        request,
        form,
        act=by_question(
            lambda d: services.plan_agree(
                actor=request.actor, budget=found, how_shown=d["how_shown"]
            )
        ),
        said="Thank you. The plan is agreed. A budget approver will look at it next.",
        then=_budget_page(found.pk),
    ):
        return done
    page = _page(request.actor, found)
    return render(
        request,
        "budgets/agree.jinja",
        {
            "form": form,
            "page": page,
            "own": own,
            "outcomes": page.outcome_rows(found.plan.outcomes.all()),
        },
    )


@login_required
def plan_approve(request, budget_id):
    """A budget approver approves a plan the person agreed (never their own agreement)."""
    found = selectors.budget_get(
        actor=request.actor, budget_id=budget_id, permission="budgets.approve_plan", page="approve"
    )
    form = ApproveForm(_posted(request))
    if done := form_posted(
        request,
        form,
        act=lambda d: services.plan_approve(actor=request.actor, budget=found),
        said="The plan is approved. The budget's manager can now record payments.",
        then=reverse("budgets:waiting"),
    ):
        return done
    page = _page(request.actor, found)
    return render(
        request,
        "budgets/approve.jinja",
        {
            "form": form,
            "page": page,
            "outcomes": page.outcome_rows(found.plan.outcomes.all()),
        },
    )


@login_required
def waiting(request):
    """The approver's list: plans people have agreed, waiting for approval."""
    require(
        request.actor,
        "budgets.see_plans_waiting",
        message="Only budget approvers see plans waiting for approval.",
    )
    plans = selectors.plans_waiting(actor=request.actor)
    for plan in plans:
        audit_person(
            actor=request.actor,
            action=AuditAction.VIEW,
            person=plan.budget.person,
            about=plan.budget,
            detail={"page": "waiting"},
        )
    return render(request, "budgets/waiting.jinja", {"rows": presenters.plan_waiting_rows(plans)})


@login_required
def managed(request):
    """The budgets the actor manages: whose, how much is left."""
    budgets = selectors.budgets_managed_by(actor=request.actor)
    rows = []
    for found in budgets:
        audit_person(
            actor=request.actor,
            action=AuditAction.VIEW,
            person=found.person,
            about=found,
            detail={"page": "managed"},
        )
        rows.append(
            {
                "id": found.pk,
                "who": found.person.full_name,
                "left": pounds(selectors.balance(found)),
                "kind": found.get_kind_display(),
            }
        )
    return render(request, "budgets/managed.jinja", {"rows": rows})


@login_required
def payment(request, budget_id):
    """Record a payment from the budget to a provider (named, or a listed organisation)."""
    found = selectors.budget_get(
        actor=request.actor,
        budget_id=budget_id,
        permission="budgets.record_payment",
        page="payment",
    )
    organizations = selectors.listed_providers(found.area)
    form = PaymentForm(request.POST or None, organizations=organizations)
    chosen = {str(o.pk): o for o in organizations}
    if done := form_posted(
        request,
        form,
        act=by_question(
            lambda d: services.payment_record(
                actor=request.actor,
                budget=found,
                amount_pence=d["amount"],
                happened_on=d["happened_on"],
                payee=d["payee"],
                organization=chosen.get(d["organization"]),
                description=d["description"],
            )
        ),
        said=lambda m: f"{pounds(m.amount_pence)} paid to {m.to_account.name} is recorded.",
        then=_budget_page(found.pk),
    ):
        return done
    return render(
        request,
        "budgets/payment.jinja",
        {
            "form": form,
            "budget": found,
            "left": pounds(selectors.balance(found)),
        },
    )


@login_required
def reverse_movement(request, budget_id, movement_id):
    """Reverse a payment, with the reason, after a page that says what will happen."""
    movement = selectors.movement_get(actor=request.actor, movement_id=movement_id)
    if str(movement.budget_id) != str(budget_id):
        from django.http import Http404

        raise Http404
    form = ReverseForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=by_question(
            lambda d: services.movement_reverse(
                actor=request.actor, movement=movement, reason=d["reason"]
            )
        ),
        said=lambda r: (
            f"The payment of {pounds(r.amount_pence)} is reversed; the money is back in the budget."
        ),
        then=_budget_page(movement.budget_id),
    ):
        return done
    return render(
        request,
        "budgets/reverse.jinja",
        {
            "form": form,
            "movement": movement,
            "amount": pounds(movement.amount_pence),
        },
    )


@login_required
def money_in(request, budget_id):
    """Record money in from the council (a budget approver)."""
    found = selectors.budget_get(
        actor=request.actor,
        budget_id=budget_id,
        permission="budgets.record_money_in",
        page="money_in",
    )
    form = MoneyInForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=by_question(
            lambda d: services.money_in_record(
                actor=request.actor,
                budget=found,
                amount_pence=d["amount"],
                happened_on=d["happened_on"],
            )
        ),
        said=lambda m: f"{pounds(m.amount_pence)} in from the council is recorded.",
        then=_budget_page(found.pk),
    ):
        return done
    return render(request, "budgets/money_in.jinja", {"form": form, "budget": found})

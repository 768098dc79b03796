"""Writes: a budget set up, its plan written, agreed and approved, money in, payments,
reversals, unspent money returned. Each in one transaction, checked at the gate, audited.

The ledger's rules are kept twice: here, with a message a person can act on, and by the database
(migrations/0001_initial.py), which refuses whatever gets past this code (ADR 0032).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import clean_name
from kinfolk.people.audit import audit_person

from . import selectors
from .models import (
    Account,
    AccountKind,
    AgreedAs,
    Budget,
    BudgetKind,
    HeldBy,
    Movement,
    MovementKind,
    Outcome,
    SupportPlan,
)
from .money import pounds
from .wording import CARE_ACT_AREAS

COUNCIL = "The council"


def _audit(actor, action, budget, about=None, **detail):
    audit_person(
        actor=actor, action=action, person=budget.person, about=about or budget, detail=detail
    )


def _council(area) -> Account:
    account, _ = Account.objects.get_or_create(area=area, kind=AccountKind.COUNCIL, name=COUNCIL)
    return account


@transaction.atomic
def budget_set_up(
    *,
    actor,
    person,
    kind: str,
    amount_pence: int,
    starts_on: date,
    ends_on: date,
    held_by: str,
    holder_name: str,
    manager,
) -> Budget:
    """A budget for a person, with an empty plan and its own account in the ledger."""
    require(actor, "budgets.set_up_budget", message="Only a budget approver sets up a budget.")
    if person.area_id != actor.area.pk:
        raise ValidationError("Choose someone in your area.", code="person")
    if kind not in BudgetKind.values or held_by not in HeldBy.values:
        raise ValidationError("Say how the budget is held.", code="kind")
    if amount_pence <= 0:
        raise ValidationError("Give the budget's amount, more than £0.00.", code="amount")
    if ends_on <= starts_on:
        raise ValidationError("The budget must end after it starts.", code="ends_on")
    if manager is None:
        raise ValidationError("Say who manages the budget.", code="manager")
    offered = selectors.managers_offered(person=person, but=actor.user)
    if manager.pk not in {user.pk for user, _ in offered}:
        raise ValidationError(
            "Choose someone the person knows, or a support broker, to keep the ledger.",
            code="manager",
        )
    budget = Budget.objects.create(
        area=person.area,
        person=person,
        kind=kind,
        amount_pence=amount_pence,
        starts_on=starts_on,
        ends_on=ends_on,
        held_by=held_by,
        holder_name=clean_name(holder_name),
        manager=manager,
        created_by=actor.user,
    )
    SupportPlan.objects.create(area=person.area, budget=budget)
    Account.objects.create(
        area=person.area, kind=AccountKind.BUDGET, name=f"Budget {budget.pk}", budget=budget
    )
    _council(person.area)
    _audit(actor, AuditAction.CREATE, budget, kind=kind, amount_pence=amount_pence)
    return budget


def _plan_open(budget) -> SupportPlan:
    plan = SupportPlan.objects.select_for_update().get(pk=budget.plan.pk)
    if plan.agreed:
        raise ValidationError(
            "The plan has been agreed, so it cannot change now. Talk to the budget's manager "
            "about a review.",
            code="agreed",
        )
    return plan


@transaction.atomic
def plan_words_write(*, actor, budget, in_my_words: str) -> SupportPlan:
    """What the person wants their life to look like, in their words, before it is agreed."""
    require(actor, "budgets.write_plan", budget, message="You cannot change this plan.")
    plan = _plan_open(budget)
    plan.in_my_words = (in_my_words or "").strip()
    plan.save(update_fields=["in_my_words"])
    _audit(actor, AuditAction.UPDATE, budget, about=plan, change="words")
    return plan


@transaction.atomic
def outcome_add(
    *, actor, budget, wellbeing_area: str, in_my_words: str, support: str, cost_pence: int
) -> Outcome:
    """An outcome in the plan: linked to a Care Act wellbeing area, with its support and cost."""
    require(actor, "budgets.write_plan", budget, message="You cannot change this plan.")
    plan = _plan_open(budget)
    if wellbeing_area not in CARE_ACT_AREAS:
        raise ValidationError("Choose the part of life this is about.", code="wellbeing_area")
    if not (in_my_words or "").strip():
        raise ValidationError("Say what you want, in your own words.", code="in_my_words")
    if not (support or "").strip():
        raise ValidationError("Say what support will help.", code="support")
    if cost_pence is None or cost_pence < 0:
        raise ValidationError("Give what the support costs, like £240.00.", code="cost")
    outcome = Outcome.objects.create(
        area=budget.area,
        plan=plan,
        wellbeing_area=wellbeing_area,
        in_my_words=in_my_words.strip(),
        support=support.strip(),
        cost_pence=cost_pence,
    )
    _audit(actor, AuditAction.CREATE, budget, about=outcome)
    return outcome


@transaction.atomic
def plan_agree(*, actor, budget, how_shown: str = "") -> SupportPlan:
    """The person agrees their plan (or a representative does, saying how the person showed
    they agree). It costs no more than the budget and has at least one outcome."""
    require(
        actor,
        "budgets.agree_plan",
        budget,
        message="Only the person, or someone they chose to act for them, agrees the plan.",
    )
    plan = _plan_open(budget)
    outcomes = list(plan.outcomes.all())
    if not outcomes:
        raise ValidationError("Add at least one outcome before agreeing.", code="outcomes")
    cost = sum(o.cost_pence for o in outcomes)
    if cost > budget.amount_pence:
        raise ValidationError(
            f"The plan costs {pounds(cost)} but the budget is {pounds(budget.amount_pence)}. "
            "Change the plan first.",
            code="cost",
        )
    own = budget.person.user_id == actor.user.pk
    how_shown = (how_shown or "").strip()
    if not own and not how_shown:
        raise ValidationError(
            f"Say how {budget.person.called} showed you they agree.", code="how_shown"
        )
    plan.agreed_at = timezone.now()
    plan.agreed_by = actor.user
    plan.agreed_as = AgreedAs.PERSON if own else AgreedAs.REPRESENTATIVE
    plan.how_shown = "" if own else how_shown
    plan.save(update_fields=["agreed_at", "agreed_by", "agreed_as", "how_shown"])
    _audit(actor, AuditAction.UPDATE, budget, about=plan, change="agreed", agreed_as=plan.agreed_as)
    return plan


@transaction.atomic
def plan_approve(*, actor, budget) -> SupportPlan:
    """A budget approver approves an agreed plan: never the person who agreed it."""
    require(actor, "budgets.approve_plan", budget, message="Only a budget approver approves.")
    plan = SupportPlan.objects.select_for_update().get(pk=budget.plan.pk)
    if not plan.agreed:
        raise ValidationError(
            "The person has not agreed this plan yet. It can be approved once they have.",
            code="not_agreed",
        )
    if plan.approved:
        raise ValidationError("This plan is already approved.", code="approved")
    if plan.agreed_by_id == actor.user.pk:
        raise ValidationError(
            "You agreed this plan, so someone else must approve it.", code="same_person"
        )
    plan.approved_at = timezone.now()
    plan.approved_by = actor.user
    plan.save(update_fields=["approved_at", "approved_by"])
    _audit(actor, AuditAction.UPDATE, budget, about=plan, change="approved")
    return plan


@transaction.atomic
def review_record(*, actor, budget, reviewed_on: date) -> Budget:
    """The budget and plan were reviewed with the person on this day (due again a year on)."""
    require(actor, "budgets.record_review", budget, message="Only a budget approver records it.")
    if reviewed_on > timezone.localdate():
        raise ValidationError("A review cannot be in the future.", code="reviewed_on")
    budget.reviewed_on = reviewed_on
    budget.save(update_fields=["reviewed_on"])
    _audit(actor, AuditAction.UPDATE, budget, change="reviewed", on=reviewed_on.isoformat())
    return budget


def _locked_account(budget) -> Account:
    """The budget's account, locked until this transaction ends: spending from one budget
    happens one payment at a time, so two payments can never both spend the same pound."""
    return Account.objects.select_for_update().get(budget=budget)


def _move(
    budget,
    *,
    kind,
    from_account,
    to_account,
    amount_pence,
    happened_on,
    actor=None,
    description="",
    reverses=None,
    reason="",
) -> Movement:
    return Movement.objects.create(
        area=budget.area,
        budget=budget,
        kind=kind,
        from_account=from_account,
        to_account=to_account,
        amount_pence=amount_pence,
        happened_on=happened_on,
        description=description,
        reverses=reverses,
        reason=reason,
        recorded_by=getattr(actor, "user", None),
    )


def _within_period(budget, happened_on: date) -> None:
    if happened_on > timezone.localdate():
        raise ValidationError("The date cannot be in the future.", code="happened_on")
    if not budget.starts_on <= happened_on <= budget.ends_on:
        raise ValidationError(
            f"The date must be within the budget's period, {budget.starts_on:%-d %B %Y} to "
            f"{budget.ends_on:%-d %B %Y}.",
            code="happened_on",
        )


def _amount(amount_pence) -> int:
    if not isinstance(amount_pence, int) or amount_pence <= 0:
        raise ValidationError("Give an amount of money, more than £0.00.", code="amount")
    return amount_pence


@transaction.atomic
def money_in_record(*, actor, budget, amount_pence: int, happened_on: date) -> Movement:
    """Money in from the council to the budget; never more in total than the budget's amount."""
    require(actor, "budgets.record_money_in", budget, message="Only a budget approver does this.")
    account = _locked_account(budget)
    _amount(amount_pence)
    _within_period(budget, happened_on)
    already = selectors.money_in_so_far(budget)
    if already + amount_pence > budget.amount_pence:
        raise ValidationError(
            f"{pounds(already)} of the {pounds(budget.amount_pence)} budget has come in "
            f"already; this would make {pounds(already + amount_pence)}.",
            code="too_much",
        )
    movement = _move(
        budget,
        kind=MovementKind.MONEY_IN,
        from_account=_council(budget.area),
        to_account=account,
        amount_pence=amount_pence,
        happened_on=happened_on,
        actor=actor,
        description="From the council",
    )
    _audit(actor, AuditAction.CREATE, budget, about=movement, pence=amount_pence)
    return movement


def provider_account(area, *, name: str = "", organization=None) -> Account:
    """A provider's account: a directory organisation's, or one named in free text."""
    if organization is not None:
        account, _ = Account.objects.get_or_create(
            area=area,
            kind=AccountKind.PROVIDER,
            organization=organization,
            defaults={"name": organization.name},
        )
        return account
    name = clean_name(name or "")
    if not name:
        raise ValidationError("Say who the payment is to.", code="payee")
    account, _ = Account.objects.get_or_create(area=area, kind=AccountKind.PROVIDER, name=name)
    return account


def _enough_left(account, amount_pence: int) -> None:
    left = selectors.balance_of(account.pk)
    if amount_pence > left:
        raise ValidationError(
            f"There is {pounds(left)} left; this payment is {pounds(amount_pence)}.",
            code="not_enough",
        )


@transaction.atomic
def payment_record(
    *,
    actor,
    budget,
    amount_pence: int,
    happened_on: date,
    payee: str = "",
    organization=None,
    description: str = "",
) -> Movement:
    """A payment from the budget to a provider, by its manager, once the plan is approved, and
    never more than is left."""
    require(
        actor,
        "budgets.record_payment",
        budget,
        message="Only the budget's manager records payments.",
    )
    account = _locked_account(budget)
    if not SupportPlan.objects.get(budget_id=budget.pk).approved:
        raise ValidationError(
            "The support plan has not been agreed and approved yet, so nothing can be paid.",
            code="plan_not_approved",
        )
    _amount(amount_pence)
    _within_period(budget, happened_on)
    to = provider_account(budget.area, name=payee, organization=organization)
    _enough_left(account, amount_pence)
    movement = _move(
        budget,
        kind=MovementKind.PAYMENT,
        from_account=account,
        to_account=to,
        amount_pence=amount_pence,
        happened_on=happened_on,
        actor=actor,
        description=(description or "").strip()[:200],
    )
    _audit(actor, AuditAction.CREATE, budget, about=movement, pence=amount_pence)
    return movement


@transaction.atomic
def movement_reverse(*, actor, movement, reason: str, happened_on: date | None = None):
    """Put a payment right: the same amount moved back, with the reason. A movement is reversed
    at most once; a reversal is not itself reversed (record the payment again instead)."""
    budget = movement.budget
    require(
        actor,
        "budgets.reverse_movement",
        budget,
        message="Only the budget's manager reverses a payment.",
    )
    _locked_account(budget)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why this payment is being reversed.", code="reason")
    movement = Movement.objects.select_for_update().get(pk=movement.pk)
    if movement.kind != MovementKind.PAYMENT:
        raise ValidationError("Only a payment can be reversed here.", code="not_a_payment")
    if Movement.objects.filter(reverses=movement).exists():
        raise ValidationError("This payment has been reversed already.", code="reversed")
    reversal = _move(
        budget,
        kind=MovementKind.REVERSAL,
        from_account=movement.to_account,
        to_account=movement.from_account,
        amount_pence=movement.amount_pence,
        happened_on=happened_on or timezone.localdate(),
        actor=actor,
        description=movement.description,
        reverses=movement,
        reason=reason,
    )
    _audit(actor, AuditAction.CREATE, budget, about=reversal, reverses=movement.pk)
    return reversal


@transaction.atomic
def unspent_recover(*, budget, day: date, actor=None) -> Movement | None:
    """After a direct payment's period ends, what is left goes back to the council, recorded as
    a movement (None when nothing is left, or the budget is not a direct payment or not ended)."""
    if budget.kind != BudgetKind.DIRECT_PAYMENT or day <= budget.ends_on:
        return None
    account = _locked_account(budget)
    left = selectors.balance_of(account.pk)
    if left <= 0:
        return None
    movement = _move(
        budget,
        kind=MovementKind.RECOVERY,
        from_account=account,
        to_account=_council(budget.area),
        amount_pence=left,
        happened_on=budget.ends_on,
        actor=actor,
        description="Unspent money returned to the council",
    )
    _audit(actor, AuditAction.CREATE, budget, about=movement, pence=left)
    return movement

"""The ledger cannot lose a penny: every movement balances, entries are never changed or
deleted, a budget never goes below zero; the database refuses what gets past the services."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Sum
from django.utils import timezone

from kinfolk.budgets import selectors, services
from kinfolk.budgets.models import Entry, Movement, MovementKind

from .factories import a_budget

pytestmark = pytest.mark.django_db
REFUSED = (IntegrityError, DatabaseError)


def test_every_movement_is_a_balanced_pair_of_entries(area):
    w = a_budget(area, money_in=100_000)
    services.payment_record(
        actor=w.manager,
        budget=w.budget,
        amount_pence=6_000,
        happened_on=timezone.localdate(),
        payee="Green Fingers gardening",
    )
    for movement in Movement.objects.all():
        legs = list(movement.entries.values_list("amount_pence", flat=True))
        assert sorted(legs) == sorted([-movement.amount_pence, movement.amount_pence])
    assert Entry.objects.aggregate(t=Sum("amount_pence"))["t"] == 0
    assert selectors.balance(w.budget) == 94_000


def test_the_database_refuses_an_entry_that_is_not_a_leg_of_its_movement(area):
    w = a_budget(area, money_in=100_000)
    movement = Movement.objects.get()
    with pytest.raises(REFUSED), transaction.atomic():
        Entry.objects.create(
            area=area, movement=movement, account=movement.to_account, amount_pence=500
        )
    with pytest.raises(REFUSED), transaction.atomic():  # a third leg, even a matching one
        Entry.objects.create(
            area=area,
            movement=movement,
            account=movement.to_account,
            amount_pence=movement.amount_pence,
        )
    assert selectors.balance(w.budget) == 100_000


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE budgets_entry SET amount_pence = 1",
        "DELETE FROM budgets_entry",
        "UPDATE budgets_movement SET amount_pence = 1",
        "DELETE FROM budgets_movement",
    ],
)
def test_entries_and_movements_are_never_changed_or_deleted(area, sql):
    a_budget(area, money_in=100_000)
    with pytest.raises(REFUSED), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert Entry.objects.aggregate(t=Sum("amount_pence"))["t"] == 0
    assert Movement.objects.get().amount_pence == 100_000


def test_the_database_refuses_a_movement_that_takes_a_budget_below_zero(area):
    w = a_budget(area, money_in=1_240)
    account = selectors.budget_account(w.budget)
    provider = services.provider_account(area, name="Green Fingers gardening")
    with pytest.raises(REFUSED), transaction.atomic():
        Movement.objects.create(
            area=area,
            budget=w.budget,
            kind=MovementKind.PAYMENT,
            from_account=account,
            to_account=provider,
            amount_pence=2_000,
            happened_on=timezone.localdate(),
        )
    assert selectors.balance(w.budget) == 1_240


def test_paying_more_than_is_left_is_refused_in_words_and_changes_nothing(area):
    w = a_budget(area, money_in=1_240)
    with pytest.raises(ValidationError) as refused:
        services.payment_record(
            actor=w.manager,
            budget=w.budget,
            amount_pence=2_000,
            happened_on=timezone.localdate(),
            payee="Green Fingers",
        )
    assert refused.value.messages == ["There is £12.40 left; this payment is £20.00."]
    assert Movement.objects.count() == 1


def test_a_reversal_puts_the_money_back_once_with_its_reason(area):
    w = a_budget(area, money_in=10_000)
    paid = services.payment_record(
        actor=w.manager,
        budget=w.budget,
        amount_pence=6_000,
        happened_on=timezone.localdate(),
        payee="Green Fingers",
    )
    services.movement_reverse(actor=w.manager, movement=paid, reason="Paid twice by mistake")
    assert selectors.balance(w.budget) == 10_000
    with pytest.raises(ValidationError, match="reversed already"):
        services.movement_reverse(actor=w.manager, movement=paid, reason="Again")
    with pytest.raises(ValidationError, match="Say why"):
        services.movement_reverse(actor=w.manager, movement=paid, reason=" ")
    assert selectors.balance(w.budget) == 10_000


def test_nothing_is_paid_before_the_plan_is_agreed_and_approved(area):
    w = a_budget(area, approved=False)
    with pytest.raises(ValidationError, match="not been agreed and approved"):
        services.payment_record(
            actor=w.manager,
            budget=w.budget,
            amount_pence=100,
            happened_on=timezone.localdate(),
            payee="Green Fingers",
        )


def test_only_the_manager_records_payments(area):
    from django.core.exceptions import PermissionDenied

    w = a_budget(area, money_in=10_000)
    for someone in (w.you, w.approver):
        with pytest.raises(PermissionDenied):
            services.payment_record(
                actor=someone,
                budget=w.budget,
                amount_pence=100,
                happened_on=timezone.localdate(),
                payee="X",
            )
    assert selectors.balance(w.budget) == 10_000


def test_money_in_never_totals_more_than_the_budget(area):
    w = a_budget(area, amount_pence=50_000, money_in=40_000)
    with pytest.raises(ValidationError) as refused:
        services.money_in_record(
            actor=w.approver, budget=w.budget, amount_pence=20_000, happened_on=timezone.localdate()
        )
    assert "£400.00 of the £500.00 budget has come in already" in refused.value.messages[0]


def test_unspent_direct_payments_go_back_to_the_council_after_the_period(area):
    from datetime import timedelta

    from kinfolk.budgets.jobs import recover

    today = timezone.localdate()
    w = a_budget(
        area,
        money_in=30_000,
        starts_on=today - timedelta(days=400),
        ends_on=today - timedelta(days=2),
    )
    services.payment_record(
        actor=w.manager,
        budget=w.budget,
        amount_pence=6_000,
        happened_on=today - timedelta(days=30),
        payee="Green Fingers",
    )
    assert recover(today) == "recovered:1"
    assert selectors.balance(w.budget) == 0
    returned = Movement.objects.get(kind=MovementKind.RECOVERY)
    assert returned.amount_pence == 24_000 and returned.to_account.name == "The council"
    assert recover(today) == "recovered:0"  # nothing left: nothing more moves


def test_notional_budgets_are_not_recovered(area):
    from datetime import timedelta

    from kinfolk.budgets.jobs import recover
    from kinfolk.budgets.models import BudgetKind

    today = timezone.localdate()
    w = a_budget(
        area,
        kind=BudgetKind.NOTIONAL,
        money_in=30_000,
        starts_on=today - timedelta(days=400),
        ends_on=today - timedelta(days=2),
    )
    assert recover(today) == "recovered:0"
    assert selectors.balance(w.budget) == 30_000


@pytest.mark.postgres_only
def test_postgresql_checks_at_commit_that_every_movement_balances(area):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgdeferrable, tginitdeferred FROM pg_trigger "
            "WHERE tgname = 'budgets_movement_balances'"
        )
        assert cursor.fetchone() == (True, True)


def test_approvers_and_brokers_must_use_two_step_verification():
    from kinfolk.accounts.models import STAFF_ROLES, Role

    assert {Role.BUDGET_APPROVER, Role.BROKER} <= STAFF_ROLES

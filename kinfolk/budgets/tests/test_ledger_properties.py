"""Whatever happens, in whatever order (payments, reversals, money in, recoveries, some of them
refused), the ledger balances and no budget goes below zero."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinfolk.budgets import selectors, services
from kinfolk.budgets.models import Account, AccountKind, Entry, Movement

from .factories import a_budget

STEP = st.one_of(
    st.tuples(st.just("pay"), st.integers(min_value=1, max_value=50_000), st.integers(0, 2)),
    st.tuples(st.just("reverse"), st.integers(min_value=0, max_value=30), st.just(0)),
    st.tuples(st.just("money_in"), st.integers(min_value=1, max_value=80_000), st.just(0)),
    st.tuples(st.just("recover"), st.just(0), st.just(0)),
)
PROVIDERS = ["Green Fingers", "Calder Leisure", "Jo Whitaker"]


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, max_size=25))
def test_the_ledger_always_balances_and_no_budget_goes_negative(area, steps):
    today = timezone.localdate()
    w = a_budget(
        area,
        amount_pence=200_000,
        money_in=50_000,
        starts_on=today - timedelta(days=200),
        ends_on=today - timedelta(days=1),
    )
    # The period has just ended, so payments are dated within it and recovery may happen.
    on = today - timedelta(days=3)
    for what, amount, which in steps:
        try:
            if what == "pay":
                services.payment_record(
                    actor=w.manager,
                    budget=w.budget,
                    amount_pence=amount,
                    happened_on=on,
                    payee=PROVIDERS[which],
                )
            elif what == "reverse":
                payments = list(Movement.objects.filter(budget=w.budget, kind="payment"))
                if payments:
                    services.movement_reverse(
                        actor=w.manager,
                        movement=payments[amount % len(payments)],
                        reason="Put right",
                        happened_on=on,
                    )
            elif what == "money_in":
                services.money_in_record(
                    actor=w.approver, budget=w.budget, amount_pence=amount, happened_on=on
                )
            else:
                services.unspent_recover(budget=w.budget, day=today)
        except ValidationError:
            pass  # refused in words, and nothing changed
        assert Entry.objects.aggregate(t=Sum("amount_pence"))["t"] in (0, None)
        for account in Account.objects.filter(kind=AccountKind.BUDGET):
            assert selectors.balance_of(account.pk) >= 0
    for movement in Movement.objects.all():
        assert sum(movement.entries.values_list("amount_pence", flat=True)) == 0
    # What is left is exactly what came in, less what was paid and not put back, less recovered.
    came_in = selectors.money_in_so_far(w.budget)
    moved_out = Movement.objects.filter(budget=w.budget, kind__in=["payment", "recovery"])
    put_back = Movement.objects.filter(budget=w.budget, kind="reversal")
    out = moved_out.aggregate(t=Sum("amount_pence"))["t"] or 0
    back = put_back.aggregate(t=Sum("amount_pence"))["t"] or 0
    assert selectors.balance(w.budget) == came_in - out + back

"""Twenty payments at once against one budget never spend more than it holds (PostgreSQL)."""

import pytest
from django.db.models import Sum
from django.utils import timezone

from kinfolk.budgets import selectors, services
from kinfolk.budgets.models import Entry, Movement, MovementKind
from kinfolk.core.tests.concurrency import all_at_once

from .factories import a_budget


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_payments_at_once_never_overspend(area):
    # £100.00 in; twenty payments of £7.00 each: only fourteen fit.
    w = a_budget(area, money_in=10_000)
    today = timezone.localdate()

    def pay(n):
        return lambda: services.payment_record(
            actor=w.manager,
            budget=w.budget,
            amount_pence=700,
            happened_on=today,
            payee=f"Provider {n}",
        )

    outcomes = all_at_once([pay(n) for n in range(20)])
    assert outcomes.count("done") == 14
    assert outcomes.count("not_enough") == 6
    assert selectors.balance(w.budget) == 200
    assert Movement.objects.filter(kind=MovementKind.PAYMENT).count() == 14
    assert Entry.objects.aggregate(t=Sum("amount_pence"))["t"] == 0


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_database_alone_stops_overspending_at_once(area):
    """Writers that skip the service's lock entirely are still held to the balance: the
    database trigger locks the budget's account before it sums."""
    from django.core.exceptions import ValidationError
    from django.db import DatabaseError, transaction

    w = a_budget(area, money_in=10_000)
    account = selectors.budget_account(w.budget)
    provider = services.provider_account(area, name="Green Fingers")
    today = timezone.localdate()

    def raw_payment():
        try:
            with transaction.atomic():
                Movement.objects.create(
                    area=area,
                    budget=w.budget,
                    kind=MovementKind.PAYMENT,
                    from_account=account,
                    to_account=provider,
                    amount_pence=700,
                    happened_on=today,
                )
        except DatabaseError as error:
            raise ValidationError("refused", code="refused_by_the_database") from error

    outcomes = all_at_once([raw_payment for _ in range(20)])
    assert outcomes.count("done") == 14
    assert outcomes.count("refused_by_the_database") == 6
    assert selectors.balance(w.budget) == 200

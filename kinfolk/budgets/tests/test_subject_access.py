"""A person's budget is in their subject access export; erasure removes their plan's words and
keeps the ledger (the record of public money), which nothing can change."""

import pytest
from django.db.models import Sum
from django.utils import timezone

from kinfolk.budgets import selectors, services
from kinfolk.budgets.models import Entry, Outcome
from kinfolk.people.subject_access import person_erase, person_export

from .factories import a_budget

pytestmark = pytest.mark.django_db


def test_the_export_has_the_budget_plan_and_movements(area):
    w = a_budget(area, money_in=10_000)
    services.payment_record(
        actor=w.manager,
        budget=w.budget,
        amount_pence=6_000,
        happened_on=timezone.localdate(),
        payee="Green Fingers",
    )
    exported = person_export(person=w.person)["budgets"][0]
    assert exported["amount_pence"] == 240_000
    assert exported["plan"]["outcomes"][0]["in_my_words"] == "Get back to my allotment"
    assert [m["kind"] for m in exported["movements"]] == ["money_in", "payment"]


def test_erasure_removes_the_plans_words_and_keeps_the_money_record(area):
    w = a_budget(area, money_in=10_000)
    person_erase(person=w.person)
    outcome = Outcome.objects.get()
    assert outcome.in_my_words == "Erased" and outcome.support == "Erased"
    assert selectors.balance(w.budget) == 10_000
    assert Entry.objects.aggregate(t=Sum("amount_pence"))["t"] == 0

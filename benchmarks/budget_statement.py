"""How long one person's budget statements take to read when the budget has 10,000 entries.

Target (issue 13, docs/budgets.md): every monthly statement of a budget with 10,000 ledger
entries on its account in under 100 ms (median). It builds a throwaway test database (SQLite
unless DATABASE_URL says PostgreSQL, as the suite does), fills one year of money in and
payments through the ledger's own triggers, times `selectors.statement_lines` plus the
presenter that words them, and drops the database. Prints one JSON object.

    python benchmarks/budget_statement.py [--rounds 21]
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date, timedelta

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from kinfolk.accounts.models import User  # noqa: E402
from kinfolk.budgets import presenters, selectors  # noqa: E402
from kinfolk.budgets.models import Account, Budget, Movement, SupportPlan  # noqa: E402
from kinfolk.core.models import Area  # noqa: E402
from kinfolk.people.models import Person  # noqa: E402

ENTRIES, MONEY_IN_EVERY = 10_000, 10
TARGET_MS = 100
TODAY = date(2026, 11, 23)


def build() -> Budget:
    """A year-long direct payment whose account has ENTRIES entries: money in, then payments."""
    area = Area.objects.create(name="Bench", slug="bench-budget")
    user = User.objects.create(email="manager@bench.invalid", display_name="Manager")
    person = Person.objects.create(area=area, given_name="Sam", family_name="Bench")
    starts_on = TODAY - timedelta(days=364)
    budget = Budget.objects.create(
        area=area, person=person, kind="direct_payment", amount_pence=100_000_000,
        starts_on=starts_on, ends_on=TODAY + timedelta(days=1), held_by="person",
        holder_name="Sam", manager=user, created_by=user,
    )  # fmt: skip
    SupportPlan.objects.create(area=area, budget=budget)
    account = Account.objects.create(area=area, kind="budget", name="Budget", budget=budget)
    council = Account.objects.create(area=area, kind="council", name="The council")
    providers = [
        Account.objects.create(area=area, kind="provider", name=f"Provider {n}") for n in range(20)
    ]
    money_in = ENTRIES // MONEY_IN_EVERY
    moves = [
        Movement(area=area, budget=budget, kind="money_in", from_account=council,
                 to_account=account, amount_pence=20_000,
                 happened_on=starts_on + timedelta(days=n * 364 // money_in))
        for n in range(money_in)
    ] + [
        Movement(area=area, budget=budget, kind="payment", from_account=account,
                 to_account=providers[n % 20], amount_pence=1_500,
                 happened_on=starts_on + timedelta(days=n * 364 // (ENTRIES - money_in)))
        for n in range(ENTRIES - money_in)
    ]  # fmt: skip
    Movement.objects.bulk_create(moves, batch_size=1000)
    return Budget.objects.select_related("person").get(pk=budget.pk)


def measure(budget: Budget, rounds: int) -> list[float]:
    """Milliseconds to read and word every monthly statement, once per round."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        made = presenters.statements(budget, selectors.statement_lines(budget), TODAY, own=True)
        times.append((time.perf_counter() - started) * 1000)
    assert made and made[0].sentences
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    print(f"Building a budget with {ENTRIES:,} entries ...", file=sys.stderr)
    old = setup_databases(verbosity=0, interactive=False)
    try:
        budget = build()
        entries = budget.account.entries.count()
        times = measure(budget, args.rounds)
    finally:
        teardown_databases(old, verbosity=0)
    median = statistics.median(times)
    print(json.dumps({
        "database": connection.vendor, "entries_on_the_budget": entries,
        "months": len(presenters.months_of(budget, TODAY)), "rounds": args.rounds,
        "median_ms": round(median, 1), "target_ms": TARGET_MS, "within_target": median < TARGET_MS,
    }))  # fmt: skip
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

"""What one audit_record() call costs: rounds of writes to a throwaway database.

    python benchmarks/audit_record.py [--rounds 5] [--writes 200] [--one-transaction]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test python benchmarks/audit_record.py

It builds a throwaway test database (as the test suite does: SQLite unless DATABASE_URL says
PostgreSQL), times `--writes` calls per round, and drops it. Each write is its own
transaction, as in a request; with --one-transaction a round is one transaction, which leaves
out the commit (disk) and shows the work audit_record itself does. Prints one JSON object:
milliseconds per call, per round and their median. Uses only audit_record's public
signature, so the same script measures any version of it.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from types import SimpleNamespace

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.config.settings.test")

import django  # noqa: E402

django.setup()

from contextlib import nullcontext  # noqa: E402

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from kinfolk.core.audit import audit_record  # noqa: E402


def measure(rounds: int, writes: int, one_transaction: bool) -> dict:
    """Milliseconds per audit_record() call in each round."""
    actor = SimpleNamespace(user=None, role="scheme_worker", area=None)
    per_call = []
    for _ in range(rounds):
        started = time.perf_counter()
        with transaction.atomic() if one_transaction else nullcontext():
            for n in range(writes):
                audit_record(
                    actor=actor, action="view", target_type="person", target_id=n, detail={"n": n}
                )
        per_call.append(round((time.perf_counter() - started) * 1000 / writes, 4))
    return {
        "database": connection.vendor,
        "writes_per_round": writes,
        "one_transaction": one_transaction,
        "ms_per_call": per_call,
        "median_ms_per_call": statistics.median(per_call),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--one-transaction", action="store_true")
    args = parser.parse_args()
    # Its own throwaway database, so it never collides with a test run's.
    test = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test["NAME"] = os.path.join(tempfile.mkdtemp(), "bench.sqlite3")
    else:
        test["NAME"] = f"{connection.settings_dict['NAME']}_bench_audit"
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        print(json.dumps(measure(args.rounds, args.writes, args.one_transaction)))
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()

"""The daily reminder run over an area of 15,000 people, 10,000 carer households and 100,000
services, and the cost of telling someone inside a request.

Targets (issue 12, docs/performance.md): the run finishes in under 60 s and a second run the
same day tells nobody again; enqueueing a notification adds at most 5 ms to a request. Run on
PostgreSQL (it builds a throwaway test database, as the suite does, and drops it):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test python benchmarks/reminders.py
Prints one JSON object.
"""

import json
import os
import random
import statistics
import sys
import time
import uuid
from datetime import date, timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402
from django.utils import timezone  # noqa: E402

from kinfolk.accounts.models import Membership, Role, User  # noqa: E402
from kinfolk.core.models import Area  # noqa: E402
from kinfolk.directory.models import Organization, Service  # noqa: E402
from kinfolk.notifications import events, services  # noqa: E402
from kinfolk.notifications.models import Notification  # noqa: E402
from kinfolk.notifications.schedules import run_due_jobs  # noqa: E402
from kinfolk.people.models import Person  # noqa: E402
from kinfolk.sharedlives.models import COURSE_YEARS, Carer, CarerCheck, TrainingRecord  # noqa: E402

PEOPLE, CARERS, SERVICES, PER_ORG, SCHEME_WORKERS = 15_000, 10_000, 100_000, 10, 12
TODAY = date(2026, 11, 23)
BATCH = 5000


def _users(prefix: str, count: int) -> list:
    return User.objects.bulk_create(
        [User(email=f"{prefix}-{n}@bench.invalid", display_name=f"{prefix} {n}", password="!")
         for n in range(count)],
        batch_size=BATCH,
    )  # fmt: skip


def build(rng: random.Random) -> Area:
    area = Area.objects.create(name="Bench", slug=f"bench-{uuid.uuid4().hex[:8]}")
    Person.objects.bulk_create(
        [Person(area=area, given_name=f"P{n}", family_name="Bench") for n in range(PEOPLE)],
        batch_size=BATCH,
    )
    workers = _users("worker", SCHEME_WORKERS)
    Membership.objects.bulk_create(
        [Membership(user=u, area=area, role=Role.SCHEME_WORKER) for u in workers]
    )
    carer_users = _users("carer", CARERS)
    Membership.objects.bulk_create(
        [Membership(user=u, area=area, role=Role.SHARED_LIVES_CARER) for u in carer_users],
        batch_size=BATCH,
    )
    carers = Carer.objects.bulk_create(
        [Carer(area=area, name=f"Household {n}", user=u, status="approved", places=2)
         for n, u in enumerate(carer_users)],
        batch_size=BATCH,
    )  # fmt: skip
    training, checks = [], []
    for carer in carers:
        for course in COURSE_YEARS:
            expires = TODAY + timedelta(days=rng.randint(-30, 3 * 365))
            training.append(TrainingRecord(area=area, carer=carer, course=course,
                                           completed_on=TODAY - timedelta(days=300),
                                           expires_on=expires))  # fmt: skip
        for kind in ("annual_review", "health_and_safety"):
            due = TODAY + timedelta(days=rng.randint(-10, 365))
            checks.append(CarerCheck(area=area, carer=carer, kind=kind, due_on=due))
    TrainingRecord.objects.bulk_create(training, batch_size=BATCH)
    CarerCheck.objects.bulk_create(checks, batch_size=BATCH)
    listers = _users("org", SERVICES // PER_ORG)
    now = timezone.now()
    orgs = Organization.objects.bulk_create(
        [Organization(area=area, name=f"Org {n}", description="x", kind="charity",
                      submitted_by=listers[n],
                      confirmed_at=now - timedelta(days=rng.randint(0, 200)))
         for n in range(SERVICES // PER_ORG)],
        batch_size=BATCH,
    )  # fmt: skip
    Service.objects.bulk_create(
        [Service(organization=orgs[n // PER_ORG], name=f"Service {n}", description="x",
                 last_modified=now) for n in range(SERVICES)],
        batch_size=BATCH,
    )  # fmt: skip
    return area


def reminder_run() -> tuple[float, int]:
    before = Notification.objects.count()
    started = time.perf_counter()
    runs = run_due_jobs(timezone.make_aware(timezone.datetime(2026, 11, 23, 9, 0)))
    seconds = time.perf_counter() - started
    assert all(run.succeeded for run in runs), [(r.job, r.outcome) for r in runs]
    return seconds, Notification.objects.count() - before


def one_tell(area, user, n: int) -> float:
    started = time.perf_counter()
    with transaction.atomic():
        services.tell(recipient=user, area=area, event=events.TEST_MESSAGE, text="Bench",
                      key=f"bench-{n}")  # fmt: skip
    return (time.perf_counter() - started) * 1000


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("Run this on PostgreSQL: set DATABASE_URL=postgres://...")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django.tasks import task_backends

    task_backends._settings = None  # read TASKS again
    task_backends.__dict__.pop("settings", None)
    rng = random.Random(1)
    out = {}
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        started = time.perf_counter()
        area = build(rng)
        out["build_seconds"] = round(time.perf_counter() - started, 1)
        out["first_run_seconds"], out["first_run_told"] = reminder_run()
        out["second_run_seconds"], out["second_run_told"] = reminder_run()
        from kinfolk.notifications.models import ScheduledRun

        ScheduledRun.objects.all().delete()  # as if another worker checked again the same day
        out["repeat_run_seconds"], out["repeat_run_told"] = reminder_run()
        user = User.objects.filter(email="worker-0@bench.invalid").get()
        timings = sorted(one_tell(area, user, n) for n in range(300))
        out.update(
            tell_median_ms=round(statistics.median(timings), 2),
            tell_p95_ms=round(timings[int(len(timings) * 0.95)], 2),
        )
        for key in ("first_run_seconds", "second_run_seconds", "repeat_run_seconds"):
            out[key] = round(out[key], 1)
    finally:
        teardown_databases(databases, verbosity=0)
    print(json.dumps(out))


if __name__ == "__main__":
    main()

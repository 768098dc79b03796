"""Recurring jobs run once per period, however many workers ask, and failures are shown."""

from datetime import UTC, datetime, time

import pytest
from django.urls import reverse

from kinfolk.core.tests.concurrency import all_at_once
from kinfolk.notifications import schedules
from kinfolk.notifications.models import ScheduledRun

pytestmark = pytest.mark.django_db

MORNING = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def counted_job():
    ran = []
    job = schedules.register_job(
        schedules.Job(
            "test.counted", "Counted", schedules.DAILY, lambda day: ran.append(day) or "ok"
        )
    )
    yield ran
    schedules._jobs.pop(job.code)


def test_a_job_runs_once_a_period(counted_job):
    schedules.run_due_jobs(MORNING)
    schedules.run_due_jobs(MORNING.replace(hour=10))
    assert len(counted_job) == 1
    schedules.run_due_jobs(MORNING.replace(day=24))
    assert len(counted_job) == 2


def test_a_job_waits_for_its_time(counted_job):
    schedules.run_due_jobs(MORNING.replace(hour=1))
    assert counted_job == []


def test_a_failed_job_is_recorded_and_shown_to_the_area_admin(make_member, area, signed_in_client):
    def broken(day):
        raise ValueError("no")

    schedules.register_job(schedules.Job("test.broken", "Broken job", schedules.DAILY, broken))
    try:
        schedules.run_due_jobs(MORNING)
        run = ScheduledRun.objects.get(job="test.broken")
        assert (run.succeeded, run.outcome) == (False, "ValueError")
        page = signed_in_client(make_member("area_admin", area)).get(
            reverse("notifications:scheduled")
        )
        text = page.content.decode()
        assert "Broken job" in text and "Failed" in text and "Check the audit log" in text
    finally:
        schedules._jobs.pop("test.broken")


def test_monthly_and_daily_next_runs():
    daily = schedules.Job("d", "D", schedules.DAILY, str, at=time(2))
    monthly = schedules.Job("m", "M", schedules.MONTHLY, str, at=time(2))
    assert schedules.next_run(daily, MORNING).date().isoformat() == "2026-11-24"
    assert schedules.next_run(monthly, MORNING).date().isoformat() == "2026-12-01"
    assert schedules.period_of(monthly, MORNING) == "2026-11"


def test_an_hourly_job_runs_once_each_hour_at_any_time_of_day():
    ran = []
    job = schedules.register_job(
        schedules.Job("test.hourly", "H", schedules.HOURLY, lambda day: ran.append(day) or "ok")
    )
    try:
        night = MORNING.replace(hour=1, minute=5)
        schedules.run_due_jobs(night)
        schedules.run_due_jobs(night.replace(minute=50))
        assert len(ran) == 1
        schedules.run_due_jobs(night.replace(hour=2, minute=1))
        assert len(ran) == 2
        assert schedules.next_run(job, night).hour == night.hour + 1
    finally:
        schedules._jobs.pop(job.code)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_run_a_job_once(counted_job):
    all_at_once([lambda: schedules.run_due_jobs(MORNING)] * 4)
    assert len(counted_job) == 1
    assert ScheduledRun.objects.filter(job="test.counted").count() == 1

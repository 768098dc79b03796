"""Recurring jobs, defined in code, each run once per period however many workers run: a run is
a row that is unique for (job, period), so a second worker's insert fails and it moves on.

`run_due_jobs` is called by the `run_schedules` command (every minute by `make run`'s worker,
or by cron) and by the `run_schedules` task. Each app registers its jobs from AppConfig.ready().
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ScheduledRun

logger = logging.getLogger(__name__)

HOURLY, DAILY, MONTHLY = "hourly", "daily", "monthly"


@dataclass(frozen=True)
class Job:
    """A job that runs once an hour, once a day (after `at`) or once a month (on its first day,
    after `at`)."""

    code: str
    title: str
    every: str
    run: Callable[[date], str]  # the day it runs for -> a short outcome code
    at: time = time(2, 0)
    reminds: bool = False  # it tells people what is due (the demo runs these for its today)


_jobs: dict[str, Job] = {}


def register_job(job: Job) -> Job:
    """Add (or replace, on reload) a recurring job."""
    _jobs[job.code] = job
    return job


def jobs() -> list[Job]:
    """Every recurring job, by code."""
    return sorted(_jobs.values(), key=lambda job: job.code)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The first moment of a local day and of the next (for "sent on that day" questions)."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def period_of(job: Job, moment: datetime) -> str:
    """The period a moment falls in for this job: its hour, its day, or its month."""
    if job.every == HOURLY:
        return timezone.localtime(moment).strftime("%Y-%m-%dT%H")
    day = timezone.localdate(moment)
    return day.isoformat() if job.every == DAILY else day.strftime("%Y-%m")


def is_due(job: Job, moment: datetime) -> bool:
    """Whether the job's time has come in this period (an hourly job: at once)."""
    return job.every == HOURLY or timezone.localtime(moment).time() >= job.at


def next_run(job: Job, moment: datetime) -> datetime:
    """When the job will next run, as far as Kinfolk can tell from here."""
    local = timezone.localtime(moment)
    if job.every == HOURLY:
        return local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    day = local.date()
    if job.every == DAILY:
        if local.time() >= job.at:
            day += timedelta(days=1)
    else:
        first = day.replace(day=1)
        day = first if (day == first and local.time() < job.at) else _next_month(first)
    return timezone.make_aware(datetime.combine(day, job.at))


def _next_month(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1)


def run_due_jobs(moment: datetime | None = None) -> list[ScheduledRun]:
    """Run each due job that has not run in this period; returns the runs made now."""
    moment = moment or timezone.now()
    made = []
    for job in jobs():
        if not is_due(job, moment):
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.code, period=period_of(job, moment))
        except IntegrityError:
            continue  # already run (or running) for this period
        made.append(_run(job, run, timezone.localdate(moment)))
    return made


def _run(job: Job, run: ScheduledRun, day: date) -> ScheduledRun:
    try:
        with transaction.atomic():
            run.outcome = (job.run(day) or "done")[:200]
        run.succeeded = True
    except Exception as error:  # a failed job is shown to the area admin, never swallowed
        logger.exception("Scheduled job %s failed", job.code)
        run.outcome, run.succeeded = type(error).__name__, False
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "succeeded", "finished_at"])
    return run


def run_reminders(day: date) -> list[str]:
    """Run every reminder job for a day at once (the demo area does, so its people have been
    told what is due); each tells nobody twice."""
    return [job.run(day) for job in jobs() if job.reminds]


def _verify_audit_log(day: date) -> str:
    from kinfolk.core.audit import audit_anchor

    anchor, report = audit_anchor()
    if report.problems:
        raise RuntimeError("audit log problems")
    return f"checked:{report.checked}"


def _forget_form_tokens(day: date) -> str:
    from kinfolk.core.once import forget_old_tokens

    return f"forgot:{forget_old_tokens()}"


def _send_digests(day: date) -> str:
    from .services import send_daily_digests

    return send_daily_digests(day)


def register_core_jobs() -> None:
    """The jobs Kinfolk always runs."""
    register_job(
        Job(
            "core.audit_verify",
            "Check the audit log has not been changed, and anchor it",
            DAILY,
            _verify_audit_log,
            at=time(1, 0),
        )
    )
    register_job(
        Job("notifications.daily_digest", "Send daily digests", DAILY, _send_digests, at=time(7))
    )
    register_job(
        Job("core.forget_form_tokens", "Let go of one-time form tokens older than 30 days",
            DAILY, _forget_form_tokens, at=time(2))
    )  # fmt: skip

"""Background work that failed is recorded, whichever queue ran it (the database, Redis and RQ,
or at once): Django's task framework says when a task finishes, and a failed one leaves a row
the area admin sees on the scheduled jobs page (ADR 0025)."""

from datetime import timedelta

from django.tasks import TaskResultStatus
from django.tasks.signals import task_finished
from django.utils import timezone

from .models import BackgroundFailure

# What each task is, in the words an area admin would use.
TASK_NAMES = {
    "kinfolk.notifications.tasks.deliver": "Sending a message",
    "kinfolk.notifications.tasks.deliver_many": "Sending a batch of messages",
    "kinfolk.notifications.tasks.run_schedules": "Running the scheduled jobs",
    "kinfolk.notifications.tasks.ping": "Checking a worker is taking work",
}
SHOWN_FOR = timedelta(days=7)


def record_failure(sender, task_result, **kwargs) -> None:
    """Keep a failed task's name and error kind (never its arguments)."""
    if task_result.status != TaskResultStatus.FAILED:
        return
    error = task_result.errors[-1].exception_class_path if task_result.errors else "unknown"
    BackgroundFailure.objects.create(
        task=task_result.task.module_path[:200], problem=error.rsplit(".", 1)[-1][:200]
    )


def recent_failures() -> list[dict]:
    """Background work that failed in the last 7 days, newest first, in plain words."""
    since = timezone.now() - SHOWN_FOR
    return [
        {"what": TASK_NAMES.get(f.task, f.task), "problem": f.problem, "at": f.failed_at}
        for f in BackgroundFailure.objects.filter(failed_at__gte=since)[:50]
    ]


def listen() -> None:
    """Start recording failures (from AppConfig.ready())."""
    task_finished.connect(record_failure, dispatch_uid="kinfolk.notifications.failures")

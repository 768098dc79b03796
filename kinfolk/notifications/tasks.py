"""Background work for notifications, through Django's task framework (django.tasks): the
database queue by default, Redis (RQ workers) when settings say so (ADR 0025)."""

from django.tasks import task

from . import schedules, services


@task
def deliver(notification_id: int) -> dict[str, str]:
    """Send one notification on its recipient's channels (safe to run twice)."""
    return services.deliver_notification(notification_id)


@task
def deliver_many(notification_ids: list[int]) -> int:
    """Send a batch of notifications (a scheduled job's); returns how many were looked at."""
    for notification_id in notification_ids:
        services.deliver_notification(notification_id)
    return len(notification_ids)


@task
def run_schedules() -> list[str]:
    """Run every recurring job that is due and has not run for its period yet."""
    return [f"{run.job}:{run.period}" for run in schedules.run_due_jobs()]


@task
def ping(word: str) -> str:
    """Proves a worker is taking work from the queue (the deployment check and CI use it)."""
    return f"pong:{word}"

"""The demo area's notifications: the reminders its people would have had this morning (the
daily jobs, run for today), after every other app has made its part."""

from django.utils import timezone

from .schedules import run_reminders


def load_demo(demo) -> None:
    """Run today's reminders over the demo area (kinfolk.core.registries.DemoArea)."""
    run_reminders(timezone.localdate())

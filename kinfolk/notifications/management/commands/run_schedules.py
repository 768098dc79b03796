"""Run the recurring jobs that are due (each once per period, however often this runs)."""

import time

from django.core.management.base import BaseCommand

from kinfolk.notifications.schedules import run_due_jobs


class Command(BaseCommand):
    help = "Run due recurring jobs once; with --every N, keep doing so every N seconds."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Seconds between checks.")

    def handle(self, *args, every: int, **options):
        while True:
            for run in run_due_jobs():
                state = "done" if run.succeeded else "FAILED"
                self.stdout.write(f"{run.job} {run.period}: {state} ({run.outcome})")
            if not every:
                return
            time.sleep(every)

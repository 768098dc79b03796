"""Take background work from the queue, and run recurring jobs when they are due.

One command whatever the queue: the database queue (`db_worker`) by default, or Redis with an RQ
worker when KINFOLK_TASKS=redis. Run as many as you like on as many machines: each task is taken
once, and each recurring job runs once per period (kinfolk/notifications/schedules.py).
"""

import os
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from kinfolk.notifications.schedules import run_due_jobs


def _keep_running_schedules(every: int, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            run_due_jobs()
        finally:
            connections.close_all()
        stop.wait(every)


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(2)
    os._exit(0)  # the server that started this worker has stopped


class Command(BaseCommand):
    help = "Take background work from the queue and run recurring jobs when due."

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="Do what is waiting, then stop.")
        parser.add_argument(
            "--exit-with-parent", action="store_true", help="Stop when the server stops."
        )
        parser.add_argument(
            "--schedules-every", type=int, default=60, help="Seconds between schedule checks."
        )

    def handle(self, *args, burst: bool, schedules_every: int, exit_with_parent: bool, **options):
        stop = threading.Event()
        if exit_with_parent:
            threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
        if burst:
            run_due_jobs()
        else:
            threading.Thread(
                target=_keep_running_schedules, args=(schedules_every, stop), daemon=True
            ).start()
        try:
            if settings.KINFOLK_TASKS == "redis":
                arguments = ["default", "--job-class", "django_tasks_rq.Job"]
                call_command("rqworker", *arguments, *(["--burst"] if burst else []))
            else:
                call_command("db_worker", *(["--batch"] if burst else []))
        finally:
            stop.set()

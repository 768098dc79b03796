"""Serve Kinfolk on this machine for `make run`: gunicorn, threaded, on loopback only.

Django's `runserver` is a development server, not meant for people to use. This runs the same
WSGI application in gunicorn (the server the load test uses on PostgreSQL too) with a bounded
pool of threads and a timeout for a stuck request, bound to 127.0.0.1, with the settings this
command was started with. Why one process of 16 threads: docs/performance.md, ADR 0020.
"""

import os
import shutil
import socket
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

LOOPBACK = "127.0.0.1"


def gunicorn_arguments(*, port: int, workers: int, threads: int) -> list[str]:
    """The gunicorn command line: threaded workers on loopback, access log on the console."""
    return [
        "gunicorn", "kinfolk.config.wsgi:application",
        "--bind", f"{LOOPBACK}:{port}",
        "--worker-class", "gthread", "--workers", str(workers), "--threads", str(threads),
        # Browsers and other clients reuse an idle connection; closing it after gunicorn's 2 s
        # default raced with their next request ("connection reset") in the load test.
        "--keep-alive", "75",
        "--access-logfile", "-", "--graceful-timeout", "10",
    ]  # fmt: skip


def port_is_free(port: int) -> bool:
    """Whether nothing else listens on this loopback port (another Kinfolk, say)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


class Command(BaseCommand):
    help = "Serve Kinfolk on 127.0.0.1 with gunicorn (threaded workers), as `make run` does."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("KINFOLK_SERVE_WORKERS", "1"))
        )
        parser.add_argument(
            "--threads", type=int, default=int(os.environ.get("KINFOLK_SERVE_THREADS", "16"))
        )
        parser.add_argument(
            "--no-worker", action="store_true", help="Do not start a background worker beside it."
        )

    def handle(self, *args, port, workers, threads, **options):
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which(
            "gunicorn"
        )
        if gunicorn is None:
            raise CommandError("gunicorn is not installed: run `make run` to install it.")
        if not port_is_free(port):
            raise CommandError(
                f"Something is already using port {port} (is Kinfolk running already?). "
                f"Stop it, or choose another port: PORT={port + 1} make run"
            )
        # The workers load the same settings as this command (local, unless told otherwise).
        os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get(
            "DJANGO_SETTINGS_MODULE", "kinfolk.config.settings.local"
        )
        self.stdout.write(f"Serving Kinfolk on http://{LOOPBACK}:{port}/ (Ctrl-C stops it)")
        self.stdout.flush()
        if settings.KINFOLK_TASKS == "database" and not options.get("no_worker"):
            # Background work (messages, reminders, recurring jobs) on the same machine; the
            # worker stops when the server does (it watches its parent process).
            subprocess.Popen([sys.executable, "-m", "kinfolk.cli", "worker", "--exit-with-parent"])
        arguments = gunicorn_arguments(port=port, workers=workers, threads=threads)
        os.execv(gunicorn, arguments)

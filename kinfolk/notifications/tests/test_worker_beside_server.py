"""`make run` needs nothing else: the server starts a worker that takes the database queue."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django.tasks import TaskResultStatus

from kinfolk.core.tests.test_serve import ROOT, _free_port
from kinfolk.notifications import tasks


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="`make run` serves the embedded SQLite database",
)
@pytest.mark.django_db(transaction=True)
def test_work_queued_while_make_run_serves_is_done_by_its_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kinfolk.config.settings.local",
        "DATABASE_URL": f"sqlite:///{connection.settings_dict['NAME']}",
        "KINFOLK_DEMO": "0",
        "KINFOLK_TASKS": "database",
    }
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(_free_port())],
        cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        result = tasks.ping.enqueue("beside")
        deadline = time.monotonic() + 60
        while result.status != TaskResultStatus.SUCCESSFUL:
            assert time.monotonic() < deadline, "no worker took the task within 60 s"
            time.sleep(0.5)
            result.refresh()
        assert result.return_value == "pong:beside"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

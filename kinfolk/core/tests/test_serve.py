"""`make run` serves with `manage.py serve`: gunicorn, threaded, on loopback only."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from kinfolk.core.management.commands.serve import gunicorn_arguments

ROOT = Path(__file__).resolve().parents[3]


def test_the_server_listens_on_loopback_only_with_threaded_workers():
    arguments = gunicorn_arguments(port=8123, workers=2, threads=4)
    assert arguments[arguments.index("--bind") + 1] == "127.0.0.1:8123"
    assert arguments[arguments.index("--worker-class") + 1] == "gthread"
    assert "0.0.0.0" not in " ".join(arguments)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="`make run` serves the embedded SQLite database",
)
@pytest.mark.django_db(transaction=True)
def test_make_runs_server_answers_several_people_at_once():
    """The real server, on the test database: twenty requests at once, every one answered."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kinfolk.config.settings.local",
        "DATABASE_URL": f"sqlite:///{connection.settings_dict['NAME']}",
        "KINFOLK_DEMO": "0",
    }
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(port)],
        cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                assert _get(f"{base}/accounts/login/") == 200
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not start within 60 s"
                time.sleep(0.3)
        with ThreadPoolExecutor(max_workers=20) as pool:
            statuses = list(pool.map(_get, [f"{base}/directory/?q=walk"] * 20))
        assert statuses == [200] * 20
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_a_port_already_in_use_is_said_plainly_and_nothing_starts():
    import socket

    import pytest
    from django.core.management import CommandError, call_command

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CommandError, match=f"already using port {port}"):
            call_command("serve", "--port", str(port), "--no-worker")

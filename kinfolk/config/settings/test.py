"""Settings for the test suite: SQLite by default, PostgreSQL when DATABASE_URL says so."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret-" + "x" * 40
KINFOLK_ENVIRONMENT = "test"
KINFOLK_DEMO = False
# Fast hashing keeps the suite quick; a test checks production uses Argon2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # One file per run, so two runs in the same checkout never share (or delete) a database.
    DATABASES["default"]["TEST"] = {"NAME": BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3"}  # noqa: F405
# Look static files up per request instead of scanning node_modules for every test client.
WHITENOISE_AUTOREFRESH = True
# Anchors written by tests never land in var/ (tests that anchor use their own tmp_path).
KINFOLK_AUDIT_ANCHOR_PATH = str(
    Path(tempfile.gettempdir()) / f"kinfolk-test-{os.getpid()}" / "audit-anchors.jsonl"
)

# Background work runs at once in tests (a test that needs the real queue uses its own backend).
if KINFOLK_TASKS != "redis":  # noqa: F405
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
KINFOLK_NOTIFY_API_KEY = ""

"""The security baseline: headers, cookies, hashing, and a clean `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]


def test_argon2_hashes_passwords_outside_tests():
    from kinfolk.config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_pages_send_a_strict_content_security_policy_and_other_headers(db):
    response = Client().get("/accounts/login/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_have_no_inline_script(db):
    html = Client().get("/accounts/login/").content.decode()
    scripts = html.count("<script")
    assert scripts == html.count('<script type="module" src="/static/'), "inline script found"


def test_sessions_time_out_when_idle():
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE <= 30 * 60


# Variables a test run sets for itself (browser tests allow sync ORM calls beside Playwright's
# event loop) that a real deployment never has.
TEST_ONLY_ENVIRONMENT = {"KINFOLK_DEMO", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENVIRONMENT} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="kinfolk.config.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "k3y" * 20,
        ALLOWED_HOSTS="kinfolk.example.nhs.uk",
        KINFOLK_AUDIT_KEY="a-long-random-audit-key-of-its-own-" + "4ud1t" * 10,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_demo_mode_and_a_missing_secret():
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="kinfolk.config.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "k3y" * 20,
        KINFOLK_AUDIT_KEY="a-long-random-audit-key-of-its-own-" + "4ud1t" * 10,
        KINFOLK_DEMO="1",
    )
    assert result.returncode != 0 and "Demo mode cannot run" in result.stderr
    result = _manage(
        "check", DJANGO_SETTINGS_MODULE="kinfolk.config.settings.production", DJANGO_SECRET_KEY=""
    )
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_email_is_written_to_files_under_var_mail_on_a_local_machine():
    from kinfolk.config.settings import base

    mailer = base.MAILERS["default"]
    assert mailer["BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert Path(mailer["OPTIONS"]["file_path"]) == base.BASE_DIR / "var" / "mail"


def test_production_sends_email_through_smtp():
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "x" * 50,
        "KINFOLK_AUDIT_KEY": "y" * 50,
        "KINFOLK_DEMO": "",
    }
    script = "import kinfolk.config.settings.production as p;print(p.MAILERS['default']['BACKEND'])"
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"

"""The test suite connects to PostgreSQL as `postgres`, a superuser, whom row-level security
never binds. Once the test database is built, every connection switches to a plain role, as
production runs (ADR 0023), so the whole suite runs with the wall between areas in force."""

from contextlib import contextmanager

from django.conf import settings
from django.db import connection

ROLE = "kinfolk_app"


def run_as_plain_role() -> None:
    """Create the plain role (once per cluster), let it use the test database, switch to it."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "DO $$ BEGIN "
            f"CREATE ROLE {ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; "
            "END $$"
        )
        for grant in (
            f"GRANT USAGE, CREATE ON SCHEMA public TO {ROLE}",
            f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {ROLE}",
            f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {ROLE}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO {ROLE}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO {ROLE}",
        ):
            cursor.execute(grant)
    settings.KINFOLK_DATABASE_ROLE = ROLE
    from kinfolk.core.tenancy import switch_role_now

    switch_role_now(connection)


def back_to_the_owner() -> None:
    """At the end of the run: the owner drops the test database."""
    if connection.vendor == "postgresql" and getattr(settings, "KINFOLK_DATABASE_ROLE", ""):
        settings.KINFOLK_DATABASE_ROLE = ""
        if connection.connection is not None:
            with connection.connection.cursor() as cursor:
                cursor.execute("RESET ROLE")


@contextmanager
def as_owner(connection):
    """Act as the tables' owner (the session's own user) for the duration."""
    role = getattr(settings, "KINFOLK_DATABASE_ROLE", "")
    if connection.vendor != "postgresql" or not role:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user <> session_user")
        (switched,) = cursor.fetchone()
        if not switched:  # already the owner (an as_owner inside another)
            yield
            return
        cursor.execute("RESET ROLE")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'SET ROLE "{role}"')

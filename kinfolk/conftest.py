"""Shared fixtures: areas, people with each kind of relationship, and signed-in clients."""

import pytest
from django.test import Client

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.middleware import ACTING_MEMBERSHIP_KEY
from kinfolk.accounts.models import Role
from kinfolk.accounts.tests.factories import MembershipFactory, UserFactory
from kinfolk.core.tests.factories import AreaFactory
from kinfolk.people.tests.factories import PersonFactory


@pytest.fixture(autouse=True, scope="session")
def _flush_past_the_audit_triggers():
    """Between transactional tests Django empties every table, which the audit log's
    append-only triggers refuse; the suite switches them off for that, as the tables' owner
    can (kinfolk/core/tests/tamper.py). Nothing outside the test suite does this. The whole
    flush, and the `post_migrate` work after it, runs as the owner, as `migrate` does."""
    from django.core.management.commands.flush import Command as Flush
    from django.db import connections
    from django.db.backends.base.operations import BaseDatabaseOperations

    from kinfolk.core.tests.plain_role import as_owner
    from kinfolk.core.tests.tamper import audit_triggers_off

    flush = BaseDatabaseOperations.execute_sql_flush
    handle = Flush.handle

    def execute_sql_flush(self, sql_list):
        with audit_triggers_off(self.connection):
            flush(self, sql_list)

    def handle_as_owner(self, **options):
        with as_owner(connections[options["database"]]):
            return handle(self, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseDatabaseOperations, "execute_sql_flush", execute_sql_flush)
        patch.setattr(Flush, "handle", handle_as_owner)
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """On PostgreSQL the suite runs as a plain role, so row-level security binds every test
    (kinfolk/core/tests/plain_role.py, ADR 0023)."""
    from kinfolk.core.tests.plain_role import back_to_the_owner, run_as_plain_role

    with django_db_blocker.unblock():
        run_as_plain_role()
    yield
    with django_db_blocker.unblock():
        back_to_the_owner()


@pytest.fixture
def area(db):
    return AreaFactory(name="Calder Vale", slug="calder-vale")


@pytest.fixture
def other_area(db):
    return AreaFactory(name="Other Vale", slug="other-vale")


@pytest.fixture
def make_member(db):
    """A user holding a role in an area; returns their membership."""

    def make(role: str, area, **user_fields):
        user = UserFactory(**user_fields)
        return MembershipFactory(user=user, area=area, role=role)

    return make


@pytest.fixture
def actor_for():
    def make(membership):
        return Actor(user=membership.user, membership=membership)

    return make


@pytest.fixture
def person(area):
    return PersonFactory(area=area, given_name="Sam", family_name="Okafor")


@pytest.fixture
def signed_in_client():
    """A test client signed in through a given membership (MFA already satisfied)."""

    def make(membership):
        client = Client()
        client.force_login(membership.user)
        session = client.session
        session[ACTING_MEMBERSHIP_KEY] = membership.pk
        session.save()
        return client

    return make


__all__ = ["Role"]


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL-only tests when the suite runs on SQLite."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)

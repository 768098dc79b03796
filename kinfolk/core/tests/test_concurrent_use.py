"""A handful of people using Kinfolk at once: no "database is locked", nothing stored twice.

Every page that shows a person writes an audit entry, so even reading is a write. These tests
run many threads, each with its own database connection and its own signed-in browser (the
Django test client), against the file database the suite uses; on SQLite they fail unless the
embedded database is set up for concurrent use (WAL, a busy timeout, immediate transactions).
"""

import threading

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.core.audit import audit_verify
from kinfolk.core.models import AuditLog
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
from kinfolk.wellbeing.models import CheckIn

THREADS = 8
ROUNDS = 6
ON_SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def _check_in_form(n: int) -> dict:
    return {"recorded_with": "self", "health_going": "ok", "health_words": f"visit {n}"}


def _hammer(clients_and_people, rounds: int) -> tuple[list[str], list[int]]:
    """Each thread reads pages that audit and records check-ins, all starting together."""
    barrier = threading.Barrier(len(clients_and_people))
    errors: list[str] = []
    statuses: list[int] = []
    lock = threading.Lock()

    def use(client: Client, person_id) -> None:
        try:
            barrier.wait()
            for n in range(rounds):
                for method, url, data in (
                    ("get", reverse("people:detail", args=[person_id]), None),
                    ("post", reverse("wellbeing:check_in", args=[person_id]), _check_in_form(n)),
                    ("get", reverse("wellbeing:how", args=[person_id]), None),
                    ("get", reverse("directory:search") + "?q=walking", None),
                ):
                    response = getattr(client, method)(url, data) if data else client.get(url)
                    with lock:
                        statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 - every failure is what the test reports
            with lock:
                errors.append(f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=use, args=pair) for pair in clients_and_people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors, statuses


@pytest.fixture
def people_signed_in(area, make_member, signed_in_client):
    """THREADS people, each signed in on their own client, with a link worker each."""
    pairs = []
    for _ in range(THREADS):
        you = make_member(Role.PERSON, area)
        person = PersonFactory(area=area, user=you.user)
        AssignmentFactory(person=person, worker=make_member(Role.LINK_WORKER, area).user)
        pairs.append((signed_in_client(you), person.pk))
    return pairs


@pytest.mark.django_db(transaction=True)
def test_people_reading_and_writing_at_once_never_see_a_server_error(people_signed_in):
    errors, statuses = _hammer(people_signed_in, ROUNDS)
    assert errors == []
    assert len(statuses) == THREADS * ROUNDS * 4
    assert set(statuses) <= {200, 302}, sorted(set(statuses))
    # Each check-in sent once is stored once; every read and write was audited in one chain.
    assert CheckIn.objects.count() == THREADS * ROUNDS
    checked, problems = audit_verify()
    assert problems == []
    assert checked == AuditLog.objects.count() >= THREADS * ROUNDS * 3


@pytest.mark.django_db(transaction=True)
def test_failed_sign_ins_at_once_are_answered_not_errors(area, make_member):
    """Wrong passwords from several browsers at once: each gets the form back, none a 500."""
    members = [make_member(Role.PERSON, area) for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    errors: list[str] = []
    statuses: list[int] = []

    def try_wrong_password(email: str) -> None:
        try:
            client = Client()
            barrier.wait()
            for _ in range(3):
                response = client.post(
                    reverse("accounts:login"), {"email": email, "password": "not-it-at-all"}
                )
                statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=try_wrong_password, args=(m.user.email,)) for m in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(statuses) == THREADS * 3 and set(statuses) == {200}


@pytest.mark.skipif(not ON_SQLITE, reason="the embedded database's own settings")
@pytest.mark.django_db
def test_the_embedded_database_is_set_up_for_concurrent_use():
    """WAL lets reads go on during a write; writers queue (busy timeout) instead of failing."""
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000
        assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1

"""Two workers start arrangements in a household's last place at the same moment: one wins."""

import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Membership, Role
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
from kinfolk.sharedlives.arrangements.services import arrangement_start
from kinfolk.sharedlives.introductions.services import (
    arrangement_agree,
    interest_express,
    stage_view_record,
)
from kinfolk.sharedlives.models import Arrangement, Carer, Side
from kinfolk.sharedlives.tests.factories import ReferralFactory

TODAY = date.today()


def _agreed_introduction(scheme, area, make_member, actor_for):
    """Another person, with their own worker, who has agreed with the same household."""
    you = make_member(Role.PERSON, area)
    worker = make_member(Role.SCHEME_WORKER, area)
    person = PersonFactory(area=area, user=you.user)
    AssignmentFactory(person=person, worker=worker.user)
    referral = ReferralFactory(person=person, created_by=worker.user)
    you, worker = actor_for(you), actor_for(worker)
    interest_express(actor=you, referral=referral, carer=scheme.carer)
    introduction = interest_express(actor=scheme.carer_actor, referral=referral, carer=scheme.carer)
    for _ in range(3):
        for side in Side.values:
            introduction = stage_view_record(
                actor=worker, introduction=introduction, side=side, carry_on=True, shown_how="words"
            )
    arrangement_agree(actor=you, introduction=introduction)
    introduction = arrangement_agree(actor=scheme.carer_actor, introduction=introduction)
    return worker, introduction


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_attempts_to_fill_the_last_place_twice(scheme, area, make_member, actor_for):
    Carer.objects.filter(pk=scheme.carer.pk).update(places=1)
    attempts = [_agreed_introduction(scheme, area, make_member, actor_for) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def start(worker, introduction):
        try:
            barrier.wait()
            arrangement_start(
                actor=Actor(worker.user, Membership.objects.get(user=worker.user)),
                introduction=introduction,
                starts_on=TODAY,
                agreement_signed_by_person_on=TODAY,
                agreement_signed_by_carer_on=TODAY,
                licence_signed_by_person_on=TODAY,
                licence_signed_by_carer_on=TODAY,
            )
            outcomes.append("started")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=start, args=attempt) for attempt in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == sorted(["started", f"{scheme.carer.name} has no free place."])
    assert Arrangement.objects.filter(carer=scheme.carer).count() == 1
    assert Carer.objects.get(pk=scheme.carer.pk).places_in_use == 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_database_alone_refuses_a_second_filling_without_the_lock(
    scheme, area, make_member, actor_for
):
    """Even code that skips the service and its row lock cannot overfill: two arrangement rows
    written directly at the same moment, and the trigger (which locks the household before it
    counts) refuses the second (ADR 0030)."""

    Carer.objects.filter(pk=scheme.carer.pk).update(places=1)
    rows = []
    for _ in range(2):
        worker, introduction = _agreed_introduction(scheme, area, make_member, actor_for)
        rows.append(
            Arrangement(
                area=area,
                introduction=introduction,
                person=introduction.person,
                carer=scheme.carer,
                arrangement_type=introduction.arrangement_type,
                starts_on=TODAY,
                person_agreed_at=introduction.person_agreed_at,
                carer_agreed_at=introduction.carer_agreed_at,
                agreement_signed_by_person_on=TODAY,
                agreement_signed_by_carer_on=TODAY,
                licence_signed_by_person_on=TODAY,
                licence_signed_by_carer_on=TODAY,
                created_by=worker.user,
            )  # fmt: skip
        )

    outcomes = _first_still_open_when_the_second_writes(rows)
    assert outcomes == ["done", "refused"]
    assert Arrangement.objects.filter(carer=scheme.carer).count() == 1


def _first_still_open_when_the_second_writes(rows) -> list:
    """The first row is written and its transaction kept open until the second writer has
    either finished or is waiting for a lock; then the first commits. Without the trigger's
    lock the second would count the household's places before the first commits, and both
    would be kept."""
    from django.db import IntegrityError, transaction

    written, second_over = threading.Event(), threading.Event()
    outcomes = ["", ""]

    def first():
        try:
            with transaction.atomic():
                Arrangement.objects.bulk_create([rows[0]])
                written.set()
                while not second_over.is_set() and not _someone_waits_for_a_lock():
                    second_over.wait(0.01)
            outcomes[0] = "done"
        finally:
            connections.close_all()

    def second():
        try:
            written.wait()
            Arrangement.objects.bulk_create([rows[1]])
            outcomes[1] = "done"
        except IntegrityError:
            outcomes[1] = "refused"
        finally:
            second_over.set()
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _someone_waits_for_a_lock() -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0] > 0

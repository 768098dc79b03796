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
def test_the_database_alone_refuses_a_second_filling_without_the_lock(scheme):
    """Even code that forgets the row lock cannot overfill: the CHECK constraint refuses."""
    from django.db import IntegrityError, transaction
    from django.db.models import F

    Carer.objects.filter(pk=scheme.carer.pk).update(places=1)
    barrier = threading.Barrier(2)
    outcomes = []

    def fill():
        try:
            with transaction.atomic():
                barrier.wait()
                Carer.objects.filter(pk=scheme.carer.pk).update(
                    places_in_use=F("places_in_use") + 1
                )
            outcomes.append("filled")
        except IntegrityError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=fill) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["filled", "refused"]

"""The scheme's limits hold when many say yes at the same moment, not only one at a time.

Introductions in progress are limited per carer (counted under the carer's row lock) and per
person (counted under the person's row lock); both rows are locked person first, then carer, so
two sides cannot deadlock.
"""

import os

import pytest
from django.core.exceptions import ValidationError

from kinfolk.accounts.models import Role
from kinfolk.core.tests.concurrency import all_at_once
from kinfolk.sharedlives.introductions.services import interest_express
from kinfolk.sharedlives.models import IN_PROGRESS_STAGES, Introduction, Referral
from kinfolk.sharedlives.scheme import scheme_settings
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory, trained

RUNS = int(os.environ.get("KINFOLK_CONCURRENCY_RUNS", "3"))  # more, to measure


def _carers(area, make_member, actor_for, count):
    """Households near the person, each with its own carer signed in."""
    carers = []
    for _ in range(count):
        member = make_member(Role.SHARED_LIVES_CARER, area)
        carers.append((trained(CarerFactory(area=area, user=member.user)), actor_for(member)))
    return carers


def _person_said_yes_to(scheme, carers):
    Referral.objects.filter(pk=scheme.referral.pk).update(share_with_suitable_carers=True)
    scheme.referral.refresh_from_db()
    for carer, _ in carers:
        interest_express(actor=scheme.you, referral=scheme.referral, carer=carer)


def _in_progress(**where) -> int:
    return Introduction.objects.filter(stage__in=IN_PROGRESS_STAGES, **where).count()


def test_a_person_has_no_more_introductions_in_progress_than_the_limit(
    scheme, area, make_member, actor_for
):
    limit = scheme_settings().introductions_per_person
    carers = _carers(area, make_member, actor_for, limit + 1)
    _person_said_yes_to(scheme, carers)
    for carer, carer_actor in carers[:limit]:
        interest_express(actor=carer_actor, referral=scheme.referral, carer=carer)
    last, last_actor = carers[limit]
    with pytest.raises(ValidationError, match="the scheme's limit") as refused:
        interest_express(actor=last_actor, referral=scheme.referral, carer=last)
    assert refused.value.code == "person_limit"
    assert _in_progress(person=scheme.person) == limit


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_ten_carers_saying_yes_at_once_never_exceed_the_persons_limit(
    scheme, area, make_member, actor_for
):
    limit = scheme_settings().introductions_per_person
    carers = _carers(area, make_member, actor_for, 10)
    _person_said_yes_to(scheme, carers)
    for _ in range(RUNS):
        outcomes = all_at_once(
            [
                lambda carer=carer, who=who: interest_express(
                    actor=who, referral=scheme.referral, carer=carer
                )
                for carer, who in carers
            ]
        )
        assert _in_progress(person=scheme.person) == limit, outcomes
        assert sorted(outcomes) == sorted(["done"] * limit + ["person_limit"] * (10 - limit))
        # Start again: the proposed introductions go back to waiting for the carer's yes.
        Introduction.objects.filter(person=scheme.person).update(
            stage="interest", carer_yes_at=None, carer_yes_by=None, proposed_at=None
        )


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_person_and_a_carer_saying_yes_at_once_do_not_deadlock(
    scheme, area, make_member, actor_for
):
    """Each call locks the person, then the carer: opposite sides wait, they never deadlock."""
    carers = _carers(area, make_member, actor_for, 4)
    Referral.objects.filter(pk=scheme.referral.pk).update(share_with_suitable_carers=True)
    scheme.referral.refresh_from_db()
    calls = []
    for carer, who in carers:
        calls.append(
            lambda carer=carer: interest_express(
                actor=scheme.you, referral=scheme.referral, carer=carer
            )
        )
        calls.append(
            lambda carer=carer, who=who: interest_express(
                actor=who, referral=scheme.referral, carer=carer
            )
        )
    outcomes = all_at_once(calls)
    assert set(outcomes) <= {"done", "person_limit"}, outcomes
    assert _in_progress(person=scheme.person) <= scheme_settings().introductions_per_person


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_people_saying_yes_at_once_never_exceed_the_carers_limit(
    scheme, area, make_member, actor_for
):
    """The carer said yes to five people; all five say yes back at the same moment."""
    from kinfolk.people.tests.factories import PersonFactory

    limit = scheme_settings().introductions_per_carer
    sides = []
    for _ in range(5):
        you = make_member(Role.PERSON, area)
        person = PersonFactory(area=area, user=you.user)
        referral = ReferralFactory(
            person=person, created_by=scheme.worker.user, share_with_suitable_carers=True
        )
        interest_express(actor=scheme.carer_actor, referral=referral, carer=scheme.carer)
        sides.append((actor_for(you), referral))
    outcomes = all_at_once(
        [
            lambda you=you, referral=referral: interest_express(
                actor=you, referral=referral, carer=scheme.carer
            )
            for you, referral in sides
        ]
    )
    assert sorted(outcomes) == sorted(["done"] * limit + ["carer_limit"] * (5 - limit))
    assert _in_progress(carer=scheme.carer) == limit

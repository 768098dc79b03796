"""A person has one open Shared Lives referral, checked under the person's row lock, even when
two workers refer them at the same moment."""

import os
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kinfolk.core.tests.concurrency import all_at_once
from kinfolk.sharedlives.models import Referral
from kinfolk.sharedlives.referrals.services import referral_create

RUNS = int(os.environ.get("KINFOLK_CONCURRENCY_RUNS", "3"))  # more, to measure


def test_a_person_has_one_open_shared_lives_referral(scheme):
    with pytest.raises(ValidationError, match="already has an open") as refused:
        _refer(scheme)
    assert refused.value.code == "duplicate"
    assert Referral.objects.filter(person=scheme.person).count() == 1


def _refer(scheme):
    return referral_create(
        actor=scheme.worker,
        person=scheme.person,
        source="worker",
        received_on=date.today(),
        has_own_home=None,
        family_able_to_support=None,
    )


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_workers_referring_at_once_make_one_open_referral(scheme):
    Referral.objects.filter(person=scheme.person).delete()
    for _ in range(RUNS):
        outcomes = all_at_once([lambda: _refer(scheme)] * 4)
        assert sorted(outcomes) == ["done", "duplicate", "duplicate", "duplicate"]
        assert Referral.objects.filter(person=scheme.person).count() == 1
        Referral.objects.filter(person=scheme.person).delete()

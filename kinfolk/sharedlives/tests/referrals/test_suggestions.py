"""Suggestions show every suitable household with reasons; held-back households say why not."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from kinfolk.sharedlives.carers.selectors import carer_flags
from kinfolk.sharedlives.introductions.services import interest_express
from kinfolk.sharedlives.models import (
    CarerCheck,
    TrainingRecord,
)
from kinfolk.sharedlives.referrals.selectors import suggestions, why_not_suggested

TODAY = date.today()


def test_suggestions_show_every_suitable_household_with_reasons(scheme):
    s = scheme
    found = suggestions(actor=s.you, referral=s.referral)
    assert {x.carer.name for x in found} == {"The Hughes household", "The Ahmed household"}
    assert any("gardening" in reason for x in found for reason in x.reasons)


def test_expired_training_or_an_overdue_review_stops_new_introductions(scheme):
    s = scheme
    TrainingRecord.objects.filter(carer=s.carer, course="first_aid").update(
        expires_on=TODAY - timedelta(days=1)
    )
    assert "First aid training has expired" in carer_flags(carer=s.carer)
    assert s.carer not in [x.carer for x in suggestions(actor=s.you, referral=s.referral)]
    reasons = why_not_suggested(actor=s.worker, referral=s.referral, carer=s.carer)
    assert "First aid training has expired" in reasons
    with pytest.raises(ValidationError, match="First aid"):
        interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    TrainingRecord.objects.filter(carer=s.carer, course="first_aid").update(
        expires_on=TODAY + timedelta(days=400)
    )
    CarerCheck.objects.create(
        area=s.carer.area, carer=s.carer, kind="annual_review", due_on=TODAY - timedelta(days=3)
    )
    assert any("overdue" in f for f in carer_flags(carer=s.carer))


def test_why_not_names_the_hard_constraint(scheme):
    s = scheme
    s.carer.pets = "two cats"
    s.carer.save()
    s.referral.pet_allergy = True
    s.referral.save()
    reasons = why_not_suggested(actor=s.worker, referral=s.referral, carer=s.carer)
    assert any("two cats" in r and "allergic" in r for r in reasons)

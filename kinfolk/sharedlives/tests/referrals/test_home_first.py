"""Home first: suggestions wait for the person's own choice, in their words."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kinfolk.sharedlives.introductions.services import interest_express
from kinfolk.sharedlives.policy import HomeFirst
from kinfolk.sharedlives.referrals.selectors import suggestions
from kinfolk.sharedlives.referrals.services import persons_choice_record, referral_create

TODAY = date.today()


def test_no_suggestions_until_the_person_chose_shared_lives_when_they_have_a_home(scheme):
    s = scheme
    s.referral.has_own_home = s.referral.family_able_to_support = True
    s.referral.save()
    with pytest.raises(HomeFirst, match="own choice"):
        suggestions(actor=s.worker, referral=s.referral)
    with pytest.raises(HomeFirst):
        interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    persons_choice_record(
        actor=s.worker, referral=s.referral, words="I want to live with a family, not alone"
    )
    assert [x.carer for x in suggestions(actor=s.worker, referral=s.referral)]


def test_a_hospital_discharge_referral_can_never_skip_the_persons_choice(scheme):
    s = scheme
    s.referral.source = "hospital_discharge"
    s.referral.has_own_home = s.referral.family_able_to_support = False
    s.referral.save()
    with pytest.raises(HomeFirst, match="hospital discharge"):
        suggestions(actor=s.worker, referral=s.referral)


def test_a_hospital_discharge_referral_must_answer_the_home_question(scheme):
    s = scheme
    s.referral.status = "closed"
    s.referral.save()
    with pytest.raises(ValidationError, match="own home"):
        referral_create(
            actor=s.worker,
            person=s.person,
            source="hospital_discharge",
            received_on=TODAY,
            has_own_home=None,
            family_able_to_support=None,
        )
    s.referral.source, s.referral.has_own_home = "hospital_discharge", None
    with pytest.raises(IntegrityError), transaction.atomic():
        s.referral.save()


def test_the_persons_choice_is_in_their_words_and_only_their_worker_records_it(scheme):
    s = scheme
    with pytest.raises(ValidationError):
        persons_choice_record(actor=s.worker, referral=s.referral, words="yes")
    with pytest.raises(PermissionDenied):
        persons_choice_record(
            actor=s.other_worker, referral=s.referral, words="I would like to try it"
        )

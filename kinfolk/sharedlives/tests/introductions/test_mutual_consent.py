"""Nobody is placed: both sides say yes, either may say no, each agrees for themselves."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kinfolk.sharedlives.carers.selectors import held_back_carers
from kinfolk.sharedlives.introductions.services import (
    arrangement_agree,
    interest_express,
    introduction_decline,
    stage_view_record,
)
from kinfolk.sharedlives.models import (
    Introduction,
    Side,
    Stage,
)
from kinfolk.sharedlives.tests.journeys import both_say_yes, through_the_meetings

TODAY = date.today()


def test_one_yes_is_only_interest_and_both_yes_proposes_an_introduction(scheme):
    s = scheme
    first = interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)
    assert first.stage == Stage.INTEREST and first.first_interest_from == Side.CARER
    second = interest_express(
        actor=s.representative, referral=s.referral, carer=s.carer, shown_how="words"
    )
    assert second.pk == first.pk and second.stage == Stage.INTRODUCTION
    assert second.person_yes_by == s.representative.user and second.proposed_at


def test_a_worker_cannot_say_yes_for_either_side_without_saying_how_they_showed_it(scheme):
    s = scheme
    with pytest.raises(ValidationError, match="Say how Sam showed it"):
        interest_express(actor=s.worker, referral=s.referral, carer=s.carer, side=Side.PERSON)
    with pytest.raises(ValidationError, match="Say who this is for"):
        interest_express(actor=s.worker, referral=s.referral, carer=s.carer)
    assert not Introduction.objects.exists()


def test_a_carer_cannot_say_yes_for_another_household(scheme):
    s = scheme
    with pytest.raises(PermissionDenied):
        interest_express(actor=s.other_carer_actor, referral=s.referral, carer=s.carer)


def test_carers_see_and_approach_only_people_who_chose_to_be_seen(scheme):
    s = scheme
    s.referral.share_with_suitable_carers = False
    s.referral.save()
    with pytest.raises(PermissionDenied):
        interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)


def test_the_database_refuses_an_introduction_without_both_yeses(scheme):
    s = scheme
    with pytest.raises(IntegrityError), transaction.atomic():
        Introduction.objects.create(
            area=s.referral.area,
            referral=s.referral,
            person=s.person,
            carer=s.carer,
            arrangement_type="long_term",
            first_interest_from=Side.PERSON,
            stage=Stage.INTRODUCTION,
        )


def test_either_side_can_say_no_at_any_stage_without_a_reason(scheme):
    s = scheme
    introduction = both_say_yes(s)
    introduction = stage_view_record(
        actor=s.you, introduction=introduction, side=Side.PERSON, carry_on=True
    )
    closed = introduction_decline(actor=s.carer_actor, introduction=introduction)
    assert closed.stage == Stage.CLOSED and closed.closed_by_side == Side.CARER
    assert closed.closed_reason == ""
    # Nothing counts against them: the household is suggested to others as before, and the
    # person can be introduced elsewhere.
    assert held_back_carers(area=s.carer.area, carers=[s.carer]) == {}


def test_a_no_after_a_meeting_closes_the_introduction(scheme):
    s = scheme
    introduction = both_say_yes(s)
    introduction = stage_view_record(
        actor=s.you,
        introduction=introduction,
        side=Side.PERSON,
        carry_on=False,
        view="Not for me",
    )
    assert introduction.stage == Stage.CLOSED and introduction.closed_by_side == Side.PERSON


def test_the_next_stage_opens_only_when_both_want_to_carry_on(scheme):
    s = scheme
    introduction = both_say_yes(s)
    introduction = stage_view_record(
        actor=s.you, introduction=introduction, side=Side.PERSON, carry_on=True
    )
    assert introduction.stage == Stage.INTRODUCTION
    introduction = stage_view_record(
        actor=s.carer_actor, introduction=introduction, side=Side.CARER, carry_on=True
    )
    assert introduction.stage == Stage.TEA_VISIT


def test_only_each_side_can_agree_to_the_arrangement(scheme):
    s = scheme
    introduction = through_the_meetings(s, both_say_yes(s))
    assert introduction.stage == Stage.AGREEING
    with pytest.raises(PermissionDenied):
        arrangement_agree(actor=s.worker, introduction=introduction)
    arrangement_agree(actor=s.you, introduction=introduction)
    introduction.refresh_from_db()
    assert introduction.stage == Stage.AGREEING
    arrangement_agree(actor=s.carer_actor, introduction=introduction)
    introduction.refresh_from_db()
    assert introduction.stage == Stage.AGREED


def test_introductions_in_progress_are_limited_per_carer(scheme, settings, area, make_member):
    s = scheme
    settings.KINFOLK_SHARED_LIVES = {"introductions_per_carer": 1}
    both_say_yes(s)
    from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
    from kinfolk.sharedlives.tests.factories import ReferralFactory

    other = PersonFactory(area=area, user=make_member("person", area).user)
    AssignmentFactory(person=other, worker=s.worker.user)
    referral = ReferralFactory(person=other, created_by=s.worker.user)
    from kinfolk.accounts.actor import Actor
    from kinfolk.accounts.models import Membership

    other_actor = Actor(other.user, Membership.objects.get(user=other.user))
    interest_express(actor=s.carer_actor, referral=referral, carer=s.carer)
    with pytest.raises(ValidationError, match="limit"):
        interest_express(actor=other_actor, referral=referral, carer=s.carer)

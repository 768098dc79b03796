""" "Not for me": either side can say it about a suggestion, only that side can undo it, and a
household cannot ask a person who said no until the person asks or six months pass."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinfolk.sharedlives.introductions import selectors
from kinfolk.sharedlives.introductions.services import (
    interest_express,
    introduction_decline,
    not_for_me_say,
    not_for_me_undo,
    stage_view_record,
)
from kinfolk.sharedlives.models import Introduction, NotForMe, Side, Stage
from kinfolk.sharedlives.referrals.selectors import suggestions
from kinfolk.sharedlives.tests.journeys import both_say_yes


def _suggested(s) -> set:
    return {x.carer.pk for x in suggestions(actor=s.you, referral=s.referral)}


def test_the_persons_not_for_me_takes_the_household_out_of_their_suggestions(scheme):
    s = scheme
    assert s.carer.pk in _suggested(s)
    said = not_for_me_say(actor=s.you, referral=s.referral, carer=s.carer, reason="Too far")
    assert said.side == Side.PERSON and said.reason == "Too far"
    assert s.carer.pk not in _suggested(s)
    not_for_me_undo(actor=s.you, said=said)
    assert s.carer.pk in _suggested(s)


def test_only_the_side_that_said_it_can_show_it_again(scheme):
    s = scheme
    said = not_for_me_say(actor=s.you, referral=s.referral, carer=s.carer)
    for other in (s.carer_actor, s.worker, s.other_carer_actor):
        with pytest.raises(PermissionDenied):
            not_for_me_undo(actor=other, said=said)
    said.refresh_from_db()
    assert said.undone_at is None


def test_a_household_cannot_ask_a_person_who_said_not_for_me(scheme):
    s = scheme
    not_for_me_say(actor=s.you, referral=s.referral, carer=s.carer)
    with pytest.raises(ValidationError, match="Sam said no to meeting your household"):
        interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)
    assert not Introduction.objects.exists()


def test_a_household_may_ask_again_after_six_months(scheme):
    s = scheme
    said = not_for_me_say(actor=s.you, referral=s.referral, carer=s.carer)
    said.said_at = timezone.now() - timedelta(days=190)
    said.save()
    assert interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer).carer_yes_at


def test_when_the_person_asks_the_household_may_answer(scheme):
    s = scheme
    not_for_me_say(actor=s.you, referral=s.referral, carer=s.carer)
    interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    assert not NotForMe.objects.filter(undone_at__isnull=True).exists()
    assert (
        interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer).stage
        == Stage.INTRODUCTION
    )


def test_a_household_cannot_ask_straight_after_the_person_stopped_an_introduction(scheme):
    s = scheme
    introduction = both_say_yes(s)
    stage_view_record(actor=s.you, introduction=introduction, carry_on=False, view="Too noisy")
    assert s.carer.pk not in _suggested(s)
    remembered = NotForMe.objects.get()
    assert remembered.side == Side.PERSON and remembered.reason == "Too noisy"
    with pytest.raises(ValidationError, match="You can ask again from"):
        interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)


def test_saying_no_to_a_request_is_remembered_too(scheme):
    s = scheme
    asked = interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)
    introduction_decline(actor=s.you, introduction=asked)
    with pytest.raises(ValidationError, match="said no"):
        interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)


def test_the_carer_stopping_is_not_held_against_the_carer(scheme):
    s = scheme
    introduction = both_say_yes(s)
    introduction_decline(actor=s.carer_actor, introduction=introduction)
    assert not NotForMe.objects.exists()
    assert s.carer.pk in _suggested(s)


def test_a_households_not_for_me_leaves_its_people_and_answers_a_waiting_request(scheme):
    s = scheme
    interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    found = selectors.carer_requests(actor=s.carer_actor, carer=s.carer)
    assert [i.person for i in found.introductions if i.is_open] == [s.person]
    said = not_for_me_say(actor=s.carer_actor, referral=s.referral, carer=s.carer)
    assert said.side == Side.CARER
    found = selectors.carer_requests(actor=s.carer_actor, carer=s.carer)
    assert not [i for i in found.introductions if i.is_open]
    assert s.referral.pk not in {r.pk for r, _ in found.might_like}
    with pytest.raises(PermissionDenied):
        not_for_me_undo(actor=s.you, said=said)
    not_for_me_undo(actor=s.carer_actor, said=said)


def test_a_household_not_for_me_leaves_might_like(scheme):
    s = scheme
    before = selectors.carer_requests(actor=s.carer_actor, carer=s.carer)
    assert s.referral.pk in {r.pk for r, _ in before.might_like}
    not_for_me_say(actor=s.carer_actor, referral=s.referral, carer=s.carer)
    after = selectors.carer_requests(actor=s.carer_actor, carer=s.carer)
    assert s.referral.pk not in {r.pk for r, _ in after.might_like}


def test_saying_it_twice_is_refused(scheme):
    s = scheme
    not_for_me_say(actor=s.you, referral=s.referral, carer=s.carer)
    with pytest.raises(ValidationError, match="already said"):
        not_for_me_say(actor=s.you, referral=s.referral, carer=s.carer)


def test_someone_else_cannot_say_it(scheme):
    s = scheme
    with pytest.raises(PermissionDenied):
        not_for_me_say(actor=s.other_carer_actor, referral=s.referral, carer=s.carer)
    with pytest.raises(ValidationError, match="Say how Sam showed it"):
        not_for_me_say(actor=s.representative, referral=s.referral, carer=s.carer)
    assert not NotForMe.objects.exists()


def test_a_person_who_said_no_is_not_offered_to_the_household_until_it_may_ask_again(scheme):
    s = scheme
    said = not_for_me_say(actor=s.you, referral=s.referral, carer=s.carer)
    found = selectors.carer_requests(actor=s.carer_actor, carer=s.carer)
    assert s.referral.pk not in {r.pk for r, _ in found.might_like}
    said.said_at = timezone.now() - timedelta(days=190)
    said.save()
    found = selectors.carer_requests(actor=s.carer_actor, carer=s.carer)
    assert s.referral.pk in {r.pk for r, _ in found.might_like}

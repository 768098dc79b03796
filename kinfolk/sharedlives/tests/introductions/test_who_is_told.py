"""Each side of an introduction is told what the other side did, and nobody else is."""

import pytest

from kinfolk.notifications.models import Notification
from kinfolk.sharedlives.introductions.services import interest_express, introduction_decline
from kinfolk.sharedlives.tests.journeys import agreed, both_say_yes

pytestmark = pytest.mark.django_db


def _told(actor):
    return list(Notification.objects.filter(recipient=actor.user).values_list("text", flat=True))


def test_when_sam_says_yes_the_household_is_asked_and_nobody_else(scheme):
    s = scheme
    interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    assert _told(s.carer_actor) == ["Sam would like to meet you."]
    for outsider in (s.other_carer_actor, s.other_worker, s.you):
        assert _told(outsider) == []


def test_when_the_household_says_yes_sam_and_whoever_acts_for_him_are_asked(scheme):
    s = scheme
    s.referral.share_with_suitable_carers = True
    s.referral.save()
    interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)
    message = "The Hughes household would like to meet you."
    assert _told(s.you) == [message]
    assert _told(s.representative) == ["The Hughes household would like to meet Sam."]


def test_both_yeses_tell_both_sides_and_sams_worker(scheme):
    s = scheme
    both_say_yes(s)
    both = "Sam and The Hughes household both said yes to meeting."
    assert both in _told(s.you) and both in _told(s.carer_actor) and both in _told(s.worker)
    assert _told(s.other_worker) == []


def test_a_no_tells_the_other_side_kindly(scheme):
    s = scheme
    introduction = both_say_yes(s)
    introduction_decline(actor=s.carer_actor, introduction=introduction)
    assert "The Hughes household has decided not to go ahead." in _told(s.you)
    assert not any("decided" in text for text in _told(s.carer_actor))


def test_both_agreeing_is_told_once_to_everyone_concerned(scheme):
    s = scheme
    agreed(s)
    message = "Sam and The Hughes household have both agreed."
    assert _told(s.you).count(message) == 1 and _told(s.carer_actor).count(message) == 1

"""A household stops being Shared Lives carers: no one living with them is left without a next
step, open introductions close with a clear reason, and both sides are told."""

from html import unescape

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinfolk.notifications.models import Notification
from kinfolk.sharedlives.arrangements.services import HOUSEHOLD_LEFT_REASON, household_leaves
from kinfolk.sharedlives.models import ArrangementStatus, CarerStatus, Introduction, Stage
from kinfolk.sharedlives.tests.journeys import TODAY, agreed, both_say_yes, start


def _told(actor):
    return list(Notification.objects.filter(recipient=actor.user).values_list("text", flat=True))


def test_leaving_needs_a_next_step_for_someone_living_with_them(scheme):
    s = scheme
    arrangement = start(s, agreed(s))
    with pytest.raises(ValidationError, match="what happens next for Sam"):
        household_leaves(
            actor=s.carer_actor, carer=s.carer, in_their_words="We are moving", next_steps={}
        )
    with pytest.raises(ValidationError, match="what happens next for Sam"):
        household_leaves(
            actor=s.carer_actor,
            carer=s.carer,
            in_their_words="We are moving",
            next_steps={arrangement.pk: "   "},
        )
    s.carer.refresh_from_db()
    arrangement.refresh_from_db()
    assert s.carer.status == CarerStatus.APPROVED
    assert arrangement.status == ArrangementStatus.ACTIVE


def test_leaving_ends_arrangements_with_their_next_step_and_closes_introductions(scheme):
    s = scheme
    arrangement = start(s, agreed(s))
    other = both_say_yes_with_someone_else(s)
    household_leaves(
        actor=s.carer_actor,
        carer=s.carer,
        in_their_words="We are moving abroad",
        next_steps={arrangement.pk: "Moves to the Ahmed household, who know Sam"},
    )
    s.carer.refresh_from_db()
    arrangement.refresh_from_db()
    other.refresh_from_db()
    assert s.carer.status == CarerStatus.LEFT
    assert s.carer.left_in_their_words == "We are moving abroad"
    assert arrangement.status == ArrangementStatus.ENDED
    assert arrangement.next_step == "Moves to the Ahmed household, who know Sam"
    assert arrangement.ended_by_side == "carer"
    assert other.stage == Stage.CLOSED and other.closed_reason == HOUSEHOLD_LEFT_REASON
    assert s.carer.places_in_use == 0


def both_say_yes_with_someone_else(s):
    from kinfolk.people.tests.factories import PersonFactory
    from kinfolk.sharedlives.tests.factories import ReferralFactory

    referral = ReferralFactory(
        person=PersonFactory(area=s.person.area, given_name="Ada"), created_by=s.worker.user
    )
    from kinfolk.sharedlives.introductions.services import interest_express

    return interest_express(actor=s.carer_actor, referral=referral, carer=s.carer)


def test_both_sides_are_told_without_reasons_or_health_details(scheme):
    s = scheme
    introduction = both_say_yes(s)
    household_leaves(actor=s.worker, carer=s.carer, in_their_words="Our health", next_steps={})
    assert "The Hughes household is no longer offering Shared Lives." in _told(s.you)
    assert "The Hughes household is no longer offering Shared Lives." in _told(s.representative)
    assert "The Hughes household is no longer offering Shared Lives." in _told(s.worker)
    assert "You are no longer a Shared Lives carer. Thank you." in _told(s.carer_actor)
    assert not any("health" in t for t in _told(s.you))
    introduction.refresh_from_db()
    assert introduction.stage == Stage.CLOSED


def test_only_the_carer_or_a_scheme_worker_of_the_area_records_leaving(scheme):
    s = scheme
    for actor in (s.other_carer_actor, s.you, s.representative):
        with pytest.raises(PermissionDenied):
            household_leaves(actor=actor, carer=s.carer, in_their_words="x", next_steps={})
    s.carer.refresh_from_db()
    assert s.carer.status == CarerStatus.APPROVED


def test_the_leaving_page_lists_who_lives_there_then_confirms_what_will_happen(
    scheme, signed_in_client
):
    s = scheme
    arrangement = start(s, agreed(s))
    client = signed_in_client(s.carer_actor.membership)
    url = reverse("sharedlives:carer_leave", args=[s.carer.pk])
    text = unescape(client.get(url).content.decode())
    assert "Stop being Shared Lives carers" in text
    assert "Sam" in text and "Lives with you" in text
    fields = {
        "in_their_words": "We are retiring",
        "left_on_day": TODAY.day,
        "left_on_month": TODAY.month,
        "left_on_year": TODAY.year,
    }
    text = unescape(client.post(url, fields).content.decode())
    assert "There is a problem" in text and "Record what happens next for Sam" in text
    fields[f"next_step_{arrangement.pk}"] = "Moves back to her sister's, with support"
    text = unescape(client.post(url, fields).content.decode())
    assert "Check before you stop" in text
    assert "1 arrangement will end" in text
    assert "Moves back to her sister's, with support" in text
    s.carer.refresh_from_db()
    assert s.carer.status == CarerStatus.APPROVED  # nothing happens before confirming
    response = client.post(url, {**fields, "confirm": "yes"})
    assert response.status_code == 302
    s.carer.refresh_from_db()
    assert s.carer.status == CarerStatus.LEFT
    assert Introduction.objects.filter(carer=s.carer, stage=Stage.ARRANGED).exists()


def test_another_carer_cannot_open_the_leaving_page(scheme, signed_in_client):
    s = scheme
    url = reverse("sharedlives:carer_leave", args=[s.carer.pk])
    response = signed_in_client(s.other_carer_actor.membership).get(url)
    assert response.status_code == 403

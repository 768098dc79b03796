"""An arrangement needs both agreements and signatures, a free place and a covering approval;
reviews are scheduled; either side may end it."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinfolk.sharedlives.arrangements.services import arrangement_end, review_request
from kinfolk.sharedlives.introductions.services import arrangement_agree
from kinfolk.sharedlives.models import (
    Arrangement,
    ArrangementReview,
    Carer,
    ReviewKind,
    Side,
    Stage,
)
from kinfolk.sharedlives.tests.journeys import agreed, both_say_yes, start, through_the_meetings

TODAY = date.today()


def test_an_arrangement_needs_both_agreements_and_signatures(scheme):
    s = scheme
    introduction = through_the_meetings(s, both_say_yes(s))
    arrangement_agree(actor=s.you, introduction=introduction)
    with pytest.raises(ValidationError, match="Both"):
        start(s, introduction)
    introduction = arrangement_agree(actor=s.carer_actor, introduction=introduction)
    with pytest.raises(ValidationError, match="Arrangement Agreement"):
        start(s, introduction, agreement_signed_by_carer_on=None)
    with pytest.raises(ValidationError, match="Licence"):
        start(s, introduction, licence_signed_by_person_on=None)
    assert not Arrangement.objects.exists()
    arrangement = start(s, introduction)
    assert arrangement.person_agreed_at and arrangement.carer_agreed_at
    introduction.refresh_from_db()
    assert introduction.stage == Stage.ARRANGED


def test_the_database_refuses_an_unsigned_or_unlicensed_arrangement(scheme):
    s = scheme
    introduction = agreed(s)
    base = dict(
        area=s.carer.area,
        introduction=introduction,
        person=s.person,
        carer=s.carer,
        arrangement_type="long_term",
        starts_on=TODAY,
        person_agreed_at=introduction.person_agreed_at,
        carer_agreed_at=introduction.carer_agreed_at,
        agreement_signed_by_person_on=TODAY,
        agreement_signed_by_carer_on=TODAY,
        created_by=s.worker.user,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Arrangement.objects.create(**base)  # no licence
    with pytest.raises(IntegrityError), transaction.atomic():
        Arrangement.objects.create(
            **{**base, "arrangement_type": "short_breaks", "agreement_signed_by_person_on": None}
        )


def test_the_last_place_cannot_be_filled_twice(scheme):
    s = scheme
    Carer.objects.filter(pk=s.carer.pk).update(places=1)
    arrangement = start(s, agreed(s))
    assert arrangement.pk
    s.carer.refresh_from_db()
    assert s.carer.places_in_use == 1 and s.carer.free_places == 0
    with pytest.raises(IntegrityError, match="fewer places than people"), transaction.atomic():
        Carer.objects.filter(pk=s.carer.pk).update(places=0)


def test_a_refusal_by_the_database_reads_as_a_sentence_not_an_error_page(scheme, monkeypatch):
    """If the database refuses what the service's own checks let through (a household
    suspended by a script a moment before, say), the worker reads why and nothing is kept."""
    from kinfolk.sharedlives.arrangements import services

    s = scheme
    introduction = agreed(s)
    monkeypatch.setattr(services, "carer_lock", lambda carer: _suspended_behind_our_back(carer))
    with pytest.raises(ValidationError) as refused:
        start(s, introduction)
    assert refused.value.messages == ["The Hughes household is not approved now."]
    assert not Arrangement.objects.exists()


def _suspended_behind_our_back(carer):
    locked = Carer.objects.select_for_update().get(pk=carer.pk)
    Carer.objects.filter(pk=carer.pk).update(status="suspended")
    return locked


def test_the_approval_must_cover_the_arrangement(scheme):
    s = scheme
    introduction = agreed(s)
    Carer.objects.filter(pk=s.carer.pk).update(approved_needs=["autism"])
    with pytest.raises(ValidationError, match="approval does not cover"):
        start(s, introduction)


def test_reviews_are_scheduled_at_four_weeks_monthly_then_annually(scheme):
    s = scheme
    arrangement = start(s, agreed(s))
    kinds = list(
        ArrangementReview.objects.filter(arrangement=arrangement).values_list("kind", "due_on")
    )
    assert kinds[0] == (ReviewKind.FOUR_WEEK, TODAY + timedelta(weeks=4))
    assert [k for k, _ in kinds].count(ReviewKind.MONTHLY_VISIT) == 5
    assert kinds[-1][0] == ReviewKind.ANNUAL


def test_ending_a_live_in_arrangement_needs_a_next_step(scheme):
    s = scheme
    arrangement = start(s, agreed(s))
    with pytest.raises(ValidationError, match="why the arrangement is ending"):
        arrangement_end(
            actor=s.you, arrangement=arrangement, reason="\u200b \u00a0\u2066\u2069\ufeff"
        )
    with pytest.raises(ValidationError, match="no one is left without support"):
        arrangement_end(actor=s.you, arrangement=arrangement, reason="I want to move")
    with pytest.raises(ValidationError, match="no one is left without support"):
        arrangement_end(
            actor=s.you,
            arrangement=arrangement,
            reason="I want to move",
            next_step="\u200b \u00a0\u2066\u2069\ufeff",
        )
    ended = arrangement_end(
        actor=s.you,
        arrangement=arrangement,
        reason="I want to move nearer my sister",
        next_step="Moving to supported living on Park Road with my sister nearby",
    )
    assert ended.ended_by_side == Side.PERSON
    s.carer.refresh_from_db()
    assert s.carer.places_in_use == 0
    with pytest.raises(IntegrityError), transaction.atomic():
        Arrangement.objects.filter(pk=arrangement.pk).update(next_step="")


def test_either_side_can_ask_for_a_review(scheme):
    s = scheme
    arrangement = start(s, agreed(s))
    review = review_request(
        actor=s.carer_actor, arrangement=arrangement, reason="Night-time routine"
    )
    assert review.requested_by_side == Side.CARER and review.kind == ReviewKind.REQUESTED

"""Each side says its own yes or no at every stage; anyone recording it for them says how the
side showed it, and the final agreement is never a worker's (ADR 0027)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinfolk.sharedlives.introductions.services import (
    arrangement_agree,
    interest_express,
    introduction_decline,
    stage_view_record,
)
from kinfolk.sharedlives.models import Introduction, SaidFor, Side, Stage, StageView
from kinfolk.sharedlives.tests.journeys import both_say_yes, through_the_meetings


def test_the_person_says_yes_for_themselves_and_nothing_is_recorded_for_them(scheme):
    s = scheme
    interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    assert not SaidFor.objects.exists()


def test_a_worker_proposes_an_introduction_for_the_person_with_how_they_showed_it(scheme):
    s = scheme
    introduction = interest_express(
        actor=s.worker,
        referral=s.referral,
        carer=s.carer,
        side=Side.PERSON,
        shown_how="signs",
        note="Pointed at their photo and smiled",
    )
    assert introduction.person_yes_at and introduction.first_interest_from == Side.PERSON
    said = SaidFor.objects.get()
    assert (said.side, said.what, said.shown_how) == (Side.PERSON, "yes", "signs")
    assert said.recorded_by == s.worker.user and said.recorded_as == "scheme worker"
    assert said.note == "Pointed at their photo and smiled"


def test_a_representative_says_yes_only_with_how_the_person_showed_it(scheme):
    s = scheme
    with pytest.raises(ValidationError, match="Say how Sam showed it"):
        interest_express(actor=s.representative, referral=s.referral, carer=s.carer)
    assert not Introduction.objects.exists()
    interest_express(actor=s.representative, referral=s.referral, carer=s.carer, shown_how="aid")
    said = SaidFor.objects.get()
    assert said.recorded_as == "representative" and said.shown_how == "aid"


def test_each_side_says_carry_on_after_a_meeting_for_itself(scheme):
    s = scheme
    introduction = both_say_yes(s)
    introduction = stage_view_record(actor=s.you, introduction=introduction, carry_on=True)
    introduction = stage_view_record(actor=s.carer_actor, introduction=introduction, carry_on=True)
    assert introduction.stage == Stage.TEA_VISIT
    assert {(v.side, v.recorded_by) for v in StageView.objects.all()} == {
        (Side.PERSON, s.you.user),
        (Side.CARER, s.carer_actor.user),
    }
    assert not SaidFor.objects.exists()


def test_a_side_cannot_speak_for_the_other(scheme):
    s = scheme
    introduction = both_say_yes(s)
    with pytest.raises(PermissionDenied, match="only say this for yourself"):
        stage_view_record(
            actor=s.carer_actor, introduction=introduction, side=Side.PERSON, carry_on=True
        )


def test_a_worker_records_a_view_for_a_side_only_with_how_they_told_them(scheme):
    s = scheme
    introduction = both_say_yes(s)
    with pytest.raises(ValidationError, match="Say how The Hughes household showed it"):
        stage_view_record(actor=s.worker, introduction=introduction, side=Side.CARER, carry_on=True)
    assert not StageView.objects.exists()
    stage_view_record(
        actor=s.worker,
        introduction=introduction,
        side=Side.CARER,
        carry_on=True,
        shown_how="words",
        note="Told me on the phone",
    )
    said = SaidFor.objects.get()
    assert (said.side, said.what, said.stage) == (Side.CARER, "carry_on", Stage.INTRODUCTION)


def test_another_worker_cannot_record_anything_for_anyone(scheme):
    s = scheme
    introduction = both_say_yes(s)
    with pytest.raises(PermissionDenied):
        stage_view_record(
            actor=s.other_worker,
            introduction=introduction,
            side=Side.PERSON,
            carry_on=True,
            shown_how="words",
        )


def test_a_worker_can_never_agree_for_a_side_even_saying_how(scheme):
    s = scheme
    introduction = through_the_meetings(s, both_say_yes(s))
    with pytest.raises(PermissionDenied, match="A worker cannot agree for them"):
        arrangement_agree(actor=s.worker, introduction=introduction, shown_how="words")
    introduction.refresh_from_db()
    assert introduction.person_agreed_at is None and introduction.carer_agreed_at is None


def test_a_representative_agrees_for_the_person_with_how_they_showed_it(scheme):
    s = scheme
    introduction = through_the_meetings(s, both_say_yes(s))
    with pytest.raises(ValidationError, match="Say how Sam showed it"):
        arrangement_agree(actor=s.representative, introduction=introduction)
    arrangement_agree(actor=s.representative, introduction=introduction, shown_how="behaviour")
    introduction.refresh_from_db()
    assert introduction.person_agreed_at
    assert SaidFor.objects.get().what == "agree"


def test_a_worker_records_a_no_for_the_person_with_how_they_showed_it(scheme):
    s = scheme
    introduction = both_say_yes(s)
    with pytest.raises(ValidationError, match="Say how Sam showed it"):
        introduction_decline(actor=s.worker, introduction=introduction, side=Side.PERSON)
    closed = introduction_decline(
        actor=s.worker, introduction=introduction, side=Side.PERSON, shown_how="behaviour"
    )
    assert closed.stage == Stage.CLOSED and closed.closed_by_side == Side.PERSON
    assert SaidFor.objects.get().what == "no"


def test_an_unknown_way_of_showing_it_is_refused(scheme):
    s = scheme
    with pytest.raises(ValidationError, match="from the list"):
        interest_express(
            actor=s.worker, referral=s.referral, carer=s.carer, side=Side.PERSON, shown_how="x"
        )


def test_the_database_refuses_a_record_for_someone_without_how_they_showed_it(scheme):
    from django.db import IntegrityError, transaction

    s = scheme
    introduction = both_say_yes(s)
    with pytest.raises(IntegrityError), transaction.atomic():
        SaidFor.objects.create(
            area=introduction.area,
            person=s.person,
            carer=s.carer,
            introduction=introduction,
            side=Side.PERSON,
            what="yes",
            recorded_by=s.worker.user,
            recorded_as="scheme worker",
            shown_how="",
        )


def test_the_api_records_for_someone_only_with_how_they_showed_it(scheme):
    import json

    from django.test import Client

    from kinfolk.accounts.services import api_token_issue

    s = scheme
    introduction = both_say_yes(s)
    s.worker.user.mfa_enabled = True
    s.worker.user.save(update_fields=["mfa_enabled"])
    token = api_token_issue(actor=s.worker, name="Scheme", second_step_done=True)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    url = f"/api/v1/shared-lives/introductions/{introduction.pk}/views"
    body = {"side": "carer", "carry_on": True}
    refused = api.post(url, json.dumps(body), content_type="application/json")
    assert refused.status_code in (400, 422) and "Say how" in refused.content.decode()
    body["shown_how"] = "words"
    assert api.post(url, json.dumps(body), content_type="application/json").status_code == 200
    assert SaidFor.objects.get().side == Side.CARER

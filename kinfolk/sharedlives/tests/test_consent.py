"""Nobody is placed: the rules that make this Shared Lives, in the services and the database."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kinfolk.sharedlives import selectors, services
from kinfolk.sharedlives.models import (
    Arrangement,
    ArrangementReview,
    Carer,
    CarerCheck,
    Introduction,
    ReviewKind,
    Side,
    Stage,
    TrainingRecord,
)
from kinfolk.sharedlives.tests.factories import CarerFactory, trained

TODAY = date.today()


def both_say_yes(s):
    services.interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    return services.interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)


def through_the_meetings(s, introduction):
    for _stage in (Stage.INTRODUCTION, Stage.TEA_VISIT, Stage.TRIAL_STAY):
        for side in (Side.PERSON, Side.CARER):
            introduction = services.stage_view_record(
                actor=s.worker, introduction=introduction, side=side, carry_on=True, view="Good"
            )
    return introduction


def agreed(s):
    introduction = through_the_meetings(s, both_say_yes(s))
    services.arrangement_agree(actor=s.you, introduction=introduction)
    return services.arrangement_agree(actor=s.carer_actor, introduction=introduction)


def start(s, introduction, **overrides):
    fields = dict(
        starts_on=TODAY,
        agreement_signed_by_person_on=TODAY,
        agreement_signed_by_carer_on=TODAY,
        licence_signed_by_person_on=TODAY,
        licence_signed_by_carer_on=TODAY,
    )
    fields.update(overrides)
    return services.arrangement_start(actor=s.worker, introduction=introduction, **fields)


# --- mutual consent ------------------------------------------------------------------------


def test_one_yes_is_only_interest_and_both_yes_proposes_an_introduction(scheme):
    s = scheme
    first = services.interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)
    assert first.stage == Stage.INTEREST and first.first_interest_from == Side.CARER
    second = services.interest_express(actor=s.representative, referral=s.referral, carer=s.carer)
    assert second.pk == first.pk and second.stage == Stage.INTRODUCTION
    assert second.person_yes_by == s.representative.user and second.proposed_at


def test_a_worker_cannot_say_yes_for_either_side(scheme):
    s = scheme
    with pytest.raises(PermissionDenied):
        services.interest_express(actor=s.worker, referral=s.referral, carer=s.carer)
    assert not Introduction.objects.exists()


def test_a_carer_cannot_say_yes_for_another_household(scheme):
    s = scheme
    with pytest.raises(PermissionDenied):
        services.interest_express(actor=s.other_carer_actor, referral=s.referral, carer=s.carer)


def test_carers_see_and_approach_only_people_who_chose_to_be_seen(scheme):
    s = scheme
    s.referral.share_with_suitable_carers = False
    s.referral.save()
    with pytest.raises(PermissionDenied):
        services.interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)


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
    introduction = services.stage_view_record(
        actor=s.you, introduction=introduction, side=Side.PERSON, carry_on=True
    )
    closed = services.introduction_decline(actor=s.carer_actor, introduction=introduction)
    assert closed.stage == Stage.CLOSED and closed.closed_by_side == Side.CARER
    assert closed.closed_reason == ""
    # Nothing counts against them: the household is suggested to others as before, and the
    # person can be introduced elsewhere.
    assert selectors.held_back_carers(area=s.carer.area, carers=[s.carer]) == {}


def test_a_no_after_a_meeting_closes_the_introduction(scheme):
    s = scheme
    introduction = both_say_yes(s)
    introduction = services.stage_view_record(
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
    introduction = services.stage_view_record(
        actor=s.you, introduction=introduction, side=Side.PERSON, carry_on=True
    )
    assert introduction.stage == Stage.INTRODUCTION
    introduction = services.stage_view_record(
        actor=s.carer_actor, introduction=introduction, side=Side.CARER, carry_on=True
    )
    assert introduction.stage == Stage.TEA_VISIT


def test_only_each_side_can_agree_to_the_arrangement(scheme):
    s = scheme
    introduction = through_the_meetings(s, both_say_yes(s))
    assert introduction.stage == Stage.AGREEING
    with pytest.raises(PermissionDenied):
        services.arrangement_agree(actor=s.worker, introduction=introduction)
    services.arrangement_agree(actor=s.you, introduction=introduction)
    introduction.refresh_from_db()
    assert introduction.stage == Stage.AGREEING
    services.arrangement_agree(actor=s.carer_actor, introduction=introduction)
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
    services.interest_express(actor=s.carer_actor, referral=referral, carer=s.carer)
    with pytest.raises(ValidationError, match="limit"):
        services.interest_express(actor=other_actor, referral=referral, carer=s.carer)


# --- home first ----------------------------------------------------------------------------


def test_no_suggestions_until_the_person_chose_shared_lives_when_they_have_a_home(scheme):
    s = scheme
    s.referral.has_own_home = s.referral.family_able_to_support = True
    s.referral.save()
    with pytest.raises(services.HomeFirst, match="own choice"):
        services.suggestions(actor=s.worker, referral=s.referral)
    with pytest.raises(services.HomeFirst):
        services.interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    services.persons_choice_record(
        actor=s.worker, referral=s.referral, words="I want to live with a family, not alone"
    )
    assert [x.carer for x in services.suggestions(actor=s.worker, referral=s.referral)]


def test_a_hospital_discharge_referral_can_never_skip_the_persons_choice(scheme):
    s = scheme
    s.referral.source = "hospital_discharge"
    s.referral.has_own_home = s.referral.family_able_to_support = False
    s.referral.save()
    with pytest.raises(services.HomeFirst, match="hospital discharge"):
        services.suggestions(actor=s.worker, referral=s.referral)


def test_a_hospital_discharge_referral_must_answer_the_home_question(scheme):
    s = scheme
    s.referral.status = "closed"
    s.referral.save()
    with pytest.raises(ValidationError, match="own home"):
        services.referral_create(
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
        services.persons_choice_record(actor=s.worker, referral=s.referral, words="yes")
    with pytest.raises(PermissionDenied):
        services.persons_choice_record(
            actor=s.other_worker, referral=s.referral, words="I would like to try it"
        )


# --- suggestions ---------------------------------------------------------------------------


def test_suggestions_show_every_suitable_household_with_reasons(scheme):
    s = scheme
    found = services.suggestions(actor=s.you, referral=s.referral)
    assert {x.carer.name for x in found} == {"The Hughes household", "The Ahmed household"}
    assert any("gardening" in reason for x in found for reason in x.reasons)


def test_expired_training_or_an_overdue_review_stops_new_introductions(scheme):
    s = scheme
    TrainingRecord.objects.filter(carer=s.carer, course="first_aid").update(
        expires_on=TODAY - timedelta(days=1)
    )
    assert "First aid training has expired" in selectors.carer_flags(carer=s.carer)
    assert s.carer not in [x.carer for x in services.suggestions(actor=s.you, referral=s.referral)]
    reasons = services.why_not_suggested(actor=s.worker, referral=s.referral, carer=s.carer)
    assert "First aid training has expired" in reasons
    with pytest.raises(ValidationError, match="First aid"):
        services.interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    TrainingRecord.objects.filter(carer=s.carer, course="first_aid").update(
        expires_on=TODAY + timedelta(days=400)
    )
    CarerCheck.objects.create(
        area=s.carer.area, carer=s.carer, kind="annual_review", due_on=TODAY - timedelta(days=3)
    )
    assert any("overdue" in f for f in selectors.carer_flags(carer=s.carer))


def test_why_not_names_the_hard_constraint(scheme):
    s = scheme
    s.carer.pets = "two cats"
    s.carer.save()
    s.referral.pet_allergy = True
    s.referral.save()
    reasons = services.why_not_suggested(actor=s.worker, referral=s.referral, carer=s.carer)
    assert any("two cats" in r and "allergic" in r for r in reasons)


# --- arrangements --------------------------------------------------------------------------


def test_an_arrangement_needs_both_agreements_and_signatures(scheme):
    s = scheme
    introduction = through_the_meetings(s, both_say_yes(s))
    services.arrangement_agree(actor=s.you, introduction=introduction)
    with pytest.raises(ValidationError, match="Both"):
        start(s, introduction)
    introduction = services.arrangement_agree(actor=s.carer_actor, introduction=introduction)
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
    with pytest.raises(IntegrityError), transaction.atomic():
        Carer.objects.filter(pk=s.carer.pk).update(places_in_use=2)


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
        services.arrangement_end(
            actor=s.you, arrangement=arrangement, reason="\u200b \u00a0\u2066\u2069\ufeff"
        )
    with pytest.raises(ValidationError, match="no one is left without support"):
        services.arrangement_end(actor=s.you, arrangement=arrangement, reason="I want to move")
    with pytest.raises(ValidationError, match="no one is left without support"):
        services.arrangement_end(
            actor=s.you,
            arrangement=arrangement,
            reason="I want to move",
            next_step="\u200b \u00a0\u2066\u2069\ufeff",
        )
    ended = services.arrangement_end(
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
    review = services.review_request(
        actor=s.carer_actor, arrangement=arrangement, reason="Night-time routine"
    )
    assert review.requested_by_side == Side.CARER and review.kind == ReviewKind.REQUESTED


# --- carers' approval ----------------------------------------------------------------------


def test_panel_approves_only_a_complete_application_and_never_more_than_three_places(scheme, area):
    s = scheme
    carer = services.carer_enquiry(actor=s.worker, name="The Khan household", postcode="HX3 1AA")
    with pytest.raises(ValidationError, match="Missing"):
        services.panel_decision_record(
            actor=s.worker,
            carer=carer,
            panel_date=TODAY,
            members="A Chair (independent); B Member (expert by experience)",
            decision="approved",
            approved_types=["long_term"],
            places=1,
        )
    from kinfolk.sharedlives.models import ApplicationStep

    for step in ApplicationStep.values:
        services.application_check_record(
            actor=s.worker, carer=carer, step=step, completed_on=TODAY
        )
    carer.refresh_from_db()
    assert carer.status == "at_panel"
    with pytest.raises(ValidationError, match="1 to 3"):
        services.panel_decision_record(
            actor=s.worker,
            carer=carer,
            panel_date=TODAY,
            members="A Chair (independent)",
            decision="approved",
            approved_types=["long_term"],
            places=4,
        )
    with pytest.raises(ValidationError, match="reasons"):
        services.panel_decision_record(
            actor=s.worker,
            carer=carer,
            panel_date=TODAY,
            members="A Chair (independent)",
            decision="deferred",
        )
    with pytest.raises(ValidationError, match="reasons"):  # invisible characters are not reasons
        services.panel_decision_record(
            actor=s.worker,
            carer=carer,
            panel_date=TODAY,
            members="A Chair (independent)",
            decision="deferred",
            reasons="\u200b \u00a0\u2066\u2069\ufeff",
        )
    services.panel_decision_record(
        actor=s.worker,
        carer=carer,
        panel_date=TODAY,
        members="A Chair (independent)",
        decision="approved",
        approved_types=["long_term"],
        approved_needs=["autism"],
        places=2,
        rooms=2,
    )
    carer.refresh_from_db()
    assert carer.status == "approved" and carer.places == 2
    assert CarerCheck.objects.filter(carer=carer).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        Carer.objects.filter(pk=carer.pk).update(places=4)


def test_training_expiry_follows_the_course(scheme):
    s = scheme
    carer = trained(CarerFactory(area=s.carer.area))
    record = services.training_record(
        actor=s.worker, carer=carer, course="medication", completed_on=date(2025, 3, 1)
    )
    assert record.expires_on == date(2027, 3, 1)
    record = services.training_record(
        actor=s.worker, carer=carer, course="safeguarding", completed_on=date(2024, 2, 29)
    )
    assert record.expires_on == date(2027, 2, 28)


def test_only_scheme_workers_manage_carers(scheme):
    s = scheme
    with pytest.raises(PermissionDenied):
        services.training_record(
            actor=s.carer_actor, carer=s.carer, course="medication", completed_on=TODAY
        )


def test_an_arrangement_is_an_episode_for_the_connection_test(scheme):
    from kinfolk.wellbeing.models import Episode

    s = scheme
    arrangement = start(s, agreed(s))
    episode = Episode.objects.get(person=s.person)
    assert episode.kind == "shared_lives" and episode.started_on == arrangement.starts_on
    services.arrangement_end(
        actor=s.carer_actor,
        arrangement=arrangement,
        reason="We are moving away",
        next_step="Introductions to two households near Sam's sister have started",
    )
    episode.refresh_from_db()
    assert episode.ended_on == TODAY

"""Closed-loop social prescribing: consent, codes, who sees what, messages back, FHIR."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kinfolk.accounts.models import Role
from kinfolk.directory.tests.factories import service
from kinfolk.social_prescribing import fhir, selectors, services
from kinfolk.social_prescribing.models import (
    DECLINED_CODE,
    REFERRAL_CODE,
    OrganizationMember,
    Referral,
)
from kinfolk.wellbeing.services import response_record

ONS4 = {"life_satisfaction": 4, "worthwhile": 5, "happiness": 4, "anxiety": 7}
LATER = {"life_satisfaction": 7, "worthwhile": 7, "happiness": 6, "anxiety": 4}


@pytest.fixture
def loop(area, make_member, actor_for):
    gp = actor_for(make_member(Role.REFERRER, area))
    other_gp = actor_for(make_member(Role.REFERRER, area))
    link = actor_for(make_member(Role.LINK_WORKER, area))
    group_member = actor_for(make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area))
    other_group = actor_for(make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area))
    walk = service(area, "Walking group")
    choir = service(area, "Community choir")
    OrganizationMember.objects.create(organization=walk.organization, user=group_member.user)
    OrganizationMember.objects.create(organization=choir.organization, user=other_group.user)
    return gp, other_gp, link, group_member, other_group, walk


def _refer(gp, **overrides):
    fields = dict(
        practice="Calder Health Centre", reasons=["loneliness"], consent_recorded=True,
        consent_given_by="person", what_matters="Getting out of the house",
        new_person={"given_name": "Joan", "family_name": "Pickles", "nhs_number": "9434765919"},
    )  # fmt: skip
    fields.update(overrides)
    return services.referral_create(actor=gp, **fields)


def test_no_referral_without_recorded_consent(loop):
    gp, *_ = loop
    with pytest.raises(ValidationError, match="agreed"):
        _refer(gp, consent_recorded=False)
    assert not Referral.objects.exists()
    referral = _refer(gp)
    assert referral.code == REFERRAL_CODE
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(consent_recorded=False)


def test_the_loop_closes_with_messages_to_the_referrer(loop):
    gp, other_gp, link, group_member, other_group, walk = loop
    referral = _refer(gp)
    assert list(selectors.inbox(actor=link)) == [referral]
    referral = services.referral_take(actor=link, referral=referral)
    services.conversation_record(
        actor=link, referral=referral, held_on=date.today(), notes="Talked about walking"
    )
    referral.refresh_from_db()
    assert referral.status == "contacted" and referral.first_contact_at
    baseline = response_record(actor=link, person=referral.person, measure="ons4", answers=ONS4)
    services.outcome_link(actor=link, referral=referral, response=baseline, stage="baseline")
    sent = services.community_refer(actor=link, referral=referral, service=walk)
    # Only the organisation it was sent to can answer, and a decline needs a reason.
    with pytest.raises(PermissionDenied):
        services.community_decide(actor=other_group, sent=sent, accept=True)
    assert list(selectors.sent_to_my_organisations(actor=other_group)) == []
    with pytest.raises(ValidationError, match="why"):
        services.community_decide(actor=group_member, sent=sent, accept=False)
    with pytest.raises(ValidationError, match="why"):  # invisible characters are not a reason
        services.community_decide(
            actor=group_member, sent=sent, accept=False, reason="\u200b \u00a0\u2066\u2069\ufeff"
        )
    services.community_decide(actor=group_member, sent=sent, accept=True)
    services.community_started(actor=group_member, sent=sent)
    referral.refresh_from_db()
    assert referral.status == "connected"
    assert "now connected" in referral.messages.get().text
    later = response_record(actor=link, person=referral.person, measure="ons4", answers=LATER)
    services.outcome_link(actor=link, referral=referral, response=later, stage="follow_up")
    services.referral_close(actor=link, referral=referral, summary="Walking twice a week")
    assert selectors.wellbeing_change(referral)["life_satisfaction"] == 3
    texts = [m.text for m in referral.messages.all()]
    assert any("Walking twice a week" in t and "life satisfaction +3" in t for t in texts)
    assert [r.pk for r in selectors.my_referrals(actor=gp)] == [referral.pk]
    assert list(selectors.my_referrals(actor=other_gp)) == []
    from kinfolk.wellbeing.models import Episode

    assert Episode.objects.get(person=referral.person).kind == "social_prescribing"


def test_a_decline_is_coded_and_the_referrer_is_told(loop):
    gp, _, link, *_ = loop
    referral = _refer(gp)
    referral = services.referral_take(actor=link, referral=referral)
    services.referral_decline(actor=link, referral=referral, reason="Not right now")
    referral.refresh_from_db()
    assert referral.status == "declined" and referral.code == DECLINED_CODE
    assert "decided not to" in referral.messages.get().text


def test_only_the_link_worker_who_took_it_works_on_it(loop, area, make_member, actor_for):
    gp, _, link, *_ = loop
    other_link = actor_for(make_member(Role.LINK_WORKER, area))
    referral = _refer(gp)
    referral = services.referral_take(actor=link, referral=referral)
    with pytest.raises(ValidationError, match="already taken"):
        services.referral_take(actor=other_link, referral=referral)
    with pytest.raises(PermissionDenied):
        services.goal_add(actor=other_link, referral=referral, in_their_words="Walk more")
    with pytest.raises(PermissionDenied):
        selectors.referral_get(actor=other_link, referral_id=referral.pk)


def test_the_caseload_warning(loop):
    size = selectors.CaseloadSize
    assert size(150).warning is None
    assert "at the safe size" in size(210).warning
    assert "above the safe size" in size(260).warning


def test_fhir_bundle_is_valid_and_round_trips(loop):
    from fhir.resources.R4B.bundle import Bundle

    gp, *_ = loop
    referral = _refer(gp, reasons=["loneliness", "money"])
    data = fhir.bundle(referral)
    parsed = Bundle.model_validate(data)
    kinds = [e.resource.get_resource_type() for e in parsed.entry]
    assert kinds == ["ServiceRequest", "Patient", "Task", "Consent"]
    request = parsed.entry[0].resource
    assert request.code.coding[0].code == REFERRAL_CODE
    assert request.subject.identifier.value == "9434765919"
    Referral.objects.all().delete()
    from kinfolk.people.models import Person

    Person.objects.all().delete()
    again = services.referral_create(actor=gp, **fhir.referral_from_bundle(data))
    assert again.person.full_name == "Joan Pickles" and set(again.reasons) == {
        "loneliness",
        "money",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b["entry"].pop(3), "Consent"),
        (
            lambda b: b["entry"][0]["resource"]["code"]["coding"][0].update(code="123"),
            "871731000000106",
        ),
        (lambda b: b["entry"].pop(0), "ServiceRequest"),
    ],
)
def test_an_incomplete_bundle_is_refused(loop, change, message):
    gp, *_ = loop
    data = fhir.bundle(_refer(gp))
    change(data)
    with pytest.raises(ValidationError, match=message):
        fhir.referral_from_bundle(data)


def test_a_referrer_can_refer_through_the_api_with_a_bundle(loop):
    import json

    from django.test import Client

    from kinfolk.accounts.middleware import ACTING_MEMBERSHIP_KEY

    gp, *_ = loop
    data = fhir.bundle(_refer(gp))
    Referral.objects.all().delete()
    from kinfolk.people.models import Person

    Person.objects.all().delete()
    client = Client()
    client.force_login(gp.user)
    session = client.session
    session[ACTING_MEMBERSHIP_KEY] = gp.membership.pk
    session.save()
    response = client.post(
        "/api/v1/social-prescribing/referrals/fhir", json.dumps(data),
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert Referral.objects.get().person.nhs_number == "9434765919"
    bad = client.post(
        "/api/v1/social-prescribing/referrals/fhir", json.dumps({"resourceType": "Patient"}),
        content_type="application/json",
    )  # fmt: skip
    assert bad.status_code == 422 and "Bundle" in bad.json()["detail"]


def test_waiting_for_first_contact_is_counted_against_the_target(loop, settings):
    from datetime import timedelta

    from django.utils import timezone

    gp, _, link, *_ = loop
    settings.KINFOLK_SOCIAL_PRESCRIBING_CONTACT_DAYS = 5
    referral = _refer(gp)
    Referral.objects.filter(pk=referral.pk).update(received_at=timezone.now() - timedelta(days=9))
    referral.refresh_from_db()
    assert selectors.contact_target_days() == 5
    assert selectors.days_waiting_for_contact(referral) == 9
    referral = services.referral_take(actor=link, referral=referral)
    services.conversation_record(actor=link, referral=referral, held_on=date.today(), notes="Hi")
    referral.refresh_from_db()
    assert selectors.days_waiting_for_contact(referral) is None


def test_pages_that_list_people_are_audited(loop):
    from django.test import Client

    from kinfolk.accounts.middleware import ACTING_MEMBERSHIP_KEY
    from kinfolk.core.models import AuditLog

    gp, _, link, group_member, *_ = loop
    _refer(gp)
    for actor, url, target in (
        (link, "/social-prescribing/inbox/", "social_prescribing_inbox"),
        (gp, "/social-prescribing/my-referrals/", "my_referrals"),
    ):
        client = Client()
        client.force_login(actor.user)
        session = client.session
        session[ACTING_MEMBERSHIP_KEY] = actor.membership.pk
        session.save()
        assert client.get(url).status_code == 200
        entry = AuditLog.objects.filter(target_type=target, actor=actor.user).get()
        assert entry.detail == {"count": 1}


def test_the_referral_form_audits_the_people_it_lists(area, make_member, signed_in_client):
    from kinfolk.core.models import AuditLog
    from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory

    gp = make_member(Role.REFERRER, area)
    AssignmentFactory(person=PersonFactory(area=area), worker=gp.user, kind="referrer")
    response = signed_in_client(gp).get("/social-prescribing/refer/")
    assert response.status_code == 200
    entry = AuditLog.objects.get(actor=gp.user, action="view")
    assert (entry.target_type, entry.detail) == ("person_list", {"count": 1})

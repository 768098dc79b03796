"""Social prescribing nudges: nobody waits unseen for first contact or for an organisation."""

from datetime import UTC, date, datetime, timedelta

import pytest

from kinfolk.directory.tests.factories import service as make_service
from kinfolk.notifications.models import Notification
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.social_prescribing import reminders
from kinfolk.social_prescribing.models import CommunityReferral, OrganizationMember, Referral

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


def _at(days_before: int) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_before), datetime.min.time(), UTC) + (
        timedelta(hours=10)
    )


@pytest.fixture
def people(area, make_member):
    return {
        "gp": make_member("referrer", area),
        "link": make_member("link_worker", area),
        "other_link": make_member("link_worker", area),
        "admin": make_member("area_admin", area),
    }


def _referral(area, people, days_ago, **extra):
    return Referral.objects.create(
        area=area, person=PersonFactory(area=area, given_name="Callum"), referrer=people["gp"].user,
        practice="B82005", consent_recorded=True, consent_given_by="person",
        received_at=_at(days_ago), **extra,
    )  # fmt: skip


def _told(member):
    return list(Notification.objects.filter(recipient=member.user).values_list("event", flat=True))


def test_an_untaken_referral_past_the_target_tells_every_link_worker_then_the_lead(area, people):
    _referral(area, people, 7)
    reminders.remind(TODAY)
    assert _told(people["link"]) == _told(people["other_link"]) == [reminders.NOT_CONTACTED]
    assert _told(people["admin"]) == []
    _referral(area, people, 14)
    reminders.remind(TODAY)
    assert _told(people["admin"]) == [reminders.NOT_CONTACTED_LEAD]


def test_a_taken_referral_tells_its_own_link_worker_only_and_once(area, people):
    _referral(area, people, 7, link_worker=people["link"].user)
    assert reminders.remind(TODAY) == "told:1"
    assert reminders.remind(TODAY) == "told:0"
    assert _told(people["other_link"]) == []


def test_a_contacted_referral_is_not_nudged(area, people):
    _referral(area, people, 7, first_contact_at=_at(2), status="contacted")
    assert reminders.remind(TODAY) == "told:0"


def test_an_organisation_is_nudged_at_7_days_and_the_link_worker_told_at_14(
    area, people, make_member
):
    referral = _referral(area, people, 20, link_worker=people["link"].user, status="contacted")
    walk = make_service(area)
    member = make_member("community_organisation_member", area)
    OrganizationMember.objects.create(organization=walk.organization, user=member.user)
    for days in (7, 14):
        sent = CommunityReferral.objects.create(
            area=area, referral=referral, service=walk, organization=walk.organization
        )
        CommunityReferral.objects.filter(pk=sent.pk).update(sent_at=_at(days))
    reminders.remind(TODAY)
    assert _told(member) == [reminders.ORGANISATION_NUDGE]
    assert _told(people["link"]) == [reminders.BACK_TO_LINK_WORKER]


def _sent(area, people, make_member, days_ago):
    referral = _referral(area, people, 30, link_worker=people["link"].user, status="contacted")
    walk = make_service(area)
    member = make_member("community_organisation_member", area)
    OrganizationMember.objects.create(organization=walk.organization, user=member.user)
    sent = CommunityReferral.objects.create(
        area=area, referral=referral, service=walk, organization=walk.organization
    )
    CommunityReferral.objects.filter(pk=sent.pk).update(sent_at=_at(days_ago))
    return sent, member


def test_at_14_days_the_request_goes_back_to_the_link_worker_and_the_organisation_cannot_answer(
    area, people, make_member, actor_for
):
    from django.core.exceptions import ValidationError

    from kinfolk.social_prescribing import services

    sent, member = _sent(area, people, make_member, 14)
    reminders.remind(TODAY)
    sent.refresh_from_db()
    assert sent.get_status_display() == "No answer in 14 days: back with the link worker"
    [text] = Notification.objects.filter(recipient=people["link"].user).values_list(
        "text", flat=True
    )
    assert "has come back to you" in text
    with pytest.raises(ValidationError, match="already been answered"):
        services.community_decide(actor=actor_for(member), sent=sent, accept=True)


def test_a_missed_day_still_returns_older_unanswered_requests_and_tells_once(
    area, people, make_member
):
    sent, _ = _sent(area, people, make_member, 16)
    assert reminders.remind(TODAY) == "told:1"
    assert reminders.remind(TODAY) == "told:0"
    sent.refresh_from_db()
    assert sent.status == "returned"


def test_a_request_answered_in_time_is_not_returned(area, people, make_member):
    sent, _ = _sent(area, people, make_member, 20)
    CommunityReferral.objects.filter(pk=sent.pk).update(status="accepted")
    assert reminders.remind(TODAY) == "told:0"
    sent.refresh_from_db()
    assert sent.status == "accepted"


def test_a_listing_not_confirmed_for_5_months_reminds_whoever_listed_it(area, make_member):
    from kinfolk.directory import reminders as listing_reminders

    member = make_member("community_organisation_member", area)
    walk = make_service(area)
    org = walk.organization
    org.submitted_by = member.user
    org.save()
    type(org).objects.filter(pk=org.pk).update(confirmed_at=_at(152))
    assert listing_reminders.remind(TODAY) == "told:1"
    assert listing_reminders.remind(TODAY) == "told:0"
    [text] = Notification.objects.filter(recipient=member.user).values_list("text", flat=True)
    assert "Confirm it by 24 December 2026" in text
    type(org).objects.filter(pk=org.pk).update(confirmed_at=_at(100))
    assert listing_reminders.remind(TODAY) == "told:0"

"""Each role's job: the link worker reads a referral before taking it and chooses activities
from a short search; the organisation sees its requests in order, with dates, and how to reach
the person only as they agreed; the referrer chooses their practice from the area's list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.core.models import AuditLog
from kinfolk.core.tests import pages
from kinfolk.directory.tests.factories import service
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
from kinfolk.social_prescribing import selectors, services
from kinfolk.social_prescribing.models import (
    DECLINED_CODE,
    CommunityReferral,
    OrganizationMember,
    Referral,
)


@pytest.fixture
def gp(area, make_member, actor_for):
    return actor_for(make_member(Role.REFERRER, area, display_name="Dr Tom Whitfield"))


@pytest.fixture
def link(area, make_member):
    return make_member(
        Role.LINK_WORKER, area, display_name="Kwame Mensah", email="kwame@calder.example"
    )


def _refer(gp, area, **person):
    joan = PersonFactory(
        area=area, given_name="Joan", family_name="Pickles", phone="01422 123456",
        email="joan@example.org", **person,
    )  # fmt: skip
    AssignmentFactory(person=joan, worker=gp.user, kind="referrer")
    return services.referral_create(
        actor=gp, practice="B82005", reasons=["loneliness", "money"], consent_recorded=True,
        consent_given_by="person", what_matters="Getting out of the house", person=joan,
    )  # fmt: skip


def words_on(page) -> str:
    return pages.words_on(page.decode() if isinstance(page, bytes) else page)


# --- The link worker: read the referral, then take it -------------------------------------


def test_take_asks_first_and_shows_the_referral_without_taking_it(gp, area, link, signed_in_client):
    referral = _refer(gp, area)
    take = reverse("social_prescribing:take", args=[referral.pk])
    page = words_on(signed_in_client(link).get(take).content.decode())
    assert "Take Joan's referral?" in page
    assert (
        "You become Joan's link worker; the other link workers stop seeing it in the inbox." in page
    )
    assert "Joan Pickles" in page
    assert "Loneliness or isolation; Money, debt or benefits" in page
    assert "Getting out of the house" in page
    assert "Dr Tom Whitfield, Calder Health Centre (B82005)" in page
    assert "They agreed to be referred, and to a link worker contacting them" in page
    referral.refresh_from_db()
    assert referral.link_worker is None  # reading it took nothing
    read = AuditLog.objects.filter(actor=link.user, action="view", person_id=referral.person_id)
    assert read.filter(target_type="referral", target_id=str(referral.pk)).exists()


def test_the_inbox_shows_each_referral_and_links_to_the_question(gp, area, link, signed_in_client):
    referral = _refer(gp, area)
    Referral.objects.filter(pk=referral.pk).update(received_at=timezone.now() - timedelta(days=9))
    html = signed_in_client(link).get(reverse("social_prescribing:inbox")).content.decode()
    page = words_on(html)
    assert "Why: Loneliness or isolation; Money, debt or benefits" in page
    assert "waiting 9 days over the 7-day target" in page
    assert "What matters to Joan Getting out of the house" in page
    assert f'href="{reverse("social_prescribing:take", args=[referral.pk])}"' in html
    take = reverse("social_prescribing:take", args=[referral.pk])
    assert f'action="{take}"' not in html  # nothing is taken from the list itself


def test_taking_makes_them_the_link_worker_and_it_leaves_the_others_inbox(
    gp, area, link, make_member, signed_in_client
):
    referral = _refer(gp, area)
    colleague = make_member(Role.LINK_WORKER, area)
    take = reverse("social_prescribing:take", args=[referral.pk])
    answer = signed_in_client(link).post(take)
    assert answer["Location"] == reverse("social_prescribing:referral", args=[referral.pk])
    referral.refresh_from_db()
    assert referral.link_worker == link.user
    inbox = words_on(signed_in_client(colleague).get(reverse("social_prescribing:inbox")).content)
    assert "Joan Pickles" not in inbox and "No new referrals." in inbox
    assert signed_in_client(colleague).get(take).status_code == 404


@pytest.mark.parametrize(
    "role", [Role.REFERRER, Role.COMMUNITY_ORGANISATION_MEMBER, Role.COMMISSIONER, Role.PERSON]
)
def test_only_a_link_worker_reads_a_referral_waiting_in_the_inbox(
    gp, area, make_member, signed_in_client, role
):
    referral = _refer(gp, area)
    page = signed_in_client(make_member(role, area)).get(
        reverse("social_prescribing:take", args=[referral.pk])
    )
    assert page.status_code == 403
    assert "Getting out of the house" not in page.content.decode()


def test_a_link_worker_in_another_area_does_not_find_it(
    gp, area, other_area, make_member, signed_in_client
):
    referral = _refer(gp, area)
    elsewhere = make_member(Role.LINK_WORKER, other_area)
    take = reverse("social_prescribing:take", args=[referral.pk])
    assert signed_in_client(elsewhere).get(take).status_code == 404
    assert signed_in_client(elsewhere).post(take).status_code == 404
    referral.refresh_from_db()
    assert referral.link_worker is None


# --- The link worker: an activity from a short search -------------------------------------


def _taken(gp, area, link, actor_for):
    return services.referral_take(actor=actor_for(link), referral=_refer(gp, area))


def test_activities_come_from_a_search_as_a_short_list(gp, area, link, actor_for, signed_in_client):
    referral = _taken(gp, area, link, actor_for)
    for n in range(25):
        service(area, f"Walking group {n:02d}")
    service(area, "Community choir")
    client = signed_in_client(link)
    detail = reverse("social_prescribing:referral", args=[referral.pk])
    before = client.get(detail).content.decode()
    assert 'name="find"' in before and 'name="service"' not in before and "<select" not in before
    html = client.get(detail, {"find": "walking"}).content.decode()
    assert html.count('name="service"') == 20 and 'type="radio"' in html
    page = words_on(html)
    assert (
        "The first 20 of 25 services that match “walking”, by name: add words to narrow it." in page
    )
    assert "Search again" in page and "Community choir" not in page
    assert "Walking group 00 (Walking group 00 people)" in page
    few = words_on(client.get(detail, {"find": "choir"}).content.decode())
    assert "1 service matches “choir”." in few
    none = words_on(client.get(detail, {"find": "zzzzqqq"}).content.decode())
    assert "Nothing in the directory matches “zzzzqqq”. Try other or fewer words." in none


def test_sending_an_activity_records_whether_they_agreed_to_be_contacted(
    gp, area, link, actor_for, signed_in_client
):
    referral = _taken(gp, area, link, actor_for)
    walk = service(area, "Walking group")
    client = signed_in_client(link)
    url = reverse("social_prescribing:community_refer", args=[referral.pk])
    client.post(url, {"service": str(walk.pk), "contact_shared": "on"})
    assert CommunityReferral.objects.get().contact_shared is True
    nothing = client.post(url, {"service": ""}, follow=True)
    assert "Choose an activity from the directory." in words_on(nothing.content.decode())
    assert CommunityReferral.objects.count() == 1


# --- The community organisation ------------------------------------------------------------


def _sent(gp, area, link, actor_for, make_member, *, contact_shared):
    referral = _taken(gp, area, link, actor_for)
    walk = service(area, "Walking group")
    member = make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area)
    OrganizationMember.objects.create(organization=walk.organization, user=member.user)
    sent = services.community_refer(
        actor=actor_for(link), referral=referral, service=walk, contact_shared=contact_shared
    )
    return sent, member


def test_the_organisation_reads_how_to_reach_joan_only_after_accepting(
    gp, area, link, actor_for, make_member, signed_in_client
):
    sent, member = _sent(gp, area, link, actor_for, make_member, contact_shared=True)
    client = signed_in_client(member)
    before = words_on(client.get(reverse("social_prescribing:community")).content.decode())
    assert "Joan: Walking group" in before and "Sent on" in before
    assert "01422 123456" not in before and "joan@example.org" not in before
    assert "Pickles" not in before
    assert "Link worker Kwame Mensah, kwame@calder.example" in before
    services.community_decide(actor=actor_for(member), sent=sent, accept=True)
    after = words_on(client.get(reverse("social_prescribing:community")).content.decode())
    assert "How to reach Joan Phone 01422 123456 Email joan@example.org" in after
    assert "Answered on" in after and "Started on" not in after
    services.community_started(actor=actor_for(member), sent=sent)
    started = words_on(client.get(reverse("social_prescribing:community")).content.decode())
    assert "Started on" in started


def test_without_consent_to_share_the_organisation_is_told_to_ask_the_link_worker(
    gp, area, link, actor_for, make_member, signed_in_client
):
    sent, member = _sent(gp, area, link, actor_for, make_member, contact_shared=False)
    services.community_decide(actor=actor_for(member), sent=sent, accept=True)
    page = words_on(signed_in_client(member).get(reverse("social_prescribing:community")).content)
    assert (
        "How to reach Joan Joan did not agree to their phone or email being shared with you. "
        "Ask the link worker." in page
    )
    assert "01422 123456" not in page and "joan@example.org" not in page
    assert "kwame@calder.example" in page


def test_another_organisation_sees_nothing(
    gp, area, link, actor_for, make_member, signed_in_client
):
    sent, member = _sent(gp, area, link, actor_for, make_member, contact_shared=True)
    services.community_decide(actor=actor_for(member), sent=sent, accept=True)
    choir = service(area, "Community choir")
    other = make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area)
    OrganizationMember.objects.create(organization=choir.organization, user=other.user)
    page = words_on(signed_in_client(other).get(reverse("social_prescribing:community")).content)
    assert "Nothing has been sent to your organisation." in page
    assert "Joan" not in page and "01422 123456" not in page


def test_requests_waiting_for_an_answer_come_first_then_accepted_then_the_rest(
    gp, area, link, actor_for, make_member, signed_in_client
):
    referral = _taken(gp, area, link, actor_for)
    member = make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area)
    names = ["Declined walk", "Accepted walk", "Waiting walk"]
    made = {}
    for name in names:
        s = service(area, name)
        OrganizationMember.objects.create(organization=s.organization, user=member.user)
        made[name] = services.community_refer(actor=actor_for(link), referral=referral, service=s)
    services.community_decide(
        actor=actor_for(member), sent=made["Declined walk"], accept=False, reason="Full"
    )
    services.community_decide(actor=actor_for(member), sent=made["Accepted walk"], accept=True)
    page = words_on(signed_in_client(member).get(reverse("social_prescribing:community")).content)
    places = [page.index(f"Joan: {name}") for name in ("Waiting", "Accepted", "Declined")]
    assert places == sorted(places)


# --- The referrer: a practice from the list, and referrals that are stuck -------------------


def test_the_referral_form_offers_the_areas_practices_and_stores_code_and_name(
    gp, area, signed_in_client
):
    client = signed_in_client(gp.membership)
    html = client.get(reverse("social_prescribing:refer")).content.decode()
    assert '<option value="B82005">Calder Health Centre (B82005)</option>' in html
    answer = client.post(
        reverse("social_prescribing:refer"),
        {"given_name": "Joan", "family_name": "Pickles", "practice": "B82005",
         "reasons": ["loneliness"], "consent_recorded": "on", "consent_given_by": "person"},
        follow=True,
    )  # fmt: skip
    referral = Referral.objects.get()
    assert (referral.practice_code, referral.practice) == ("B82005", "Calder Health Centre")
    page = words_on(answer.content.decode())
    assert (
        f"Joan Pickles is referred: reference {referral.reference}. A link worker will contact "
        "them within 7 days." in page
    )
    assert "You will see here when they are connected to something" in page


def test_a_practice_not_on_the_list_is_refused_and_nothing_is_sent(gp, area, signed_in_client):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="is not on Calder Vale's list of practices"):
        services.referral_create(
            actor=gp, practice="Y99999", reasons=["loneliness"], consent_recorded=True,
            consent_given_by="person", new_person={"given_name": "Joan", "family_name": "P"},
        )  # fmt: skip
    answer = signed_in_client(gp.membership).post(
        reverse("social_prescribing:refer"),
        {"given_name": "Joan", "family_name": "Pickles", "practice": "Y99999",
         "reasons": ["loneliness"], "consent_recorded": "on", "consent_given_by": "person"},
    )  # fmt: skip
    assert answer.status_code == 200
    assert "Choose one of the answers for “Your practice or team”" in words_on(answer.content)
    assert not Referral.objects.exists()


def test_an_empty_practice_list_says_what_to_do(gp, area, signed_in_client):
    from kinfolk.social_prescribing.models import Practice

    Practice.objects.filter(area=area).delete()
    page = words_on(
        signed_in_client(gp.membership).get(reverse("social_prescribing:refer")).content
    )
    assert (
        "Your area's list of practices and teams is empty, so a referral cannot be sent yet. "
        "Ask your area admin to add your practice with its ODS code." in page
    )


def test_a_closed_practice_is_not_offered(gp, area, signed_in_client):
    services.practice_record(area=area, ods_code="B82099", name="Old Mill Surgery", offered=False)
    html = signed_in_client(gp.membership).get(reverse("social_prescribing:refer")).content
    assert "Old Mill Surgery" not in html.decode()


NOW = timezone.now()


def _stuck(gp, area, *, received_days, contacted_days=None, status="new", message_days=None):
    referral = _refer(gp, area)
    referral.received_at = NOW - timedelta(days=received_days)
    if contacted_days is not None:
        referral.first_contact_at, status = NOW - timedelta(days=contacted_days), "contacted"
    referral.status = status
    if status == "declined":
        referral.code = DECLINED_CODE
    referral.save()
    if message_days is not None:
        message = referral.messages.create(area=area, to=gp.user, text="News")
        referral.messages.filter(pk=message.pk).update(sent_at=NOW - timedelta(days=message_days))
    return Referral.objects.prefetch_related("messages").get(pk=referral.pk)


@pytest.mark.parametrize(
    ("stage", "flag"),
    [
        ({"received_days": 7}, None),
        ({"received_days": 8}, "Waiting 8 days for first contact"),
        ({"received_days": 40, "contacted_days": 28}, None),
        ({"received_days": 40, "contacted_days": 29}, "No news for 29 days"),
        ({"received_days": 90, "contacted_days": 60, "message_days": 10}, None),
        ({"received_days": 90, "contacted_days": 60, "message_days": 30}, "No news for 30 days"),
        ({"received_days": 90, "status": "closed"}, None),
        ({"received_days": 90, "status": "declined"}, None),
    ],
)
def test_a_stuck_referral_is_flagged_past_the_stated_days(gp, area, stage, flag):
    referral = _stuck(gp, area, **stage)
    assert selectors.what_the_referrer_should_know(referral, now=NOW) == flag


def test_my_referrals_states_the_rule_and_shows_the_flag(gp, area, signed_in_client):
    _stuck(gp, area, received_days=12)
    page = words_on(
        signed_in_client(gp.membership).get(reverse("social_prescribing:my_referrals")).content
    )
    assert (
        "A referral is flagged when a link worker has not contacted the person within 7 days, "
        "or when an open referral has had no news (first contact, being connected, or a "
        "message) for more than 28 days." in page
    )
    assert "Waiting 12 days for first contact" in page

"""Social prescribing steps decided once, even when two people press the button together."""

import pytest

from kinfolk.accounts.models import Role
from kinfolk.core.tests.concurrency import all_at_once
from kinfolk.directory.tests.factories import service
from kinfolk.social_prescribing import services
from kinfolk.social_prescribing.models import CommunityReferral, Message, OrganizationMember
from kinfolk.wellbeing.models import Episode


@pytest.fixture
def sent_twice(area, make_member, actor_for):
    """A taken referral sent to two groups, each with a member to answer."""
    gp = actor_for(make_member(Role.REFERRER, area))
    link = actor_for(make_member(Role.LINK_WORKER, area))
    referral = services.referral_create(
        actor=gp, practice="Calder Health Centre", reasons=["loneliness"],
        consent_recorded=True, consent_given_by="person",
        new_person={"given_name": "Joan", "family_name": "Pickles"},
    )  # fmt: skip
    referral = services.referral_take(actor=link, referral=referral)
    sent = []
    for name in ("Walking group", "Community choir"):
        offered = service(area, name)
        member = actor_for(make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area))
        OrganizationMember.objects.create(organization=offered.organization, user=member.user)
        sent.append(
            (services.community_refer(actor=link, referral=referral, service=offered), member)
        )
    return referral, sent


def _fresh(sent):
    return CommunityReferral.objects.select_related("referral__person__area").get(pk=sent.pk)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_answers_at_once_are_recorded_once(sent_twice, make_member, actor_for, area):
    _, [(sent, member), _] = sent_twice
    colleague = actor_for(make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area))
    OrganizationMember.objects.create(organization_id=sent.organization_id, user=colleague.user)
    outcomes = all_at_once(
        [
            lambda: services.community_decide(actor=member, sent=_fresh(sent), accept=True),
            lambda: services.community_decide(
                actor=colleague, sent=_fresh(sent), accept=False, reason="We are full"
            ),
        ]
    )
    assert sorted(outcomes) == ["answered", "done"]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_starting_two_activities_at_once_connects_the_person_once(sent_twice):
    referral, sent = sent_twice
    for each, member in sent:
        services.community_decide(actor=member, sent=each, accept=True)
    outcomes = all_at_once(
        [
            lambda each=each, member=member: services.community_started(
                actor=member, sent=_fresh(each)
            )
            for each, member in sent
        ]
    )
    assert outcomes == ["done", "done"]
    assert Episode.objects.filter(person=referral.person).count() == 1
    assert Message.objects.filter(referral=referral, text__contains="now connected").count() == 1

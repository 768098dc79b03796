"""Who may do what in social prescribing, as rules.py names it."""

from itertools import count
from types import SimpleNamespace

import pytest

from kinfolk.accounts.models import Role
from kinfolk.core.permissions import can
from kinfolk.directory.tests.factories import service
from kinfolk.social_prescribing import rules  # noqa: F401  (names the permissions tested here)
from kinfolk.social_prescribing.models import OrganizationMember

PKS = count(1)
LINK_WORKERS_OWN = (
    "record_conversation",
    "add_goal",
    "refer_to_community_group",
    "link_outcome",
    "close_referral",
    "decline_referral",
)


@pytest.fixture
def people(area, make_member, actor_for):
    return {role: actor_for(make_member(role, area)) for role in Role.values}


def _referral(area, *, link_worker=None, referrer=None, person_user=None):
    return SimpleNamespace(
        pk=next(PKS),  # the gate remembers answers by record
        area_id=area.pk,
        link_worker_id=link_worker.user.pk if link_worker else None,
        referrer_id=referrer.user.pk if referrer else None,
        person=SimpleNamespace(user_id=person_user.user.pk if person_user else None),
    )


def test_only_referrers_refer_and_see_what_became_of_their_referrals(people):
    for role, actor in people.items():
        assert can(actor, "social_prescribing.refer") == (role == Role.REFERRER)
        assert can(actor, "social_prescribing.see_referrals_sent") == (role == Role.REFERRER)


def test_a_referral_is_seen_by_its_link_worker_its_referrer_and_the_person(people, area):
    link, gp, person = people[Role.LINK_WORKER], people[Role.REFERRER], people[Role.PERSON]
    referral = _referral(area, link_worker=link, referrer=gp, person_user=person)
    seen_by = {r for r, a in people.items() if can(a, "social_prescribing.see_referral", referral)}
    assert seen_by == {Role.LINK_WORKER, Role.REFERRER, Role.PERSON}


def test_what_is_done_with_the_person_is_done_by_their_link_worker_only(
    people, area, other_area, make_member, actor_for
):
    link = people[Role.LINK_WORKER]
    another_link = actor_for(make_member(Role.LINK_WORKER, area))
    referral = _referral(area, link_worker=link)
    elsewhere = _referral(other_area, link_worker=link)
    for verb_noun in LINK_WORKERS_OWN:
        permission = f"social_prescribing.{verb_noun}"
        assert can(link, permission, referral)
        assert not can(another_link, permission, referral)
        assert not can(link, permission, elsewhere)


def test_any_link_worker_in_the_area_takes_a_new_referral(people, area, other_area):
    new = _referral(area)
    takers = {r for r, a in people.items() if can(a, "social_prescribing.take_referral", new)}
    assert takers == {Role.LINK_WORKER}
    assert not can(
        people[Role.LINK_WORKER], "social_prescribing.take_referral", _referral(other_area)
    )


def test_only_the_organisation_it_was_sent_to_answers(people, area, make_member, actor_for):
    walk = service(area, "Walking group")
    member = people[Role.COMMUNITY_ORGANISATION_MEMBER]
    stranger = actor_for(make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area))
    OrganizationMember.objects.create(organization=walk.organization, user=member.user)
    link = people[Role.LINK_WORKER]
    sent = SimpleNamespace(
        pk=1, organization_id=walk.organization_id, referral=_referral(area, link_worker=link)
    )
    assert can(member, "social_prescribing.decide_as_community_organisation", sent)
    assert not can(stranger, "social_prescribing.decide_as_community_organisation", sent)
    assert not can(link, "social_prescribing.decide_as_community_organisation", sent)
    # That the person has started going is recorded by the organisation or the link worker.
    assert can(member, "social_prescribing.record_started", sent)
    assert can(link, "social_prescribing.record_started", sent)
    assert not can(stranger, "social_prescribing.record_started", sent)


def test_the_figures_are_for_those_who_hold_services_to_account(people):
    readers = {r for r, a in people.items() if can(a, "social_prescribing.see_reports")}
    assert readers == {Role.COMMISSIONER, Role.LINK_WORKER, Role.EXPERT_BY_EXPERIENCE}

"""The cards on each role's home page, in order: what each role came to do, first.

Each app registers its own cards (kinfolk.core.registries); these pin what every role sees so
that moving a card between apps cannot change anyone's page.
"""

import re

import pytest

from kinfolk.accounts.models import Role
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory, PersonFactory

CARD = re.compile(
    r'<a class="nhsuk-card__link" href="([^"]+)">([^<]+)</a>\s*</h3>\s*'
    r'<p class="nhsuk-card__description">([^<]*)</p>'
)


def _cards(client) -> list[tuple[str, str]]:
    html = client.get("/").content.decode()
    section = html.split("What you can do", 1)[1]
    return [(text.strip(), href) for href, text, _ in CARD.findall(section)]


@pytest.fixture
def cards_of(make_member, area, signed_in_client):
    def cards(role, **user_fields):
        member = make_member(role, area, **user_fields)
        return member, (lambda: _cards(signed_in_client(member)))

    return cards


def test_a_person_with_a_record(cards_of, person):
    member, cards = cards_of(Role.PERSON)
    person.user = member.user
    person.save()
    p = person.pk
    assert cards() == [
        ("My profile", f"/people/{p}/"),
        ("Who can see my record", f"/people/{p}/sharing/"),
        ("My matches", f"/shared-lives/people/{p}/matches/"),
        ("How I&#39;m doing", f"/wellbeing/people/{p}/"),
        ("Find local support and activities", "/directory/"),
        ("Things to try", f"/directory/shortlists/{p}/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_a_person_whose_record_is_not_set_up_yet(cards_of):
    _, cards = cards_of(Role.PERSON)
    assert cards() == [
        ("Find local support and activities", "/directory/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_a_representative_sees_matches_only_for_whom_they_act(cards_of, area, person):
    member, cards = cards_of(Role.REPRESENTATIVE)
    AccessGrantFactory(person=person, grantee=member.user, scope=GrantScope.ACT_FOR)
    viewed = PersonFactory(area=area, given_name="Ada", preferred_name="")
    AccessGrantFactory(person=viewed, grantee=member.user, scope=GrantScope.VIEW)
    assert cards() == [
        ("Sam&#39;s matches", f"/shared-lives/people/{person.pk}/matches/"),
        ("Find local support and activities", "/directory/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_a_shared_lives_carer(cards_of):
    _, cards = cards_of(Role.SHARED_LIVES_CARER)
    assert cards() == [
        ("My household", "/shared-lives/my-household/"),
        ("Introduction requests", "/shared-lives/introduction-requests/"),
        ("Find local support and activities", "/directory/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_a_scheme_worker(cards_of, person):
    member, cards = cards_of(Role.SCHEME_WORKER)
    AssignmentFactory(person=person, worker=member.user)
    assert cards() == [
        ("Shared Lives scheme", "/shared-lives/"),
        ("The connection test", "/wellbeing/connection-test/"),
        ("Find local support and activities", "/directory/"),
        ("Add a person", "/people/new/"),
        ("Assessment requests from family carers", "/family-carers/assessment-requests/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_a_referrer(cards_of):
    _, cards = cards_of(Role.REFERRER)
    assert cards() == [
        ("Find local support and activities", "/directory/"),
        ("Refer to social prescribing", "/social-prescribing/refer/"),
        ("My social prescribing referrals", "/social-prescribing/my-referrals/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_a_link_worker(cards_of):
    _, cards = cards_of(Role.LINK_WORKER)
    assert cards() == [
        ("The connection test", "/wellbeing/connection-test/"),
        ("Find local support and activities", "/directory/"),
        ("Social prescribing", "/social-prescribing/inbox/"),
        ("Add a person", "/people/new/"),
        ("Assessment requests from family carers", "/family-carers/assessment-requests/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_a_community_organisation_member(cards_of):
    _, cards = cards_of(Role.COMMUNITY_ORGANISATION_MEMBER)
    assert cards() == [
        ("Find local support and activities", "/directory/"),
        ("Requests from link workers", "/social-prescribing/community/"),
        ("List your community enterprise", "/directory/list-your-enterprise/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


@pytest.mark.parametrize("role", [Role.COMMISSIONER, Role.EXPERT_BY_EXPERIENCE])
def test_a_commissioner_and_an_expert_by_experience(cards_of, role):
    _, cards = cards_of(role)
    commitments = [
        ("Our commitments", "/accountability/commitments/"),
        ("Outcome contracts", "/accountability/outcomes/"),
        ("What people said about services", "/accountability/scores/words/"),
        ("Concerns raised", "/family-carers/concerns/figures/"),
        ("Equipment across agencies", "/family-carers/equipment/figures/"),
    ]
    assert cards() == [
        ("Shared Lives report", "/shared-lives/reports/"),
        ("The connection test", "/wellbeing/connection-test/"),
        ("Find local support and activities", "/directory/"),
        ("Social prescribing report", "/social-prescribing/reports/"),
        *(commitments if role == Role.COMMISSIONER else []),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_an_area_admin(cards_of):
    _, cards = cards_of(Role.AREA_ADMIN)
    assert cards() == [
        ("Find local support and activities", "/directory/"),
        ("Directory listings", "/directory/listings/"),
        ("Assessment requests from family carers", "/family-carers/assessment-requests/"),
        ("Memberships", "/accounts/memberships/"),
        ("Allocate a worker", "/people/allocate/"),
        ("Carers emergency number", "/family-carers/emergency-number/"),
        ("Emergency access report", "/people/emergency-access/"),
        ("Concerns raised", "/family-carers/concerns/figures/"),
        ("Equipment across agencies", "/family-carers/equipment/figures/"),
        ("Messages sent", "/notifications/outbox/"),
        ("Scheduled jobs", "/notifications/scheduled-jobs/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_a_family_carer(cards_of):
    _, cards = cards_of(Role.FAMILY_CARER)
    assert cards() == [
        ("My caring", "/family-carers/"),
        ("Find local support and activities", "/directory/"),
        ("Sign-in and security", "/accounts/security/"),
    ]


def test_an_emergency_responder(cards_of):
    _, cards = cards_of(Role.EMERGENCY_RESPONDER)
    assert cards() == [
        ("Open an emergency plan with a card number", "/family-carers/card/"),
        ("Find local support and activities", "/directory/"),
        ("Sign-in and security", "/accounts/security/"),
    ]

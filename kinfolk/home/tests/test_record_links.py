"""The ways on from a person's record that other parts of Kinfolk offer (each registers its own)."""

import re

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import AssignmentFactory
from kinfolk.sharedlives.tests.factories import ReferralFactory

BUTTON = re.compile(
    r'nhsuk-button--secondary"[^>]* href="([^"]+)" role="button"[^>]*>\s*([^<]+?)\s*<'
)


def _ways_on(client, person) -> list[tuple[str, str]]:
    html = client.get(f"/people/{person.pk}/").content.decode()
    return [(text, href) for href, text in BUTTON.findall(html) if not href.startswith("/people/")]


def test_a_person_sees_how_they_are_doing(make_member, area, person, signed_in_client):
    me = make_member(Role.PERSON, area)
    person.user = me.user
    person.save()
    assert _ways_on(signed_in_client(me), person) == [
        ("How I&#39;m doing", f"/wellbeing/people/{person.pk}/"),
        ("Ask for equipment or an adaptation", f"/family-carers/equipment/new/{person.pk}/"),
        ("I am worried and not being heard", f"/family-carers/concerns/new/{person.pk}/"),
    ]


def test_their_scheme_worker_can_refer_them_and_then_follow_the_referral(
    make_member, area, person, signed_in_client
):
    worker = make_member(Role.SCHEME_WORKER, area)
    AssignmentFactory(person=person, worker=worker.user)
    client = signed_in_client(worker)
    assert _ways_on(client, person) == [
        ("How Sam is doing", f"/wellbeing/people/{person.pk}/"),
        ("Refer to Shared Lives", f"/shared-lives/people/{person.pk}/refer/"),
        ("Ask for equipment or an adaptation", f"/family-carers/equipment/new/{person.pk}/"),
    ]
    referral = ReferralFactory(person=person, created_by=worker.user)
    assert _ways_on(client, person)[1] == (
        "Shared Lives referral",
        f"/shared-lives/referrals/{referral.pk}/",
    )


def test_an_erased_record_offers_no_way_on(make_member, area, person, signed_in_client):
    from django.utils import timezone

    worker = make_member(Role.SCHEME_WORKER, area)
    AssignmentFactory(person=person, worker=worker.user)
    person.erased_at = timezone.now()
    person.save()
    assert _ways_on(signed_in_client(worker), person) == []

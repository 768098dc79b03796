"""An id from another area answers 404, exactly as one that does not exist: never 403.

A 403 would tell a worker in one area that a record exists in another. (The authorization
matrix checks the same for every page and API operation; these name the main records.)
"""

import pytest
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory
from kinfolk.social_prescribing.models import Referral as SocialPrescribingReferral

MISSING_INT, MISSING_UUID = 2**31 - 1, "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def elsewhere(other_area, make_member):
    """Records in another area, including ones that name users of this area."""
    person = PersonFactory(area=other_area)
    referrer = make_member(Role.REFERRER, other_area)
    return {
        "person": person,
        "referral": ReferralFactory(person=person, created_by=referrer.user),
        "carer": CarerFactory(area=other_area),
        "spr": SocialPrescribingReferral.objects.create(
            area=other_area,
            person=person,
            referrer=referrer.user,
            practice="Elsewhere",
            consent_recorded=True,
            consent_given_by="person",
            reasons=["loneliness"],
            received_at=timezone.now(),
        ),  # fmt: skip
    }


PAGES = [
    ("/people/{person}/", Role.SCHEME_WORKER),
    ("/people/{person}/edit/", Role.SCHEME_WORKER),
    ("/people/{person}/sharing/", Role.PERSON),
    ("/people/{person}/emergency-access/", Role.SCHEME_WORKER),
    ("/api/v1/people/{person}", Role.SCHEME_WORKER),
    ("/api/v1/people/{person}/grants", Role.PERSON),
    ("/social-prescribing/referrals/{spr}/", Role.REFERRER),
    ("/api/v1/social-prescribing/referrals/{spr}/fhir", Role.LINK_WORKER),
    ("/shared-lives/referrals/{referral}/", Role.SCHEME_WORKER),
    ("/api/v1/shared-lives/referrals/{referral}", Role.SCHEME_WORKER),
    ("/shared-lives/carers/{carer}/", Role.SCHEME_WORKER),
    ("/api/v1/shared-lives/carers/{carer}", Role.SCHEME_WORKER),
]


@pytest.mark.parametrize(("path", "role"), PAGES)
def test_another_areas_record_is_not_found(
    path, role, elsewhere, area, make_member, signed_in_client
):
    member = make_member(role, area)
    person = elsewhere["person"]
    if role == Role.PERSON:
        person.user = member.user  # even the person's own account, acting in another area
        person.save()
    else:
        AssignmentFactory(person=person, worker=member.user)  # misconfigured: still not found
    SocialPrescribingReferral.objects.filter(pk=elsewhere["spr"].pk).update(
        referrer=member.user, link_worker=member.user
    )
    client = signed_in_client(member)
    ids = {key: row.pk for key, row in elsewhere.items()}
    missing = {key: MISSING_UUID if key == "person" else MISSING_INT for key in elsewhere}
    there = client.get(path.format(**ids))
    nothing = client.get(path.format(**missing))
    assert (there.status_code, nothing.status_code) == (404, 404)


def test_a_look_at_another_areas_record_is_still_audited(
    elsewhere, area, make_member, signed_in_client
):
    from kinfolk.core.models import AuditAction, AuditLog

    member = make_member(Role.SCHEME_WORKER, area)
    person = elsewhere["person"]
    assert signed_in_client(member).get(f"/people/{person.pk}/").status_code == 404
    assert AuditLog.objects.filter(
        action=AuditAction.DENIED, actor=member.user, person_id=person.pk
    ).exists()

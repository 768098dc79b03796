"""When a profile changes, the suggestions change at once: the next page anyone opens is worked
out from the profiles as they are now (nothing is kept between requests to go stale)."""

from kinfolk.sharedlives.models import Carer
from kinfolk.sharedlives.referrals.services import assessment_record

HUGHES, AHMED = "The Hughes household", "The Ahmed household"


def _my_matches(s, signed_in_client) -> str:
    page = signed_in_client(s.you.membership).get(f"/shared-lives/people/{s.person.pk}/matches/")
    assert page.status_code == 200
    return page.content.decode()


def _introduction_requests(s, signed_in_client) -> str:
    page = signed_in_client(s.carer_actor.membership).get("/shared-lives/introduction-requests/")
    assert page.status_code == 200
    return page.content.decode()


def test_a_person_who_now_needs_step_free_access_sees_only_step_free_homes_at_once(
    scheme, signed_in_client
):
    s = scheme
    Carer.objects.filter(pk=s.carer.pk).update(step_free=False)
    Carer.objects.exclude(pk=s.carer.pk).update(step_free=True)
    before = _my_matches(s, signed_in_client)
    assert HUGHES in before and AHMED in before
    assessment_record(actor=s.worker, referral=s.referral, changes={"needs_step_free": True})
    after = _my_matches(s, signed_in_client)
    assert HUGHES not in after and AHMED in after


def test_a_household_that_now_has_a_dog_leaves_the_matches_of_someone_allergic_at_once(
    scheme, signed_in_client
):
    s = scheme
    assessment_record(actor=s.worker, referral=s.referral, changes={"pet_allergy": True})
    assert HUGHES in _my_matches(s, signed_in_client)
    Carer.objects.filter(pk=s.carer.pk).update(pets="a dog")  # as saving their profile does
    assert HUGHES not in _my_matches(s, signed_in_client)


def test_the_household_sees_the_people_it_might_suit_change_at_once(scheme, signed_in_client):
    s = scheme
    first_name = s.person.given_name
    assert f">{first_name}" in _introduction_requests(s, signed_in_client)
    Carer.objects.filter(pk=s.carer.pk).update(approved_needs=["autism"])  # a panel's new terms
    assert f">{first_name}" not in _introduction_requests(s, signed_in_client)
    Carer.objects.filter(pk=s.carer.pk).update(approved_needs=["learning_disability"])
    assessment_record(actor=s.worker, referral=s.referral, changes={"support_needs": ["autism"]})
    assert f">{first_name}" not in _introduction_requests(s, signed_in_client)

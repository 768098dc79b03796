"""A referral sent twice (the browser's Back, a colleague, a GP system retrying) is shown,
not made again."""

import json

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.accounts.tests.factories import api_token_for
from kinfolk.social_prescribing import fhir
from kinfolk.social_prescribing.models import Referral, Status

FORM = {
    "given_name": "Joan",
    "family_name": "Pickles",
    "nhs_number": "943 476 5919",
    "practice": "B82005",
    "reasons": "loneliness",
    "consent_recorded": "on",
    "consent_given_by": "person",
}


def test_sending_the_referral_form_again_makes_no_second_referral(
    area, make_member, signed_in_client
):
    client = signed_in_client(make_member(Role.REFERRER, area))
    url = reverse("social_prescribing:refer")
    first = client.post(url, FORM, follow=True).content.decode()
    reference = f"SP-{Referral.objects.get().pk:06d}"
    assert f"Joan Pickles is referred: reference {reference}." in first
    assert "A link worker will contact them within 7 days" in first
    assert f"{reference} · Referred" in first  # on the list of their referrals too
    again = client.post(url, FORM, follow=True).content.decode()
    assert "Joan Pickles already has an open social prescribing referral" in again
    assert "nothing new was sent" in again
    assert Referral.objects.count() == 1


def test_a_closed_referral_does_not_stop_a_new_one(area, make_member, signed_in_client):
    client = signed_in_client(make_member(Role.REFERRER, area))
    url = reverse("social_prescribing:refer")
    client.post(url, FORM)
    Referral.objects.update(status=Status.CLOSED)
    client.post(url, FORM)
    assert Referral.objects.count() == 2


def test_a_bundle_sent_again_is_refused_and_makes_nothing(area, make_member, client):
    gp = make_member(Role.REFERRER, area)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {api_token_for(gp)}"}
    from kinfolk.accounts.actor import Actor
    from kinfolk.social_prescribing import services

    referral = services.referral_create(
        actor=Actor(user=gp.user, membership=gp), practice="Calder Health Centre",
        reasons=["loneliness"], consent_recorded=True, consent_given_by="person",
        new_person={"given_name": "Joan", "family_name": "Pickles", "nhs_number": "9434765919"},
    )  # fmt: skip
    again = client.post(
        "/api/v1/social-prescribing/referrals/fhir",
        json.dumps(fhir.bundle(referral)),
        content_type="application/json",
        **bearer,
    )
    assert again.status_code == 422, again.content
    assert "already has an open social prescribing referral" in again.json()["detail"]
    assert Referral.objects.count() == 1

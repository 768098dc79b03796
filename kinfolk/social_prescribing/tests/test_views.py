"""The link worker's referral page: how to reach the person, their record, and back again."""

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.social_prescribing import services


def _taken_referral(area, make_member, actor_for, phone="01422 123456"):
    gp = actor_for(make_member(Role.REFERRER, area))
    link = make_member(Role.LINK_WORKER, area)
    person = PersonFactory(area=area, given_name="Joan", family_name="Pickles", phone=phone)
    from kinfolk.people.tests.factories import AssignmentFactory

    AssignmentFactory(person=person, worker=gp.user, kind="referrer")
    referral = services.referral_create(
        actor=gp, practice="Calder Health Centre", reasons=["loneliness"],
        consent_recorded=True, consent_given_by="person", person=person,
    )  # fmt: skip
    services.referral_take(actor=actor_for(link), referral=referral)
    return referral, link


def test_the_link_worker_sees_how_to_contact_the_person_and_their_record(
    area, make_member, actor_for, signed_in_client
):
    referral, link = _taken_referral(area, make_member, actor_for)
    page = signed_in_client(link).get(reverse("social_prescribing:referral", args=[referral.pk]))
    html = page.content.decode()
    assert 'href="tel:01422123456"' in html
    assert f'href="/people/{referral.person.pk}/"' in html


def test_no_contact_details_says_who_to_ask(area, make_member, actor_for, signed_in_client):
    referral, link = _taken_referral(area, make_member, actor_for, phone="")
    html = signed_in_client(link).get(reverse("social_prescribing:referral", args=[referral.pk]))
    assert "No phone or email recorded: ask" in html.content.decode()


def test_recording_ons4_from_the_referral_comes_back_to_it(
    area, make_member, actor_for, signed_in_client
):
    referral, link = _taken_referral(area, make_member, actor_for)
    client = signed_in_client(link)
    back = reverse("social_prescribing:referral", args=[referral.pk])
    page = client.get(back).content.decode()
    measure = reverse("wellbeing:measure", args=[referral.person.pk, "ons4"])
    assert f'href="{measure}?next=' in page
    answers = {"life_satisfaction": 5, "worthwhile": 6, "happiness": 5, "anxiety": 4}
    response = client.post(f"{measure}?next={back}", {**answers, "recorded_with": "self"})
    assert response.status_code == 302 and response.url == back
    offsite = client.post(f"{measure}?next=//evil.example/", {**answers, "recorded_with": "self"})
    assert offsite.url == reverse("wellbeing:how", args=[referral.person.pk])

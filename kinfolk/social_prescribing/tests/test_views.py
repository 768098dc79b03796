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


def test_closing_a_referral_asks_first_and_says_what_will_happen(
    area, make_member, actor_for, signed_in_client
):
    from kinfolk.core.tests.pages import words_on

    referral, link = _taken_referral(area, make_member, actor_for)
    client = signed_in_client(link)
    close = reverse("social_prescribing:close", args=[referral.pk])
    detail = client.get(reverse("social_prescribing:referral", args=[referral.pk])).content
    assert f'href="{close}"' in detail.decode()
    page = words_on(client.get(close).content.decode())
    assert "Close Joan's referral?" in page
    assert f"{referral.referrer.display_name} is told, with your summary" in page
    assert "Joan leaves your list" in page
    referral.refresh_from_db()
    assert referral.status != "closed"  # asking changed nothing


def test_closing_without_a_summary_names_the_question_and_changes_nothing(
    area, make_member, actor_for, signed_in_client
):
    referral, link = _taken_referral(area, make_member, actor_for)
    close = reverse("social_prescribing:close", args=[referral.pk])
    answer = signed_in_client(link).post(close, {"summary": ""})
    html = answer.content.decode()
    assert answer.status_code == 200 and "There is a problem" in html
    assert 'href="#id_summary"' in html or 'href="#summary"' in html
    referral.refresh_from_db()
    assert referral.status != "closed"
    done = signed_in_client(link).post(close, {"summary": "Goes to the walking group."})
    assert done["Location"] == reverse("social_prescribing:referral", args=[referral.pk])
    referral.refresh_from_db()
    assert referral.status == "closed"


def test_declining_asks_first_and_says_the_reason_is_not_sent(
    area, make_member, actor_for, signed_in_client
):
    from kinfolk.core.tests.pages import words_on

    referral, link = _taken_referral(area, make_member, actor_for)
    decline = reverse("social_prescribing:decline", args=[referral.pk])
    page = words_on(signed_in_client(link).get(decline).content.decode())
    assert "Record that Joan does not want social prescribing?" in page
    assert "Your reason is not sent to them." in page

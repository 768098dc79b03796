"""A form that makes something is acted on once: sent again with the same one-time token (the
browser's Back, a double click), it makes nothing and shows what the first sending made."""

import re
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.core import once
from kinfolk.core.models import FormSent
from kinfolk.people.models import Person
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.wellbeing.models import CircleMember

pytestmark = pytest.mark.django_db


def _token_in(page: str) -> str:
    [token] = re.findall(r'name="once" value="([0-9a-f-]{36})"', page)
    return token


def test_a_new_person_sent_twice_is_made_once_and_the_second_sending_shows_the_first(
    area, make_member, signed_in_client
):
    client = signed_in_client(make_member(Role.SCHEME_WORKER, area))
    url = reverse("people:create")
    token = _token_in(client.get(url).content.decode())
    form = {"given_name": "Joan", "family_name": "Pickles", "once": token}
    first = client.post(url, form)
    again = client.post(url, form, follow=True)
    assert Person.objects.filter(given_name="Joan").count() == 1
    assert again.redirect_chain[0][0] == first["Location"]
    assert "You sent this already, so nothing new was made." in again.content.decode()


def test_each_new_form_has_its_own_token_so_a_second_person_can_still_be_added(
    area, make_member, signed_in_client
):
    client = signed_in_client(make_member(Role.SCHEME_WORKER, area))
    url = reverse("people:create")
    for name in ("Joan", "Joan"):  # two people may share a name: two forms, two records
        token = _token_in(client.get(url).content.decode())
        client.post(url, {"given_name": name, "family_name": "Pickles", "once": token})
    assert Person.objects.filter(given_name="Joan").count() == 2


def test_adding_someone_to_a_circle_twice_by_going_back_adds_them_once(
    area, make_member, signed_in_client
):
    me = make_member(Role.PERSON, area)
    person = PersonFactory(area=area, user=me.user)
    client = signed_in_client(me)
    circle = reverse("wellbeing:circle", args=[person.pk])
    token = _token_in(client.get(circle).content.decode())
    kaz = {"name": "Kaz", "who": "friend", "ring": "2", "contact": "weekly", "once": token}
    client.post(circle, kaz)
    client.post(circle, kaz)
    assert CircleMember.objects.filter(name="Kaz").count() == 1


def test_a_form_that_is_refused_keeps_its_token_free_for_the_corrected_sending(
    area, make_member, signed_in_client
):
    client = signed_in_client(make_member(Role.SCHEME_WORKER, area))
    url = reverse("people:create")
    token = _token_in(client.get(url).content.decode())
    refused = client.post(url, {"given_name": "", "family_name": "Pickles", "once": token})
    assert refused.status_code == 200 and not FormSent.objects.exists()
    assert _token_in(refused.content.decode()) != token  # the form shown again has a new one
    client.post(url, {"given_name": "Joan", "family_name": "Pickles", "once": token})
    assert Person.objects.filter(given_name="Joan").count() == 1


def test_one_persons_token_does_not_stop_another_persons_form(area, make_member, signed_in_client):
    token = str(uuid.uuid4())
    url = reverse("people:create")
    for worker in (make_member(Role.SCHEME_WORKER, area), make_member(Role.SCHEME_WORKER, area)):
        signed_in_client(worker).post(
            url, {"given_name": "Joan", "family_name": "Pickles", "once": token}
        )
    assert Person.objects.filter(given_name="Joan").count() == 2


def test_a_token_taken_at_the_same_moment_undoes_what_the_second_sending_did(area, make_member):
    user = make_member(Role.SCHEME_WORKER, area).user
    token = uuid.uuid4()
    FormSent.objects.create(user=user, token=token, outcome_url="/people/first/")

    def make_a_person():
        return PersonFactory(area=area, given_name="Second")

    with pytest.raises(once.SentAlready):
        once.act_once(user, token, make_a_person, lambda person: "/people/second/")
    assert not Person.objects.filter(given_name="Second").exists()


def test_tokens_are_let_go_after_30_days(area, make_member):
    user = make_member(Role.SCHEME_WORKER, area).user
    FormSent.objects.create(user=user, token=uuid.uuid4(), outcome_url="/old/")
    FormSent.objects.create(user=user, token=uuid.uuid4(), outcome_url="/new/")
    FormSent.objects.filter(outcome_url="/old/").update(sent_at=timezone.now() - timedelta(days=31))
    assert once.forget_old_tokens() == 1
    assert list(FormSent.objects.values_list("outcome_url", flat=True)) == ["/new/"]


@pytest.mark.parametrize(
    ("role", "page"),
    [
        (Role.REFERRER, lambda person: reverse("social_prescribing:refer")),
        (Role.COMMUNITY_ORGANISATION_MEMBER, lambda person: reverse("directory:listing_new")),
        (Role.PERSON, lambda person: reverse("wellbeing:check_in", args=[person.pk])),
        (Role.PERSON, lambda person: reverse("wellbeing:measure", args=[person.pk, "ons4"])),
        (Role.AREA_ADMIN, lambda person: reverse("accounts:memberships")),
    ],
)
def test_forms_that_make_something_carry_a_one_time_token(
    role, page, area, make_member, signed_in_client
):
    member = make_member(role, area)
    person = PersonFactory(area=area, user=member.user if role == Role.PERSON else None)
    _token_in(signed_in_client(member).get(page(person)).content.decode())

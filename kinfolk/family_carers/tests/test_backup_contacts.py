"""Back-up contacts agree by a one-time link: they sign in (or make an account) as the address
the carer gave and say yes; until then they are "not confirmed yet"."""

import re

import pytest
from django.core import mail

from kinfolk.accounts.models import Membership, Role
from kinfolk.core.tests.pages import words_on
from kinfolk.family_carers import notices, services
from kinfolk.family_carers.models import BackupContact
from kinfolk.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _link_in(text: str) -> str:
    return re.search(r"/family-carers/back-up/[\w-]+/", text).group(0)


def test_someone_without_an_account_gets_one_email_with_the_link_and_no_health_details(family):
    [message] = [m for m in mail.outbox if "tunde@example.test" in m.to]
    assert "back-up contact" in message.body
    assert "Penicillin" not in message.body and "Samuel" not in message.body
    assert _link_in(message.body)


def test_someone_with_an_account_is_told_through_their_notifications(family):
    told = Notification.objects.get(recipient=family.aisha.user, event=notices.ASKED_TO_BE_CONTACT)
    assert told.link.startswith("/family-carers/back-up/")


def test_signed_out_the_link_asks_them_to_sign_in_or_make_an_account(family, client):
    link = _link_in(next(m for m in mail.outbox if "tunde@example.test" in m.to).body)
    page = client.get(link).content.decode()
    assert "Sign in to answer" in page and "Make my account" in page
    response = client.post(link, {"display_name": "Tunde Adeyemi", "password": "a long demo pass"})
    assert response.status_code == 302 and "/accounts/login/?next=" in response["Location"]
    family.contact_tunde.refresh_from_db()
    assert not family.contact_tunde.confirmed


def test_they_say_yes_signed_in_as_the_address_the_carer_gave(
    family, make_member, signed_in_client
):
    link = _link_in(next(m for m in mail.outbox if "tunde@example.test" in m.to).body)
    from kinfolk.accounts.tests.factories import UserFactory

    tunde = UserFactory(email="tunde@example.test")
    from django.test import Client

    client = Client()
    client.force_login(tunde)
    assert "Will you be a back-up contact for Joy Adeyemi?" in client.get(link).content.decode()
    client.post(link, {"answer": "yes"})
    contact = BackupContact.objects.get(pk=family.contact_tunde.pk)
    assert contact.confirmed and contact.user == tunde
    assert Membership.objects.filter(
        user=tunde, area=family.area, role=Role.BACKUP_CONTACT
    ).exists()
    assert Notification.objects.filter(
        recipient=family.carer.user, event=notices.CONTACT_ANSWERED
    ).exists()
    again = client.get(link)
    assert again.status_code == 404 and "already been used" in again.content.decode()


def test_someone_else_signed_in_cannot_use_the_link(family, make_member, signed_in_client):
    link = _link_in(next(m for m in mail.outbox if "tunde@example.test" in m.to).body)
    stranger = make_member(Role.PERSON, family.area, email="stranger@example.test")
    page = signed_in_client(stranger).post(link, {"answer": "yes"}).content.decode()
    assert "This link was sent to a different email address" in page
    family.contact_tunde.refresh_from_db()
    assert not family.contact_tunde.confirmed


def test_saying_no_is_recorded_and_shown_to_the_carer(family, signed_in_client):
    contact = BackupContact.objects.get(pk=family.contact_tunde.pk)
    token = "known-token"
    BackupContact.objects.filter(pk=contact.pk).update(link_hash=services.link_hash_of(token))
    from kinfolk.accounts.tests.factories import UserFactory

    services.contact_answer(user=UserFactory(email="tunde@example.test"), token=token, agree=False)
    page = signed_in_client(family.carer).get(f"/family-carers/plans/{family.cared_for.pk}/")
    assert "Said they cannot" in page.content.decode()


def test_the_carer_orders_and_removes_contacts(family, signed_in_client):
    client = signed_in_client(family.carer)
    client.post(f"/family-carers/contacts/{family.contact_tunde.pk}/up/")
    ranks = dict(BackupContact.objects.values_list("name", "rank"))
    assert ranks == {"Tunde Adeyemi": 1, "Aisha Begum": 2}
    client.post(f"/family-carers/contacts/{family.contact_tunde.pk}/remove/")
    assert dict(BackupContact.objects.values_list("name", "rank")) == {"Aisha Begum": 1}


def test_removing_a_contact_first_says_who_is_left_to_call(family, signed_in_client):
    client = signed_in_client(family.carer)
    url = f"/family-carers/contacts/{family.contact_aisha.pk}/remove/"
    words = words_on(client.get(url).content.decode())
    assert "Remove Aisha Begum as a back-up contact?" in words
    assert "the emergency team will not call Aisha Begum" in words
    assert "The team will call, in this order: Tunde Adeyemi (not confirmed yet)." in words
    assert "Nobody left on the plan has confirmed they can help." in words
    assert BackupContact.objects.count() == 2  # looking changes nothing
    client.post(url)
    assert list(BackupContact.objects.values_list("name", flat=True)) == ["Tunde Adeyemi"]


def test_a_responder_cannot_change_the_contacts(family, signed_in_client):
    client = signed_in_client(family.responder)
    assert client.post(f"/family-carers/contacts/{family.contact_tunde.pk}/remove/").status_code
    assert client.get(f"/family-carers/contacts/{family.contact_tunde.pk}/remove/").status_code in (
        403,
        404,
    )
    assert BackupContact.objects.count() == 2

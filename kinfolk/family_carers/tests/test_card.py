"""The emergency card: long random numbers; a responder of the area or a confirmed back-up
contact opens the plan with the number and their own sign-in, for 12 hours; a few wrong numbers
lock the user out; every try is audited; everyone the plan is about is told every time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.family_carers import notices, services
from kinfolk.family_carers.models import CardOpening, CardTry
from kinfolk.notifications.models import Notification
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, PersonFactory

pytestmark = pytest.mark.django_db
CARD = "/family-carers/card/"


def _open(client, number):
    return client.post(CARD, {"number": number}, follow=True)


def test_card_numbers_are_sixteen_random_digits_printed_in_fours(family, actor_for):
    number = family.card.number
    assert len(number) == 16 and number.isdigit()
    assert family.card.grouped == " ".join(number[i : i + 4] for i in range(0, 16, 4))
    numbers = {services.new_card_number() for _ in range(50)}
    assert len(numbers) == 50


def test_a_responder_opens_the_plan_in_the_order_they_need_it(family, signed_in_client):
    page = _open(signed_in_client(family.responder), family.card.grouped).content.decode()
    assert "Emergency plan for Samuel Adeyemi" in page
    order = [
        "How long they can be left alone",
        "Medicines and when they take them",
        "Allergies",
        "Back-up contacts: call in this order",
        "Getting about",
    ]
    places = [page.index(words) for words in order]
    assert places == sorted(places)
    assert 'href="tel:07700900101"' in page
    assert "Tunde Adeyemi" not in page  # not confirmed: not called


def test_a_confirmed_backup_contact_opens_it_with_their_own_sign_in(family, signed_in_client):
    page = _open(signed_in_client(family.aisha), family.card.number).content.decode()
    assert "Blue box in the kitchen cupboard" in page
    opening = CardOpening.objects.get()
    assert opening.user == family.aisha.user and opening.opened_as == "backup_contact"


@pytest.mark.parametrize("who", ["unconfirmed contact", "another carer", "scheme worker"])
def test_anyone_else_with_the_right_number_is_told_it_is_wrong(
    family, make_member, signed_in_client, who
):
    member = {
        "unconfirmed contact": lambda: make_member(
            Role.BACKUP_CONTACT, family.area, email="tunde@example.test"
        ),
        "another carer": lambda: make_member(Role.FAMILY_CARER, family.area),
        "scheme worker": lambda: make_member(Role.SCHEME_WORKER, family.area),
    }[who]()
    page = _open(signed_in_client(member), family.card.number).content.decode()
    assert "That card number did not open a plan you can see" in page
    assert "Penicillin" not in page
    assert not CardOpening.objects.exists()


def test_a_responder_in_another_area_opens_nothing(
    family, other_area, make_member, signed_in_client
):
    responder = make_member(Role.EMERGENCY_RESPONDER, other_area)
    page = _open(signed_in_client(responder), family.card.number).content.decode()
    assert "did not open a plan" in page and not CardOpening.objects.exists()


def test_signed_out_nobody_opens_anything(family, client):
    response = client.post(CARD, {"number": family.card.number})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not CardOpening.objects.exists()


def test_the_plan_is_open_for_twelve_hours_then_refused_clearly(family, signed_in_client):
    client = signed_in_client(family.responder)
    _open(client, family.card.number)
    opening = CardOpening.objects.get()
    assert opening.ends_at - opening.opened_at == timedelta(hours=12)
    CardOpening.objects.filter(pk=opening.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    response = client.get(f"/family-carers/opened/{opening.pk}/")
    assert response.status_code == 403
    text = response.content.decode()
    assert "Your time with this plan has ended" in text and "Penicillin" not in text
    call = client.post(
        f"/family-carers/opened/{opening.pk}/calls/",
        {"contact": family.contact_aisha.pk, "answer": "coming"},
    )
    assert call.status_code == 403


def test_only_the_one_who_opened_it_sees_the_opening(family, make_member, signed_in_client):
    _open(signed_in_client(family.responder), family.card.number)
    opening = CardOpening.objects.get()
    other = make_member(Role.EMERGENCY_RESPONDER, family.area)
    assert signed_in_client(other).get(f"/family-carers/opened/{opening.pk}/").status_code == 403


def test_a_few_wrong_numbers_lock_the_user_out_even_for_the_right_one(family, signed_in_client):
    client = signed_in_client(family.responder)
    for _ in range(services.WRONG_TRIES_ALLOWED):
        assert "did not open a plan" in _open(client, "1111 2222 3333 4444").content.decode()
    page = _open(client, family.card.number).content.decode()
    assert "locked for you for 15 minutes" in page
    assert not CardOpening.objects.exists()
    # Someone else is not locked out by it.
    assert (
        "Penicillin" in _open(signed_in_client(family.aisha), family.card.number).content.decode()
    )


def test_the_lock_lifts_after_fifteen_minutes(family, signed_in_client):
    client = signed_in_client(family.responder)
    for _ in range(services.WRONG_TRIES_ALLOWED):
        _open(client, "1111 2222 3333 4444")
    CardTry.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert "Penicillin" in _open(client, family.card.number).content.decode()


def test_every_try_is_audited_and_the_number_never_is(family, signed_in_client):
    client = signed_in_client(family.responder)
    _open(client, "1111 2222 3333 4444")
    _open(client, family.card.number)
    entries = AuditLog.objects.filter(target_type="emergencycard", actor=family.responder.user)
    outcomes = [(e.action, e.detail.get("outcome")) for e in entries.order_by("sequence")]
    assert outcomes == [(AuditAction.DENIED, "wrong_number"), (AuditAction.BREAK_GLASS, "opened")]
    for entry in AuditLog.objects.all():
        assert family.card.number not in str(entry.detail) + entry.target_id + entry.reason
        assert "111122223333" not in str(entry.detail)


def test_the_carer_is_told_every_time_with_no_health_details(family, signed_in_client):
    _open(signed_in_client(family.responder), family.card.number)
    _open(signed_in_client(family.aisha), family.card.number)
    told = Notification.objects.filter(recipient=family.carer.user, event=notices.CARD_USED)
    assert told.count() == 2
    for notice in told:
        assert "Penicillin" not in notice.text and "Metformin" not in notice.text
        assert "opened the plan at" in notice.text


def test_the_linked_person_and_whoever_acts_for_them_are_told(
    family, make_member, actor_for, signed_in_client
):
    samuel = make_member(Role.PERSON, family.area, email="samuel@example.test")
    person = PersonFactory(area=family.area, user=samuel.user)
    acts = make_member(Role.REPRESENTATIVE, family.area)
    AccessGrantFactory(person=person, grantee=acts.user, scope=GrantScope.ACT_FOR)
    carer = actor_for(family.carer)
    cared_for = services.cared_for_ask_to_link(actor=carer, name="Dad", email=samuel.user.email)
    services.carer_answer(actor=actor_for(samuel), cared_for=cared_for, agree=True)
    card = services.card_issue(actor=carer, cared_for=cared_for)
    _open(signed_in_client(family.responder), card.number)
    told = set(
        Notification.objects.filter(event=notices.CARD_USED).values_list("recipient", flat=True)
    )
    assert told == {family.carer.user.pk, samuel.user.pk, acts.user.pk}


def test_calls_are_recorded_in_order_and_the_carer_sees_them(family, signed_in_client):
    client = signed_in_client(family.responder)
    _open(client, family.card.number)
    opening = CardOpening.objects.get()
    client.post(
        f"/family-carers/opened/{opening.pk}/calls/",
        {"contact": family.contact_aisha.pk, "answer": "coming"},
    )
    at = timezone.localtime(opening.calls.get().called_at).strftime("%H:%M")
    line = f"Called Aisha Begum at {at}: coming"
    assert line in client.get(f"/family-carers/opened/{opening.pk}/").content.decode()
    carer_page = signed_in_client(family.carer).get(f"/family-carers/plans/{family.cared_for.pk}/")
    assert line in carer_page.content.decode()


def test_a_cancelled_card_opens_nothing_and_a_new_one_does(family, actor_for, signed_in_client):
    carer = actor_for(family.carer)
    services.card_cancel(actor=carer, card=family.card)
    client = signed_in_client(family.responder)
    assert "did not open a plan" in _open(client, family.card.number).content.decode()
    new = services.card_issue(actor=carer, cared_for=family.cared_for)
    assert new.number != family.card.number
    assert "Penicillin" in _open(client, new.number).content.decode()


def test_reissuing_cancels_the_old_card(family, signed_in_client):
    client = signed_in_client(family.carer)
    client.post(f"/family-carers/plans/{family.cared_for.pk}/card/")
    family.card.refresh_from_db()
    assert family.card.cancelled_at is not None
    responder = signed_in_client(family.responder)
    assert "did not open a plan" in _open(responder, family.card.number).content.decode()


def test_the_card_pdf_is_for_the_carer_only(family, signed_in_client):
    url = f"/family-carers/plans/{family.cared_for.pk}/card.pdf"
    response = signed_in_client(family.carer).get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert signed_in_client(family.aisha).get(url).status_code == 403
    assert signed_in_client(family.responder).get(url).status_code == 403


def test_the_card_page_carries_the_areas_24_hour_number(family, signed_in_client):
    page = signed_in_client(family.responder).get(CARD).content.decode()
    assert 'href="tel:01632960000"' in page


def test_the_qr_code_holds_the_page_to_type_the_number_not_the_plan(
    family, signed_in_client, monkeypatch
):
    import qrcode

    from kinfolk.family_carers import card_pdf

    coded = []
    real = qrcode.make
    monkeypatch.setattr(
        card_pdf.qrcode, "make", lambda data, **kw: coded.append(data) or real(data, **kw)
    )
    signed_in_client(family.carer).get(f"/family-carers/plans/{family.cared_for.pk}/card.pdf")
    assert len(coded) == 1 and coded[0].endswith("/family-carers/card/")
    assert family.card.number not in coded[0]


def test_a_responder_is_staff_and_must_set_up_two_step_verification(family):
    from django.test import Client
    from django.urls import reverse

    from kinfolk.accounts.tests.factories import PASSWORD

    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"email": family.responder.user.email, "password": PASSWORD},
    )
    assert response.url == reverse("accounts:mfa_setup")
    assert client.get(CARD).status_code == 302  # not signed in until the second step

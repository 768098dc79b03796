"""Telling people: once per event, on the channels they chose, never with health details, and
through the real GOV.UK Notify client (against a fake Notify on loopback)."""

import pytest

from kinfolk.notifications import services
from kinfolk.notifications.events import TEST_MESSAGE
from kinfolk.notifications.models import Delivery, DeliveryStatus, Notification, Preference
from kinfolk.notifications.tests.fake_notify import EMAIL_TEMPLATE, SMS_TEMPLATE

pytestmark = pytest.mark.django_db


@pytest.fixture
def carer(make_member, area):
    return make_member("shared_lives_carer", area, email="carer@example.org")


def _tell(carer, *, key="meet-1", text="Sam Okafor would like to meet you", about=None):
    return services.tell(
        recipient=carer.user,
        area=carer.area,
        event=TEST_MESSAGE,
        text=text,
        key=key,
        link="/shared-lives/",
        about=about,
    )


def test_the_same_event_tells_a_person_once(carer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _tell(carer)
        again = _tell(carer)
    assert first is not None and again is None
    assert Notification.objects.filter(recipient=carer.user).count() == 1
    assert Delivery.objects.filter(notification=first).count() == 1


def test_without_a_notify_key_messages_stay_in_the_outbox(
    carer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        told = _tell(carer)
    delivery = Delivery.objects.get(notification=told)
    assert delivery.status == DeliveryStatus.OUTBOX and delivery.channel == "email"


def test_an_email_goes_through_notify_with_no_name_and_a_link_to_sign_in(
    carer, notify, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        told = _tell(carer)
    [sent] = notify.sent_to("/v2/notifications/email")
    assert sent["email_address"] == "carer@example.org"
    assert sent["template_id"] == EMAIL_TEMPLATE
    assert "Sam" not in str(sent) and "Okafor" not in str(sent)
    assert sent["personalisation"]["link"] == "https://kinfolk.example/shared-lives/"
    delivery = Delivery.objects.get(notification=told)
    assert delivery.status == DeliveryStatus.SENT and delivery.provider_id


def test_a_message_already_sent_is_not_sent_again(
    carer, notify, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        told = _tell(carer)
    services.deliver_notification(told.pk)
    assert len(notify.received) == 1


def test_a_text_message_and_easy_read_when_chosen(
    carer, notify, django_capture_on_commit_callbacks
):
    Preference.objects.create(
        user=carer.user, by_email=False, by_text=True, mobile="07700900982", easy_read=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        _tell(carer)
    assert notify.sent_to("/v2/notifications/email") == []
    [sent] = notify.sent_to("/v2/notifications/sms")
    assert sent["phone_number"] == "07700900982" and sent["template_id"] == SMS_TEMPLATE
    assert sent["personalisation"]["message"] == "This is a test message from Kinfolk."


def test_notify_down_is_recorded_and_tried_again(carer, notify, django_capture_on_commit_callbacks):
    notify.fail_with = [500]
    with django_capture_on_commit_callbacks(execute=True):
        told = _tell(carer)
    delivery = Delivery.objects.get(notification=told)
    assert (delivery.status, delivery.problem, delivery.attempts) == ("failed", "notify_500", 1)
    services.deliver_notification(told.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 2)


def test_a_refused_message_is_not_tried_again(carer, notify, django_capture_on_commit_callbacks):
    notify.fail_with = [400]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        told = _tell(carer)
    delivery = Delivery.objects.get(notification=told)
    assert (delivery.status, delivery.problem) == ("failed", "notify_400")
    assert len(callbacks) == 1  # the first delivery only: no retry was queued


def test_a_daily_digest_instead_of_single_messages(
    carer, notify, django_capture_on_commit_callbacks
):
    from datetime import date

    Preference.objects.create(user=carer.user, daily_digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        _tell(carer, key="one")
        _tell(carer, key="two")
    assert notify.received == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_daily_digests(date(2026, 11, 23)) == "digests:1"
        assert services.send_daily_digests(date(2026, 11, 23)) == "digests:0"
    [sent] = notify.sent_to("/v2/notifications/email")
    assert sent["personalisation"]["message"].startswith("You have new notifications")


def test_an_event_no_app_registered_is_a_mistake(carer):
    with pytest.raises(LookupError):
        services.tell(recipient=carer.user, area=carer.area, event="x.y", text="t", key="k")


def test_every_event_message_is_fixed_words_that_lead_to_sign_in():
    from kinfolk.notifications.events import all_events

    registered = all_events()
    assert len(registered) >= 15
    for event in registered:
        for words in (event.message, event.easy_read):
            assert "{" not in words and "((" not in words, event.code
            if event.code != TEST_MESSAGE:  # the test message only proves the channel works
                assert "Sign in" in words or "sign in" in words, event.code

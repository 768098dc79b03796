"""The notification centre, choosing how to be told, and the area admin's outbox and jobs."""

import pytest
from django.urls import reverse

from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.notifications import services
from kinfolk.notifications.events import TEST_MESSAGE
from kinfolk.notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


@pytest.fixture
def carer(make_member, area):
    return make_member("shared_lives_carer", area, email="carer@example.org")


def _tell(member, key="k1", text="Sam would like to meet you"):
    return services.tell(
        recipient=member.user, area=member.area, event=TEST_MESSAGE, text=text, key=key,
        link="/shared-lives/",
    )  # fmt: skip


def test_the_header_counts_what_is_new_and_the_centre_lists_it(carer, signed_in_client):
    _tell(carer)
    client = signed_in_client(carer)
    home = client.get("/").content.decode()
    assert "Notifications (1 new)" in home
    page = client.get(reverse("notifications:centre")).content.decode()
    assert "Sam would like to meet you" in page and "You have 1 new notification." in page


def test_opening_a_notification_marks_it_read_and_goes_to_what_it_is_about(carer, signed_in_client):
    told = _tell(carer)
    client = signed_in_client(carer)
    answer = client.post(reverse("notifications:open", args=[told.pk]))
    assert answer.status_code == 302 and answer["Location"] == "/shared-lives/"
    told.refresh_from_db()
    assert told.read_at is not None
    assert "Notifications (" not in client.get("/").content.decode()


def test_mark_all_as_read(carer, signed_in_client):
    _tell(carer, "a")
    _tell(carer, "b")
    signed_in_client(carer).post(reverse("notifications:read_all"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_nobody_can_open_someone_elses_notification(
    carer, make_member, area, other_area, signed_in_client
):
    told = _tell(carer)
    neighbour = make_member("shared_lives_carer", area)
    answer = signed_in_client(neighbour).post(reverse("notifications:open", args=[told.pk]))
    assert answer.status_code == 403
    assert AuditLog.objects.filter(action=AuditAction.DENIED, target_type="notification").exists()
    elsewhere = make_member("shared_lives_carer", other_area)
    answer = signed_in_client(elsewhere).post(reverse("notifications:open", args=[told.pk]))
    assert answer.status_code == 404
    told.refresh_from_db()
    assert told.read_at is None


def test_choosing_text_messages_needs_a_mobile_number_and_changes_nothing_until_right(
    carer, signed_in_client
):
    client = signed_in_client(carer)
    url = reverse("notifications:choices")
    page = client.post(url, {"by_text": "on"}).content.decode()
    assert "Enter a mobile phone number to get text messages" in page
    page = client.post(url, {"by_text": "on", "mobile": "12345"}).content.decode()
    assert "Enter a UK mobile phone number" in page
    assert not Preference.objects.exists()
    answer = client.post(url, {"by_text": "on", "mobile": "07700 900 982", "easy_read": "on"})
    assert answer.status_code == 302
    saved = Preference.objects.get(user=carer.user)
    assert (saved.by_email, saved.by_text, saved.mobile, saved.easy_read) == (
        False, True, "07700900982", True,
    )  # fmt: skip


def test_a_test_message_reaches_the_outbox_and_the_area_admin_reads_it(
    carer, make_member, area, signed_in_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in_client(carer).post(reverse("notifications:test_message"))
    admin = make_member("area_admin", area)
    page = signed_in_client(admin).get(reverse("notifications:outbox")).content.decode()
    assert "This is a test message from Kinfolk" in page
    assert "In the outbox" in page
    assert AuditLog.objects.filter(target_type="notification_outbox").exists()


@pytest.mark.parametrize("role", ["scheme_worker", "shared_lives_carer", "person", "commissioner"])
def test_only_the_area_admin_reads_the_outbox_and_the_jobs(
    role, make_member, area, signed_in_client
):
    client = signed_in_client(make_member(role, area))
    assert client.get(reverse("notifications:outbox")).status_code == 403
    assert client.get(reverse("notifications:scheduled")).status_code == 403


def test_the_outbox_shows_only_the_admins_own_area(
    make_member, area, other_area, signed_in_client, django_capture_on_commit_callbacks
):
    far = make_member("shared_lives_carer", other_area)
    with django_capture_on_commit_callbacks(execute=True):
        _tell(far)
    admin = make_member("area_admin", area)
    page = signed_in_client(admin).get(reverse("notifications:outbox")).content.decode()
    assert "No messages yet." in page

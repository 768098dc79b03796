"""The demo area has meetings a person would see: one agreed for next week, one suggested and
waiting, one that happened; Sam sees his on his home page."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from kinfolk.accounts.demo import demo_email
from kinfolk.accounts.models import Role
from kinfolk.sharedlives.models import Meeting, MeetingStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_meetings_at_each_step():
    call_command("demo", people=60, carers=30)
    statuses = sorted(Meeting.objects.values_list("status", flat=True))
    assert statuses == sorted([MeetingStatus.ACCEPTED, MeetingStatus.PROPOSED, MeetingStatus.HELD])
    agreed = Meeting.objects.get(status=MeetingStatus.ACCEPTED)
    assert 6 <= (agreed.starts_at - timezone.now()).days <= 7
    assert agreed.introduction.person.user.email == demo_email(Role.PERSON)
    client = Client()
    client.force_login(agreed.introduction.person.user)
    assert "Tea visit: " in client.get("/").content.decode()

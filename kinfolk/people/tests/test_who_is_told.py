"""A person is told when someone new can see their record, when access is taken away, and when
emergency access is used, with who and why."""

import pytest

from kinfolk.directory.services import shortlist_send
from kinfolk.directory.tests.factories import service
from kinfolk.notifications.models import Notification
from kinfolk.people import services
from kinfolk.people.models import AccessGrant, Assignment, GrantScope

pytestmark = pytest.mark.django_db


def _told(actor):
    return list(Notification.objects.filter(recipient=actor.user).values_list("text", flat=True))


def test_sharing_and_taking_back_are_told_to_the_person(me, daughter, person):
    services.access_grant(actor=me, person=person, grantee_email=daughter.user.email,
                          relationship="family", scope=GrantScope.VIEW)  # fmt: skip
    [shared] = _told(me)
    assert shared.startswith("Grace Okafor can now see your record (")
    assert _told(daughter) == []
    grant = AccessGrant.objects.get(grantee=daughter.user)
    services.access_revoke(actor=me, grant=grant)
    assert "Grace Okafor can no longer see your record." in _told(me)


def test_emergency_access_tells_the_person_who_and_why(me, person, make_member, actor_for, area):
    stranger = actor_for(make_member("link_worker", area, display_name="Lee Ward"))
    services.break_glass_open(actor=stranger, person=person, reason="Called by A&E about meds")
    [told] = _told(me)
    assert told.startswith("Lee Ward used emergency access to your record.")
    assert told.endswith("Their reason: Called by A&E about meds")


def test_a_shortlist_is_told_to_the_person(me, worker, person, area):
    Assignment.objects.create(area=area, person=person, worker=worker.user)
    shortlist_send(actor=worker, person=person, services=[service(area)])
    assert _told(me) == ["Some local activities were suggested for you to look at."]

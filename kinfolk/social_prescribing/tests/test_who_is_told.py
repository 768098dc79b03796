"""Social prescribing tells link workers of a new referral, an organisation of a new request and
the referrer of news; nobody else."""

import pytest

from kinfolk.notifications.models import Notification
from kinfolk.social_prescribing import services
from kinfolk.social_prescribing.tests.test_services import _refer, loop  # noqa: F401

pytestmark = pytest.mark.django_db


def _told(actor):
    return list(Notification.objects.filter(recipient=actor.user).values_list("text", flat=True))


def test_the_whole_loop_tells_each_person_their_part(loop):  # noqa: F811
    gp, other_gp, link, group_member, other_group, walk = loop
    referral = _refer(gp)
    assert _told(link) == ["A new referral for Joan is in the inbox."]
    referral = services.referral_take(actor=link, referral=referral)
    sent = services.community_refer(actor=link, referral=referral, service=walk)
    assert _told(group_member) == ["Someone would like to join Walking group."]
    assert _told(other_group) == []
    services.community_decide(actor=group_member, sent=sent, accept=True)
    services.community_started(actor=group_member, sent=sent)
    services.referral_close(actor=link, referral=referral, summary="Walking twice a week")
    assert _told(gp) == ["News of your referral for Joan."] * 2
    assert _told(other_gp) == []

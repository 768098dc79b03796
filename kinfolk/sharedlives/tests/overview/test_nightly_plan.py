"""The nightly introduction plan tells the area's scheme workers, once a night and without
names, when it suggests a household for people who have waited more than four weeks; it
proposes nothing."""

from datetime import date, timedelta

from kinfolk.notifications.models import Notification
from kinfolk.sharedlives.models import Introduction, Referral
from kinfolk.sharedlives.overview import nightly

TODAY = date.today()


def _texts(actor):
    return list(Notification.objects.filter(recipient=actor.user).values_list("text", flat=True))


def test_a_long_wait_the_plan_could_end_is_told_to_scheme_workers_once(scheme):
    Referral.objects.filter(pk=scheme.referral.pk).update(received_on=TODAY - timedelta(days=40))
    assert nightly.run_plan(TODAY) == "told:2"  # the two scheme workers
    assert nightly.run_plan(TODAY) == "told:0"
    [text] = _texts(scheme.worker)
    assert text == (
        "Last night's introduction plan suggests a household for 1 person who has waited "
        "more than 4 weeks."
    )
    assert "Sam" not in text
    assert _texts(scheme.you) == _texts(scheme.carer_actor) == []
    assert not Introduction.objects.exists()  # nothing is proposed from the plan


def test_a_short_wait_tells_nobody(scheme):
    Referral.objects.filter(pk=scheme.referral.pk).update(received_on=TODAY - timedelta(days=5))
    assert nightly.run_plan(TODAY) == "told:0"


def test_scheme_workers_of_another_area_are_not_told(scheme, make_member, other_area):
    elsewhere = make_member("scheme_worker", other_area)
    Referral.objects.filter(pk=scheme.referral.pk).update(received_on=TODAY - timedelta(days=40))
    nightly.run_plan(TODAY)
    assert not Notification.objects.filter(recipient=elsewhere.user).exists()

"""Arrangement reviews are not forgotten: the household and the scheme workers are told 14 days
before a review is due and the day after one was missed, once each; the person is not."""

from datetime import timedelta

from kinfolk.notifications.models import Notification
from kinfolk.sharedlives import reminders
from kinfolk.sharedlives.tests.journeys import agreed, start


def _texts(actor):
    return sorted(Notification.objects.filter(recipient=actor.user).values_list("text", flat=True))


def test_a_review_due_in_14_days_and_one_missed_yesterday_are_told_once(scheme):
    arrangement = start(scheme, agreed(scheme))
    first, second = arrangement.reviews.order_by("due_on")[:2]
    Notification.objects.all().delete()  # what agreeing told people is not what this is about
    day = first.due_on - timedelta(days=14)
    assert reminders.remind(day) == "told:3"  # the household and the two scheme workers
    assert reminders.remind(day) == "told:0"
    due = first.due_on
    [own] = _texts(scheme.carer_actor)
    assert own == f"A review of the arrangement with Sam is due on {due.day} {due:%B %Y}."
    [theirs] = _texts(scheme.worker)
    assert theirs == (
        f"A review of Sam's arrangement with The Hughes household is due on {due.day} {due:%B %Y}."
    )
    assert _texts(scheme.you) == []
    reminders.remind(second.due_on + timedelta(days=1))
    assert any("was due on" in text for text in _texts(scheme.worker))


def test_a_done_review_is_not_chased(scheme):
    from kinfolk.sharedlives.models import ArrangementReview

    arrangement = start(scheme, agreed(scheme))
    first = arrangement.reviews.order_by("due_on").first()
    ArrangementReview.objects.filter(pk=first.pk).update(done_on=first.due_on)
    Notification.objects.all().delete()
    assert reminders.remind(first.due_on + timedelta(days=1)) == "told:0"

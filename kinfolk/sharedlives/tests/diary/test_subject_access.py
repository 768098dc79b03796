"""A person's meetings are in their subject access export; erasure blanks what was written."""

import pytest

from kinfolk.sharedlives.diary.services import meeting_cancel, meeting_propose
from kinfolk.sharedlives.models import Meeting
from kinfolk.sharedlives.subject_access import erase, export

from .conftest import when

pytestmark = pytest.mark.django_db


def test_meetings_are_exported_and_their_words_erased(scheme, introduction):
    meeting = meeting_propose(
        actor=scheme.worker, introduction=introduction,
        **when(place="Sam's sister's flat", getting_there="Ring Sam's bell"),
    )  # fmt: skip
    meeting_cancel(actor=scheme.you, meeting=meeting, reason="Sam is unwell")
    [exported] = export(scheme.person)["introductions"]
    [row] = exported["meetings"]
    assert row["place"] == "Sam's sister's flat" and row["cancelled_reason"] == "Sam is unwell"
    erase(scheme.person)
    meeting = Meeting.objects.get()
    assert (meeting.place, meeting.getting_there, meeting.cancelled_reason) == ("Erased",) * 3

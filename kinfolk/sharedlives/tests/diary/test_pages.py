"""The diary as people read it: who suggested a meeting and who it waits for, the forms that
refuse a past date and store nothing, the calendar file, and what's coming on the home page."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.sharedlives.diary.services import meeting_accept, meeting_propose
from kinfolk.sharedlives.models import Meeting

from .conftest import NEXT_WEEK, when

pytestmark = pytest.mark.django_db


def _page(client, introduction) -> str:
    response = client.get(reverse("sharedlives:introduction", args=[introduction.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _posted(day: date, **changes) -> dict:
    data = {
        "day_day": day.day, "day_month": day.month, "day_year": day.year,
        "starts": "2pm", "ends": "4:30pm", "place": "Café at the library",
        "getting_there": "", "last_day_day": "", "last_day_month": "", "last_day_year": "",
    }  # fmt: skip
    data.update(changes)
    return data


def test_the_introduction_page_says_who_does_what(scheme, introduction, signed_in_client):
    page = _page(signed_in_client(scheme.carer_actor.membership), introduction)
    assert "Sam, The Hughes household or the scheme worker can suggest a date, time" in page
    assert "Suggest a time and place for the introduction meeting" in page


def test_a_suggestion_shows_who_made_it_and_who_it_waits_for(scheme, introduction,
                                                              signed_in_client):  # fmt: skip
    meeting_propose(actor=scheme.you, introduction=introduction, **when())
    carers = _page(signed_in_client(scheme.carer_actor.membership), introduction)
    assert "Suggested by Sam." in carers
    assert "Waiting for you to say whether this time suits you" in carers
    assert "This time suits me" in carers
    sams = _page(signed_in_client(scheme.you.membership), introduction)
    assert "Suggested by you." in sams
    assert "Waiting for the carer to say whether this time suits them" in sams
    assert "This time suits me" not in sams
    workers = _page(signed_in_client(scheme.worker.membership), introduction)
    assert "Waiting for the carer to say" in workers and "This time suits me" not in workers


def test_the_meetings_are_not_shown_to_someone_who_only_sees_the_record(
    scheme, introduction, signed_in_client, make_member
):
    from kinfolk.people.models import GrantScope
    from kinfolk.people.tests.factories import AccessGrantFactory

    meeting_propose(actor=scheme.you, introduction=introduction, **when())
    viewer = make_member(Role.REPRESENTATIVE, introduction.area)
    AccessGrantFactory(person=scheme.person, grantee=viewer.user, scope=GrantScope.VIEW)
    page = _page(signed_in_client(viewer), introduction)
    assert "Café at the library" not in page


def test_suggesting_a_meeting_on_the_page(scheme, introduction, signed_in_client):
    client = signed_in_client(scheme.worker.membership)
    url = reverse("sharedlives:meeting_propose", args=[introduction.pk])
    assert (
        "Suggest a time and place for the introduction meeting" in client.get(url).content.decode()
    )
    response = client.post(url, _posted(NEXT_WEEK), follow=True)
    page = response.content.decode()
    assert "Your suggestion has been sent" in page
    assert "2pm to 4:30pm" in page and "Suggested by you." in page


def test_a_past_date_is_refused_by_its_question_and_nothing_is_stored(scheme, introduction,
                                                                     signed_in_client):  # fmt: skip
    client = signed_in_client(scheme.carer_actor.membership)
    url = reverse("sharedlives:meeting_propose", args=[introduction.pk])
    response = client.post(url, _posted(date.today() - timedelta(days=2)))
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "The date of the meeting must be today or in the future." in page
    assert 'href="#id_day_day"' in page
    assert not Meeting.objects.exists()


def test_a_time_nobody_can_read_is_refused(scheme, introduction, signed_in_client):
    client = signed_in_client(scheme.carer_actor.membership)
    url = reverse("sharedlives:meeting_propose", args=[introduction.pk])
    page = client.post(url, _posted(NEXT_WEEK, starts="teatime")).content.decode()
    assert "Enter start time as a time, like 2pm or 14:30" in page
    assert not Meeting.objects.exists()


def test_moving_and_cancelling_on_the_page(scheme, introduction, signed_in_client):
    meeting = meeting_propose(actor=scheme.worker, introduction=introduction, **when())
    client = signed_in_client(scheme.carer_actor.membership)
    move = reverse("sharedlives:meeting_move", args=[meeting.pk])
    page = client.post(move, _posted(NEXT_WEEK, place="Our home"), follow=True).content.decode()
    assert "The new time has been sent" in page and "Our home" in page
    moved = Meeting.objects.get(status="proposed")
    cancel = reverse("sharedlives:meeting_cancel", args=[moved.pk])
    refused = client.post(cancel, {"reason": " "}).content.decode()
    assert "There is a problem" in refused
    page = client.post(cancel, {"reason": "Illness in the family"}, follow=True).content.decode()
    assert "The meeting has been cancelled" in page
    assert "Cancelled by the carer: Illness in the family" in page


def test_the_calendar_file_downloads_for_those_taking_part(scheme, introduction,
                                                          signed_in_client):  # fmt: skip
    meeting = meeting_propose(actor=scheme.worker, introduction=introduction, **when())
    url = reverse("sharedlives:meeting_calendar", args=[meeting.pk])
    response = signed_in_client(scheme.you.membership).get(url)
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert "SUMMARY:Shared Lives introduction meeting\r\n" in body and "Sam" not in body
    refused = signed_in_client(scheme.other_carer_actor.membership).get(url)
    assert refused.status_code == 403


def test_whats_coming_on_each_home_page(scheme, introduction, signed_in_client):
    meeting = meeting_propose(actor=scheme.carer_actor, introduction=introduction, **when())
    meeting_accept(actor=scheme.you, meeting=meeting)
    heading = "Introduction meeting: "
    carers = signed_in_client(scheme.carer_actor.membership).get("/").content.decode()
    assert heading in carers and "With Sam, at Café at the library." in carers
    sams = signed_in_client(scheme.you.membership).get("/").content.decode()
    assert heading in sams and "With The Hughes household, at Café at the library." in sams
    workers = signed_in_client(scheme.worker.membership).get("/").content.decode()
    assert "With Sam and The Hughes household" in workers
    for outsider in (scheme.other_carer_actor, scheme.other_worker):
        assert heading not in signed_in_client(outsider.membership).get("/").content.decode()

"""Stopping an introduction takes two steps: a page that says what will happen (who is told,
which planned meetings are called off, whether the household is held back), then the answer.
Meetings still planned are cancelled with the introduction."""

import pytest
from django.urls import reverse

from kinfolk.core.tests.pages import words_on
from kinfolk.sharedlives.diary.services import meeting_propose
from kinfolk.sharedlives.introductions.services import interest_express
from kinfolk.sharedlives.models import Introduction, MeetingStatus, Stage
from kinfolk.sharedlives.tests.diary.conftest import when
from kinfolk.sharedlives.tests.journeys import both_say_yes

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_of(signed_in_client):
    return lambda actor: signed_in_client(actor.membership)


def _stop_url(introduction) -> str:
    return reverse("sharedlives:introduction_decline", args=[introduction.pk])


def test_the_introduction_page_leads_to_a_page_that_says_what_will_happen(scheme, client_of):
    s = scheme
    introduction = both_say_yes(s)
    meeting_propose(actor=s.you, introduction=introduction, **when())
    page = client_of(s.you).get(reverse("sharedlives:introduction", args=[introduction.pk]))
    assert f'href="{_stop_url(introduction)}"' in page.content.decode()
    words = words_on(client_of(s.you).get(_stop_url(introduction)).content.decode())
    assert "What will happen" in words
    assert f"{s.carer.name} will be told kindly that you have decided not to go ahead" in words
    assert "1 planned meeting is called off" in words
    assert "cannot ask again for 6 months" in words
    assert Introduction.objects.get(pk=introduction.pk).is_open  # looking changes nothing


def test_the_carer_is_not_told_they_hold_anyone_back(scheme, client_of):
    s = scheme
    introduction = both_say_yes(s)
    words = words_on(client_of(s.carer_actor).get(_stop_url(introduction)).content.decode())
    assert f"{introduction.person.called} will be told kindly" in words
    assert "cannot ask again" not in words and "called off" not in words


def test_stopping_ends_it_and_calls_off_the_planned_meeting(scheme, client_of):
    s = scheme
    introduction = both_say_yes(s)
    meeting = meeting_propose(actor=s.carer_actor, introduction=introduction, **when())
    done = client_of(s.you).post(_stop_url(introduction), {"reason": ""}, follow=True)
    assert "The introduction has ended" in words_on(done.content.decode())
    introduction.refresh_from_db()
    meeting.refresh_from_db()
    assert introduction.stage == Stage.CLOSED
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.cancelled_reason == "The introduction ended."


def test_in_easy_read_the_question_is_plain_and_the_answer_comes_back_to_easy_read(
    scheme, client_of
):
    s = scheme
    introduction = interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    easy = reverse("sharedlives:introduction_easy", args=[introduction.pk])
    assert f"{_stop_url(introduction)}?easy=1" in client_of(s.you).get(easy).content.decode()
    words = words_on(client_of(s.you).get(_stop_url(introduction) + "?easy=1").content.decode())
    assert f"Do you want to stop meeting {s.carer.name}?" in words
    assert "It is OK to say no" in words
    done = client_of(s.you).post(_stop_url(introduction), {"back": "easy"})
    assert done.url == easy
    assert not Introduction.objects.get(pk=introduction.pk).is_open


def test_an_introduction_that_has_ended_cannot_be_stopped_again(scheme, client_of):
    s = scheme
    introduction = both_say_yes(s)
    client_of(s.you).post(_stop_url(introduction), {"reason": ""})
    assert client_of(s.you).get(_stop_url(introduction)).status_code == 403

"""What each side reads and can do on its own pages: its own questions (never the worker's
"Whose view is this?"), what was recorded for it and by whom, "not for me", and easy read."""

import pytest
from django.urls import reverse
from markupsafe import escape

from kinfolk.sharedlives.introductions.services import interest_express
from kinfolk.sharedlives.models import Introduction, NotForMe, SaidFor, StageView
from kinfolk.sharedlives.tests.journeys import both_say_yes

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_of(signed_in_client):
    return lambda actor: signed_in_client(actor.membership)


def _text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_persons_own_introduction_page_asks_about_them(scheme, client_of):
    s = scheme
    introduction = both_say_yes(s)
    page = _text(client_of(s.you).get(reverse("sharedlives:introduction", args=[introduction.pk])))
    assert "Whose view is this?" not in page and "Who is this for?" not in page
    assert "How did the introduction meeting go for you?" in page
    assert "How did they show it?" not in page
    carer_page = _text(
        client_of(s.carer_actor).get(reverse("sharedlives:introduction", args=[introduction.pk]))
    )
    assert "How did the introduction meeting go for you?" in carer_page
    assert "Whose view is this?" not in carer_page


def test_the_worker_says_who_it_is_for_and_how_they_showed_it(scheme, client_of):
    s = scheme
    introduction = both_say_yes(s)
    url = reverse("sharedlives:introduction", args=[introduction.pk])
    page = _text(client_of(s.worker).get(url))
    assert "Who is this for?" in page and "How did they show it?" in page
    posted = client_of(s.worker).post(
        reverse("sharedlives:introduction_view", args=[introduction.pk]),
        {"side": "person", "carry_on": "yes"},
        follow=True,
    )
    assert "Say how Sam showed it" in _text(posted)
    assert not StageView.objects.exists()
    client_of(s.worker).post(
        reverse("sharedlives:introduction_view", args=[introduction.pk]),
        {"side": "person", "carry_on": "yes", "shown_how": "words", "note": "Yes please"},
    )
    seen_by_sam = _text(client_of(s.you).get(url))
    name = str(escape(s.worker.user.display_name))  # as the page writes it (O'Brien)
    assert f"Recorded by {name} (scheme worker) for Sam: Sam said it in words" in seen_by_sam
    assert "Yes please" in seen_by_sam
    seen_by_the_carer = _text(client_of(s.carer_actor).get(url))
    assert f"Recorded by {name} (scheme worker) for Sam: Sam said it in words" in seen_by_the_carer


def test_the_carer_cannot_answer_for_the_person_by_posting(scheme, client_of):
    s = scheme
    introduction = both_say_yes(s)
    response = client_of(s.carer_actor).post(
        reverse("sharedlives:introduction_view", args=[introduction.pk]),
        {"side": "person", "carry_on": "yes"},
    )
    assert response.status_code == 403
    assert not StageView.objects.exists()


def test_the_worker_proposes_an_introduction_sam_asked_for(scheme, client_of):
    s = scheme
    referral_page = _text(
        client_of(s.worker).get(reverse("sharedlives:referral", args=[s.referral.pk]))
    )
    assert "Sam asked to meet them" in referral_page
    client_of(s.worker).post(
        reverse("sharedlives:interest", args=[s.referral.pk]),
        {"carer": s.carer.pk, "side": "person", "shown_how": "signs"},
    )
    introduction = Introduction.objects.get()
    assert introduction.person_yes_by == s.worker.user
    assert SaidFor.objects.get().shown_how == "signs"


def test_not_for_me_on_my_matches_and_show_it_again(scheme, client_of):
    s = scheme
    matches = reverse("sharedlives:my_matches", args=[s.person.pk])
    assert "This household is not for me" in _text(client_of(s.you).get(matches))
    client_of(s.you).post(
        reverse("sharedlives:not_for_me", args=[s.referral.pk]),
        {"carer": s.carer.pk, "reason": "Too far from my sister"},
    )
    page = _text(client_of(s.you).get(matches))
    assert "Households you said are not for you" in page
    assert "Too far from my sister" in page
    said = NotForMe.objects.get()
    client_of(s.you).post(reverse("sharedlives:show_again", args=[said.pk]))
    said.refresh_from_db()
    assert said.undone_at is not None


def test_a_carer_posting_straight_after_a_no_is_refused_with_a_clear_message(scheme, client_of):
    s = scheme
    client_of(s.you).post(
        reverse("sharedlives:not_for_me", args=[s.referral.pk]), {"carer": s.carer.pk}
    )
    response = client_of(s.carer_actor).post(
        reverse("sharedlives:interest", args=[s.referral.pk]), {"carer": s.carer.pk}, follow=True
    )
    page = _text(response)
    assert "Sam said no to meeting your household. You can ask again from" in page
    assert not Introduction.objects.exists()


def test_a_carer_says_not_for_us_and_only_they_can_show_it_again(scheme, client_of):
    s = scheme
    requests = reverse("sharedlives:carer_requests")
    assert "Not for us" in _text(client_of(s.carer_actor).get(requests))
    client_of(s.carer_actor).post(
        reverse("sharedlives:not_for_me", args=[s.referral.pk]), {"carer": s.carer.pk}
    )
    assert "People you said are not for you" in _text(client_of(s.carer_actor).get(requests))
    said = NotForMe.objects.get()
    assert (
        client_of(s.you).post(reverse("sharedlives:show_again", args=[said.pk])).status_code == 403
    )


EASY_CREDIT = 'Pictures: <a class="nhsuk-link" href="https://openmoji.org/">OpenMoji</a>'


def test_easy_read_pages_link_both_ways_and_credit_the_pictures(scheme, client_of):
    s = scheme
    interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    introduction = Introduction.objects.get()
    you = client_of(s.you)
    for usual, easy in (
        (
            reverse("sharedlives:my_matches", args=[s.person.pk]),
            reverse("sharedlives:my_matches_easy", args=[s.person.pk]),
        ),
        (
            reverse("sharedlives:introduction", args=[introduction.pk]),
            reverse("sharedlives:introduction_easy", args=[introduction.pk]),
        ),
    ):
        assert f'href="{easy}">Easy read</a>' in _text(you.get(usual))
        page = _text(you.get(easy))
        assert f'href="{usual}">Go to the usual page</a>' in page
        assert EASY_CREDIT in page and "CC BY-SA 4.0" in page
        assert "/static/symbols/" in page and 'alt=""' not in page.split('id="easy-read-words"')[1]
        assert "Read this page aloud" in page and "read-aloud.js" in page


def test_easy_read_matches_speak_to_the_person(scheme, client_of):
    s = scheme
    page = _text(client_of(s.you).get(reverse("sharedlives:my_matches_easy", args=[s.person.pk])))
    assert "You choose who to meet." in page
    assert "I would like to meet them" in page and "Not for me" in page
    about = _text(client_of(s.you).get(reverse("sharedlives:easy_read", args=[s.referral.pk])))
    assert "I would like to live with a family." in about
    assert "Living with a household" not in about


def test_easy_read_matches_show_three_families_at_a_time(scheme, client_of):
    from kinfolk.sharedlives.tests.factories import CarerFactory, trained

    s = scheme
    for n in range(4):
        trained(CarerFactory(area=s.person.area, name=f"The Extra{n} household"))
    url = reverse("sharedlives:my_matches_easy", args=[s.person.pk])
    first = client_of(s.you).get(url).content.decode()
    assert first.count("I would like to meet them") == 3
    assert "Show me more families" in first
    more = client_of(s.you).get(url, {"shown": "6"}).content.decode()
    assert more.count("I would like to meet them") == 6


def test_my_agreement_in_easy_read(scheme, client_of):
    from kinfolk.sharedlives.tests.journeys import agreed, start

    s = scheme
    arrangement = start(s, agreed(s))
    usual = reverse("sharedlives:arrangement", args=[arrangement.pk])
    easy = reverse("sharedlives:arrangement_easy", args=[arrangement.pk])
    assert f'href="{easy}">Easy read</a>' in _text(client_of(s.you).get(usual))
    page = _text(client_of(s.you).get(easy))
    assert "My agreement with The Hughes household" in page
    assert "I live with The Hughes household." in page and 'alt="A house"' in page
    assert "We both said yes to it." in page


def test_the_easy_read_introduction_has_the_persons_own_buttons(scheme, client_of):
    s = scheme
    introduction = both_say_yes(s)
    easy = reverse("sharedlives:introduction_easy", args=[introduction.pk])
    page = _text(client_of(s.you).get(easy))
    assert "How did the introduction meeting go for you?" in page
    assert "Good. I want to carry on" in page and "Not good. I want to stop" in page
    assert "data-read-aloud" in page and "hidden>" in page  # shown only where there is speech
    answered = client_of(s.you).post(
        reverse("sharedlives:introduction_view", args=[introduction.pk]),
        {"carry_on": "yes", "back": "easy"},
    )
    assert answered["Location"] == easy
    view = StageView.objects.get()
    assert view.recorded_by == s.you.user and view.carry_on

"""Wellbeing pages: taking someone out of a circle asks first and says what will happen."""

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import PersonFactory


def test_taking_someone_out_of_the_circle_asks_first(area, make_member, signed_in_client):
    me = make_member(Role.PERSON, area)
    person = PersonFactory(area=area, user=me.user, given_name="Sam")
    client = signed_in_client(me)
    circle = reverse("wellbeing:circle", args=[person.pk])
    client.post(circle, {"name": "Kaz", "who": "friend", "ring": "2", "contact": "weekly"})
    page = client.get(circle).content.decode()
    remove = next(part.split('"')[0] for part in page.split('href="')[1:] if "/remove/" in part)
    confirm = client.get(remove).content.decode()
    assert "Take Kaz out of your circle?" in confirm
    assert "Kaz" in client.get(circle).content.decode()
    client.post(remove)
    assert "Kaz (" not in client.get(circle).content.decode()


def test_how_im_doing_in_easy_read_says_the_latest_answers_in_short_sentences(
    area, make_member, signed_in_client
):
    me = make_member(Role.PERSON, area)
    person = PersonFactory(area=area, user=me.user, given_name="Sam")
    client = signed_in_client(me)
    usual = reverse("wellbeing:how", args=[person.pk])
    easy = reverse("wellbeing:how_easy", args=[person.pk])
    assert f'href="{easy}">Easy read</a>' in client.get(usual).content.decode()
    page = client.get(easy).content.decode()
    assert "Nothing is written down yet." in page
    client.post(
        reverse("wellbeing:measure", args=[person.pk, "ons4"]),
        {"life_satisfaction": 8, "worthwhile": 7, "happiness": 5, "anxiety": 4,
         "recorded_with": "self"},
    )  # fmt: skip
    page = client.get(easy).content.decode()
    assert "I said my life is 8 out of 10." in page
    assert 'alt="A smiling face"' in page
    assert f'href="{usual}">Go to the usual page</a>' in page
    assert "Pictures:" in page and "CC BY-SA 4.0" in page


def test_someone_acting_for_the_person_reads_about_them_by_name(
    area, make_member, signed_in_client
):
    from kinfolk.people.models import GrantScope
    from kinfolk.people.tests.factories import AccessGrantFactory

    me = make_member(Role.PERSON, area)
    person = PersonFactory(area=area, user=me.user, given_name="Sam", can_do="Cook")
    rep = make_member(Role.REPRESENTATIVE, area)
    AccessGrantFactory(person=person, grantee=rep.user, scope=GrantScope.ACT_FOR)
    how = signed_in_client(rep).get(reverse("wellbeing:how", args=[person.pk])).content.decode()
    assert "How Sam feels about life" in how and "How I feel about my life" not in how
    record = signed_in_client(rep).get(reverse("people:detail", args=[person.pk]))
    words = record.content.decode()
    assert "What matters to Sam" in words and "What Sam can do" in words
    assert "What I can do" not in words
    own = signed_in_client(me).get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "What matters to me" in own and "What I can do" in own

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

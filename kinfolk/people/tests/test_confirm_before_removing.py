"""Taking away someone's access, or taking someone out of a circle, asks first and says what
will happen; nothing changes until the person confirms."""

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.people.models import AccessGrant, GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, PersonFactory


def test_taking_away_access_asks_first(area, make_member, signed_in_client):
    me = make_member(Role.PERSON, area)
    person = PersonFactory(area=area, user=me.user, given_name="Sam")
    daughter = make_member(Role.REPRESENTATIVE, area, display_name="Grace Okafor")
    grant = AccessGrantFactory(person=person, grantee=daughter.user, scope=GrantScope.VIEW)
    client = signed_in_client(me)
    sharing = client.get(reverse("people:sharing", args=[person.pk])).content.decode()
    url = reverse("people:revoke", args=[person.pk, grant.pk])
    assert f'href="{url}"' in sharing
    page = client.get(url).content.decode()
    assert "Stop Grace Okafor seeing your record?" in page
    assert "will not be able to see your record from now on" in page
    assert AccessGrant.objects.get(pk=grant.pk).revoked_at is None
    client.post(url)
    assert AccessGrant.objects.get(pk=grant.pk).revoked_at is not None


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

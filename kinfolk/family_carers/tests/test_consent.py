"""A carer links a person in Kinfolk only with that person's agreement (or whoever acts for
them); until then the carer sees nothing of the person's record."""

import pytest
from django.core.exceptions import PermissionDenied

from kinfolk.accounts.models import Role
from kinfolk.family_carers import notices, services
from kinfolk.notifications.models import Notification
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def samuel(area, make_member):
    member = make_member(Role.PERSON, area, email="samuel@example.test")
    PersonFactory(area=area, user=member.user, what_matters_to_me="My allotment and my cat")
    return member


def _ask(carer_actor, email="samuel@example.test"):
    return services.cared_for_ask_to_link(actor=carer_actor, name="Dad", email=email)


def test_the_person_is_asked_and_the_carer_sees_nothing_of_their_record_until_they_agree(
    carer_actor, samuel, signed_in_client
):
    cared_for = _ask(carer_actor)
    assert not cared_for.linked
    told = Notification.objects.get(recipient=samuel.user, event=notices.ASKED_TO_LINK)
    assert told.link == f"/family-carers/answers/{cared_for.pk}/"
    page = signed_in_client(carer_actor.membership).get(f"/family-carers/plans/{cared_for.pk}/")
    text = page.content.decode()
    assert "Waiting for them to agree" in text
    assert "My allotment" not in text
    person = cared_for.person
    assert signed_in_client(carer_actor.membership).get(f"/people/{person.pk}/").status_code in (
        403,
        404,
    )


def test_asking_for_an_address_nobody_has_looks_the_same_to_the_carer(carer_actor):
    cared_for = _ask(carer_actor, "nobody@example.test")
    assert cared_for.waiting and cared_for.person is None
    assert not Notification.objects.filter(event=notices.ASKED_TO_LINK).exists()


def test_the_person_says_yes_on_their_answer_page(carer_actor, samuel, signed_in_client):
    cared_for = _ask(carer_actor)
    client = signed_in_client(samuel)
    url = f"/family-carers/answers/{cared_for.pk}/"
    assert "asked to link their emergency plan" in client.get(url).content.decode()
    client.post(url, {"answer": "yes"})
    cared_for.refresh_from_db()
    assert cared_for.linked and cared_for.agreed_by == samuel.user
    assert Notification.objects.filter(
        recipient=carer_actor.user, event=notices.LINK_ANSWERED
    ).exists()


def test_saying_no_links_nothing(carer_actor, samuel, actor_for):
    cared_for = _ask(carer_actor)
    services.carer_answer(actor=actor_for(samuel), cared_for=cared_for, agree=False)
    cared_for.refresh_from_db()
    assert not cared_for.linked and cared_for.declined_at is not None


def test_whoever_acts_for_the_person_may_answer_but_not_someone_who_only_sees(
    carer_actor, samuel, make_member, actor_for
):
    cared_for = _ask(carer_actor)
    person = cared_for.person
    sees = make_member(Role.REPRESENTATIVE, person.area)
    AccessGrantFactory(person=person, grantee=sees.user, scope=GrantScope.VIEW)
    with pytest.raises(PermissionDenied):
        services.carer_answer(actor=actor_for(sees), cared_for=cared_for, agree=True)
    acts = make_member(Role.REPRESENTATIVE, person.area)
    AccessGrantFactory(person=person, grantee=acts.user, scope=GrantScope.ACT_FOR)
    services.carer_answer(actor=actor_for(acts), cared_for=cared_for, agree=True)
    cared_for.refresh_from_db()
    assert cared_for.linked


def test_the_carer_cannot_answer_for_the_person(carer_actor, samuel, signed_in_client):
    cared_for = _ask(carer_actor)
    client = signed_in_client(carer_actor.membership)
    assert client.post(f"/family-carers/answers/{cared_for.pk}/", {"answer": "yes"}).status_code
    cared_for.refresh_from_db()
    assert not cared_for.linked
    assert client.get(f"/family-carers/answers/{cared_for.pk}/").status_code == 403


def test_the_persons_home_page_asks_them(carer_actor, samuel, signed_in_client):
    cared_for = _ask(carer_actor)
    home = signed_in_client(samuel).get("/").content.decode()
    assert "Joy Adeyemi asked to link their emergency plan" in home
    assert f"/family-carers/answers/{cared_for.pk}/" in home

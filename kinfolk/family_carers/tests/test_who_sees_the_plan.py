"""Who may see a family carer's emergency plan: the carer; the cared-for person and whoever they
chose, once they agreed; back-up contacts and responders only through the card; nobody else;
another area's plan answers 404."""

import pytest

from kinfolk.accounts.models import Role
from kinfolk.family_carers import services
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _plan(client, family):
    return client.get(f"/family-carers/plans/{family.cared_for.pk}/")


def test_the_carer_sees_their_plan(family, signed_in_client):
    page = _plan(signed_in_client(family.carer), family).content.decode()
    assert "Blue box in the kitchen cupboard" in page
    assert "Penicillin" in page
    assert "Aisha Begum" in page and "Confirmed" in page
    assert "Tunde Adeyemi" in page and "Not confirmed yet" in page


@pytest.mark.parametrize(
    "role",
    [
        Role.EMERGENCY_RESPONDER,
        Role.SCHEME_WORKER,
        Role.AREA_ADMIN,
        Role.FAMILY_CARER,
        Role.PERSON,
        Role.REPRESENTATIVE,
    ],
)
def test_nobody_else_sees_the_plan_directly(family, make_member, signed_in_client, role):
    response = _plan(signed_in_client(make_member(role, family.area)), family)
    assert response.status_code == 403
    assert "Penicillin" not in response.content.decode()


def test_a_confirmed_backup_contact_sees_it_only_through_the_card(family, signed_in_client):
    response = _plan(signed_in_client(family.aisha), family)
    assert response.status_code == 403
    assert "Penicillin" not in response.content.decode()


def test_another_areas_carer_gets_not_found(family, other_area, make_member, signed_in_client):
    response = _plan(signed_in_client(make_member(Role.FAMILY_CARER, other_area)), family)
    assert response.status_code == 404


def test_only_the_carer_changes_the_plan(family, make_member, signed_in_client):
    edit = f"/family-carers/plans/{family.cared_for.pk}/edit/"
    assert signed_in_client(family.carer).get(edit).status_code == 200
    assert signed_in_client(family.responder).get(edit).status_code == 403
    response = signed_in_client(family.responder).post(edit, {"allergies": "None known"})
    assert response.status_code == 403
    family.cared_for.plan.refresh_from_db()
    assert family.cared_for.plan.allergies.startswith("Penicillin")


def _linked(family, make_member, actor_for):
    """Samuel has his own record; Joy asked to link, and he said yes."""
    samuel = make_member(Role.PERSON, family.area, email="samuel@example.test")
    person = PersonFactory(area=family.area, user=samuel.user, what_matters_to_me="My allotment")
    carer = actor_for(family.carer)
    cared_for = services.cared_for_ask_to_link(actor=carer, name="Dad", email="samuel@example.test")
    services.plan_save(actor=carer, cared_for=cared_for, medicines="Metformin 500 mg")
    return samuel, person, cared_for


def test_the_cared_for_person_and_whoever_they_chose_see_it_once_they_agreed(
    family, make_member, actor_for, signed_in_client
):
    samuel, person, cared_for = _linked(family, make_member, actor_for)
    rep = make_member(Role.REPRESENTATIVE, family.area)
    AccessGrantFactory(person=person, grantee=rep.user, scope=GrantScope.VIEW)
    url = f"/family-carers/plans/{cared_for.pk}/"
    assert signed_in_client(samuel).get(url).status_code == 403
    assert signed_in_client(rep).get(url).status_code == 403
    services.carer_answer(actor=actor_for(samuel), cared_for=cared_for, agree=True)
    assert "Metformin 500 mg" in signed_in_client(samuel).get(url).content.decode()
    assert "Metformin 500 mg" in signed_in_client(rep).get(url).content.decode()


def test_someone_elses_representative_does_not_see_it(
    family, make_member, actor_for, signed_in_client
):
    samuel, person, cared_for = _linked(family, make_member, actor_for)
    services.carer_answer(actor=actor_for(samuel), cared_for=cared_for, agree=True)
    rep = make_member(Role.REPRESENTATIVE, family.area)
    AccessGrantFactory(person=PersonFactory(area=family.area), grantee=rep.user)
    assert signed_in_client(rep).get(f"/family-carers/plans/{cared_for.pk}/").status_code == 403

"""A person with their own account, a representative, their link worker and a scheme worker
who has no reason to see them."""

import pytest

from kinfolk.accounts.models import Role
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory, PersonFactory

ONS4 = {"life_satisfaction": 6, "worthwhile": 7, "happiness": 5, "anxiety": 4}


@pytest.fixture
def people(area, make_member, actor_for):
    you = make_member(Role.PERSON, area)
    rep = make_member(Role.REPRESENTATIVE, area)
    worker = make_member(Role.LINK_WORKER, area)
    stranger = make_member(Role.SCHEME_WORKER, area)
    person = PersonFactory(area=area, user=you.user, given_name="Sam")
    AccessGrantFactory(person=person, grantee=rep.user, scope=GrantScope.EDIT)
    AssignmentFactory(person=person, worker=worker.user)
    return person, actor_for(you), actor_for(rep), actor_for(worker), actor_for(stranger)

"""A small scheme: a person with a referral, their worker and representative, a carer household."""

from dataclasses import dataclass

import pytest

from kinfolk.accounts.models import Role
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory, PersonFactory
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory, trained


@dataclass
class Scheme:
    person: object
    referral: object
    carer: object
    you: object  # actors
    representative: object
    worker: object
    other_worker: object
    carer_actor: object
    other_carer_actor: object


@pytest.fixture
def scheme(area, make_member, actor_for) -> Scheme:
    you = make_member(Role.PERSON, area)
    rep = make_member(Role.REPRESENTATIVE, area)
    worker = make_member(Role.SCHEME_WORKER, area)
    other_worker = make_member(Role.SCHEME_WORKER, area)
    carer_member = make_member(Role.SHARED_LIVES_CARER, area)
    other_carer_member = make_member(Role.SHARED_LIVES_CARER, area)
    person = PersonFactory(area=area, user=you.user, given_name="Sam")
    AccessGrantFactory(person=person, grantee=rep.user, scope=GrantScope.ACT_FOR)
    AssignmentFactory(person=person, worker=worker.user)
    referral = ReferralFactory(person=person, created_by=worker.user)
    carer = trained(CarerFactory(area=area, user=carer_member.user, name="The Hughes household"))
    trained(CarerFactory(area=area, user=other_carer_member.user, name="The Ahmed household"))
    return Scheme(
        person,
        referral,
        carer,
        actor_for(you),
        actor_for(rep),
        actor_for(worker),
        actor_for(other_worker),
        actor_for(carer_member),
        actor_for(other_carer_member),
    )

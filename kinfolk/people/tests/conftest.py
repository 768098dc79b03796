"""The people around one person's record: the person themselves, their daughter (a
representative) and a scheme worker, each as an actor."""

import pytest

from kinfolk.accounts.models import Role


@pytest.fixture
def me(make_member, actor_for, area, person):
    membership = make_member(Role.PERSON, area)
    person.user = membership.user
    person.save()
    return actor_for(membership)


@pytest.fixture
def daughter(make_member, actor_for, area):
    return actor_for(make_member(Role.REPRESENTATIVE, area, display_name="Grace Okafor"))


@pytest.fixture
def worker(make_member, actor_for, area):
    return actor_for(make_member(Role.SCHEME_WORKER, area))

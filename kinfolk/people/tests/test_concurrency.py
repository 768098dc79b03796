"""Sharing decisions made twice at the same moment are made once, with a clear answer."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from kinfolk.accounts.models import Role
from kinfolk.people import services
from kinfolk.people.models import AccessGrant, Relationship


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_sharing_with_the_same_person_twice_at_once_gives_one_grant(
    make_member, actor_for, area, person
):
    me = make_member(Role.PERSON, area)
    person.user = me.user
    person.save()
    daughter = make_member(Role.REPRESENTATIVE, area)
    barrier = threading.Barrier(3)
    outcomes = []

    def share():
        try:
            barrier.wait()
            services.access_grant(
                actor=actor_for(me), person=person, grantee_email=daughter.user.email,
                relationship=Relationship.FAMILY, scope="view",
            )  # fmt: skip
            outcomes.append("done")
        except ValidationError as error:
            outcomes.append(error.code)
        except Exception as error:  # a server error is the failure this test exists to catch
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=share) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["done", "duplicate", "duplicate"]
    assert AccessGrant.objects.filter(person=person, revoked_at__isnull=True).count() == 1

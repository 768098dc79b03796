import factory

from kinfolk.accounts.tests.factories import UserFactory
from kinfolk.core.tests.factories import AreaFactory
from kinfolk.people.models import (
    KIND_FOR_ROLE,
    ROLE_FOR_KIND,
    AccessGrant,
    Assignment,
    GrantScope,
    Person,
    Relationship,
)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    area = factory.SubFactory(AreaFactory)
    given_name = factory.Faker("first_name", locale="en_GB")
    family_name = factory.Faker("last_name", locale="en_GB")
    what_matters_to_me = "Seeing my sister on Sundays"


class AccessGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessGrant

    person = factory.SubFactory(PersonFactory)
    area = factory.SelfAttribute("person.area")
    grantee = factory.SubFactory(UserFactory)
    granted_by = factory.SelfAttribute("grantee")
    relationship = Relationship.FAMILY
    scope = GrantScope.VIEW


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    person = factory.SubFactory(PersonFactory)
    area = factory.SelfAttribute("person.area")
    worker = factory.SubFactory(UserFactory)
    kind = factory.LazyAttribute(lambda a: _kind_for_workers_role(a.worker, a.area))


def _kind_for_workers_role(worker, area) -> str:
    """The allocation kind that matches the care role the worker holds (a scheme worker's if
    they hold several), as the area admin's allocation page would choose."""
    roles = set(worker.memberships.filter(area=area).values_list("role", flat=True))
    for role in ROLE_FOR_KIND.values():
        if role in roles:
            return KIND_FOR_ROLE[role]
    return Assignment.Kind.ALLOCATED_WORKER


def grant_access(me, person, to, scope=GrantScope.VIEW):
    """The person (or whoever acts for them) shares the record with a representative."""
    from kinfolk.people import services

    return services.access_grant(
        actor=me,
        person=person,
        grantee_email=to.user.email,
        relationship=Relationship.FAMILY,
        scope=scope,
    )

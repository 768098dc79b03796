import factory

from kinfolk.accounts.tests.factories import UserFactory
from kinfolk.core.tests.factories import AreaFactory
from kinfolk.people.models import AccessGrant, Assignment, GrantScope, Person, Relationship


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

import factory

from kinfolk.accounts.models import Membership, Role, User
from kinfolk.core.tests.factories import AreaFactory

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    display_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    area = factory.SubFactory(AreaFactory)
    role = Role.SCHEME_WORKER


def api_token_for(membership, name: str = "Tests") -> str:
    """A live API token for a membership, made as its holder would (staff after a second step)."""
    from kinfolk.accounts.actor import Actor
    from kinfolk.accounts.services import api_token_issue

    if membership.is_staff_role and not membership.user.mfa_enabled:
        membership.user.mfa_enabled = True
        membership.user.save(update_fields=["mfa_enabled"])
    actor = Actor(user=membership.user, membership=membership)
    return api_token_issue(actor=actor, name=name, second_step_done=True)

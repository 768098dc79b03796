"""The demo area's sign-ins: one per role, and the extra workers and carers it needs."""

from django.contrib.auth.hashers import make_password

from kinfolk.core.registries import DemoArea

from .models import Membership, Role, User

DEMO_DOMAIN = "demo.kinfolk.test"

# One sign-in per role; the display names are made up.
DEMO_ACCOUNTS = {
    Role.PERSON: "Sam Okafor",
    Role.REPRESENTATIVE: "Grace Okafor",
    Role.SHARED_LIVES_CARER: "Bernadette Hughes",
    Role.SCHEME_WORKER: "Priya Shah",
    Role.REFERRER: "Dr Tom Whitfield",
    Role.LINK_WORKER: "Kwame Mensah",
    Role.COMMUNITY_ORGANISATION_MEMBER: "Lucy Barker",
    Role.COMMISSIONER: "Martin Doyle",
    Role.EXPERT_BY_EXPERIENCE: "Aisha Rahman",
    Role.AREA_ADMIN: "Helen Price",
    Role.FAMILY_CARER: "Joy Adeyemi",
    Role.EMERGENCY_RESPONDER: "Dan Ellis",
    Role.BUDGET_APPROVER: "Ruth Adeyemi",
    Role.BROKER: "Dev Patel",
}
EXTRA_SCHEME_WORKERS = 3


def demo_email(role: str) -> str:
    return f"{role.replace('_', '-')}@{DEMO_DOMAIN}"


def _demo_user(email: str, name: str, password_hash: str | None) -> User:
    user, _ = User.objects.get_or_create(email=email, defaults={"display_name": name})
    if password_hash:
        user.password = password_hash
    else:
        user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


def demo_sign_ins(area, password: str) -> dict:
    """A user and a membership for each role, all with the shared demo password."""
    # The password is hashed once and the hash shared: every demo sign-in has the same,
    # published password, and a slow hash per account made loading the demo slow.
    password_hash = make_password(password) if password else None
    accounts = {
        role: _demo_user(demo_email(role), name, password_hash)
        for role, name in DEMO_ACCOUNTS.items()
    }
    for role, user in accounts.items():
        Membership.objects.get_or_create(user=user, area=area, role=role)
    return accounts


def load_demo(demo: DemoArea) -> None:
    """More scheme workers, and a user for each carer household (only the demo carer has a
    password)."""
    area, fake = demo.area, demo.fake
    demo.workers = [demo.sign_ins[Role.SCHEME_WORKER]] + [
        _demo_user(f"scheme-worker-{n}@{DEMO_DOMAIN}", fake.name(), None)
        for n in range(2, EXTRA_SCHEME_WORKERS + 2)
    ]
    for worker in demo.workers[1:]:
        Membership.objects.get_or_create(user=worker, area=area, role=Role.SCHEME_WORKER)
    demo.carers = [demo.sign_ins[Role.SHARED_LIVES_CARER]] + [
        _demo_user(f"carer-{n:03d}@{DEMO_DOMAIN}", fake.name(), None)
        for n in range(2, demo.carers_wanted + 1)
    ]
    Membership.objects.bulk_create(
        [Membership(user=u, area=area, role=Role.SHARED_LIVES_CARER) for u in demo.carers[1:]]
    )

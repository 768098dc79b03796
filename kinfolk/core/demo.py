"""A deterministic synthetic area for demonstrations: realistic, made-up people and staff."""

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from faker import Faker

from kinfolk.accounts.models import Membership, Role, User
from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction
from kinfolk.people.models import (
    AccessGrant,
    Assignment,
    BreakGlassAccess,
    GrantScope,
    Person,
    Relationship,
)

DEMO_DOMAIN = "demo.kinfolk.test"
DEMO_AREA_SLUG = "calder-vale-demo"


class DemoRefused(Exception):
    """Demo data must never be loaded into a production database."""


def demo_email(role: str) -> str:
    return f"{role.replace('_', '-')}@{DEMO_DOMAIN}"


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
}
EXTRA_SCHEME_WORKERS = 3

TOWNS = [
    ("Halifax", ["HX1", "HX2", "HX3"]),
    ("Brighouse", ["HD6"]),
    ("Elland", ["HX5"]),
    ("Sowerby Bridge", ["HX6"]),
    ("Hebden Bridge", ["HX7"]),
    ("Todmorden", ["OL14"]),
]
WHAT_MATTERS = [
    "Seeing my sister every Sunday",
    "Going to the football with my dad",
    "Keeping my allotment going",
    "My dog, Biscuit",
    "Singing in the community choir",
    "Being near my friends from college",
    "Cooking my own meals",
    "My job at the garden centre on Tuesdays",
    "Going to Friday prayers",
    "Swimming at the leisure centre",
    "Having a quiet room of my own",
    "Knowing who is coming to help me and when",
]
CAN_DO = [
    "Make a cup of tea and simple meals",
    "Use the bus into town on routes I know",
    "Look after my money for the week",
    "Get dressed and washed by myself",
    "Use my phone to message my family",
    "Help with the gardening",
]
COULD_DO_WITH_SUPPORT = [
    "Cook a full meal with someone alongside me",
    "Go to new places with someone the first few times",
    "Keep track of appointments with reminders",
    "Take my tablets at the right times",
    "Manage bills and letters",
]
RELY_ON = [
    "Help with medication",
    "Personal care in the morning",
    "Someone with me overnight",
    "Support when I am anxious in crowds",
    "Help with moving using a hoist",
]
COMMUNICATION = [
    "",
    "",
    "Easy read letters, please",
    "Uses Makaton alongside speech",
    "British Sign Language",
    "Give me time to answer; I may need questions repeated",
]


@dataclass
class DemoSummary:
    area: str
    people: int
    carers: int
    staff: int
    created: bool


def _deterministic_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _demo_user(email: str, name: str, password: str | None) -> User:
    user, _ = User.objects.get_or_create(email=email, defaults={"display_name": name})
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


def _refuse_in_production() -> None:
    if settings.KINFOLK_ENVIRONMENT == "production" or not (
        settings.KINFOLK_DEMO or settings.KINFOLK_ENVIRONMENT == "test"
    ):
        raise DemoRefused(
            "The demo area is made-up data and cannot be loaded with production settings."
        )


@transaction.atomic
def demo_load(*, seed: int = 1, people: int = 200, carers: int = 120) -> DemoSummary:
    """Load the demo area, or bring its sign-ins up to date if it is already there."""
    from kinfolk.core.models import Area

    _refuse_in_production()
    password = settings.KINFOLK_DEMO_PASSWORD
    area = Area.objects.filter(slug=DEMO_AREA_SLUG).first()
    created = area is None
    if created:
        area = Area.objects.create(
            name="Calder Vale",
            slug=DEMO_AREA_SLUG,
            council="Calder Vale Council (demo)",
            nhs_body="NHS Calder Vale Integrated Care Board (demo)",
        )
    accounts = {
        role: _demo_user(demo_email(role), name, password) for role, name in DEMO_ACCOUNTS.items()
    }
    for role, user in accounts.items():
        Membership.objects.get_or_create(user=user, area=area, role=role)
    if created:
        _populate(area, accounts, seed=seed, people=people, carers=carers)
        audit_record(
            actor=None,
            action=AuditAction.CREATE,
            target_type="demo_area",
            target_id=area.pk,
            area=area,
            detail={"seed": seed, "people": people},
        )
    return DemoSummary(
        area=area.name,
        people=Person.objects.in_area(area).count(),
        carers=Membership.objects.in_area(area).filter(role=Role.SHARED_LIVES_CARER).count(),
        staff=Membership.objects.in_area(area)
        .exclude(role__in=[Role.PERSON, Role.REPRESENTATIVE, Role.SHARED_LIVES_CARER])
        .count(),
        created=created,
    )


def _populate(area, accounts: dict, *, seed: int, people: int, carers: int) -> None:
    rng = random.Random(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    workers = [accounts[Role.SCHEME_WORKER]] + [
        _demo_user(f"scheme-worker-{n}@{DEMO_DOMAIN}", fake.name(), None)
        for n in range(2, EXTRA_SCHEME_WORKERS + 2)
    ]
    for worker in workers[1:]:
        Membership.objects.get_or_create(user=worker, area=area, role=Role.SCHEME_WORKER)
    carer_users = [accounts[Role.SHARED_LIVES_CARER]] + [
        _demo_user(f"carer-{n:03d}@{DEMO_DOMAIN}", fake.name(), None) for n in range(2, carers + 1)
    ]
    Membership.objects.bulk_create(
        [Membership(user=u, area=area, role=Role.SHARED_LIVES_CARER) for u in carer_users[1:]]
    )
    records = [_demo_person(area, rng, fake) for _ in range(people)]
    records[0].user = accounts[Role.PERSON]
    records[0].given_name, records[0].family_name = "Sam", "Okafor"
    records[0].preferred_name = "Sam"
    records[0].date_of_birth = date(1994, 6, 12)
    Person.objects.bulk_create(records)
    _allocate(area, records, workers, accounts, rng)
    _share(area, records, accounts)
    _emergency_access(area, records, accounts)
    from kinfolk.sharedlives.demo import load_shared_lives

    load_shared_lives(area, records, carer_users, workers, rng)
    from kinfolk.wellbeing.demo import load_wellbeing

    if len(records) >= 100:
        load_wellbeing(area, records, workers[0], rng)
        from kinfolk.directory.demo import load_directory

        load_directory(area, rng)
        from kinfolk.social_prescribing.demo import load_prescribing

        load_prescribing(
            area,
            records[150:180],
            accounts[Role.REFERRER],
            accounts[Role.LINK_WORKER],
            accounts[Role.COMMUNITY_ORGANISATION_MEMBER],
            rng,
        )


def _demo_person(area, rng: random.Random, fake: Faker) -> Person:
    town, outward_codes = rng.choice(TOWNS)
    age = rng.randint(18, 92)
    born = date.today() - timedelta(days=age * 365 + rng.randint(0, 364))
    given = fake.first_name()
    return Person(
        id=_deterministic_uuid(rng),
        area=area,
        given_name=given,
        family_name=fake.last_name(),
        preferred_name=rng.choice(["", "", "", given[:3]]) if len(given) > 4 else "",
        date_of_birth=born,
        phone=f"07{rng.randint(700, 999)} {rng.randint(100000, 999999)}",
        address=f"{rng.randint(1, 180)} {fake.street_name()}\n{town}",
        postcode=f"{rng.choice(outward_codes)} {rng.randint(1, 9)}{fake.random_uppercase_letter()}"
        f"{fake.random_uppercase_letter()}",
        communication_needs=rng.choice(COMMUNICATION),
        what_matters_to_me=". ".join(rng.sample(WHAT_MATTERS, 2)) + ".",
        can_do=". ".join(rng.sample(CAN_DO, 2)) + ".",
        could_do_with_support=rng.choice(COULD_DO_WITH_SUPPORT) + ".",
        rely_on_services_for=rng.choice(RELY_ON) + ".",
    )


def _allocate(area, records, workers, accounts, rng: random.Random) -> None:
    assignments = [
        Assignment(
            area=area,
            person=person,
            worker=workers[i % len(workers)],
            kind=Assignment.Kind.ALLOCATED_WORKER,
        )
        for i, person in enumerate(records)
    ]
    assignments += [
        Assignment(
            area=area,
            person=person,
            worker=accounts[Role.LINK_WORKER],
            kind=Assignment.Kind.LINK_WORKER,
        )
        for person in rng.sample(records[1:], min(30, len(records) - 1))
    ]
    assignments += [
        Assignment(
            area=area, person=person, worker=accounts[Role.REFERRER], kind=Assignment.Kind.REFERRER
        )
        for person in rng.sample(records[1:], min(10, len(records) - 1))
    ]
    Assignment.objects.bulk_create(assignments)


def _share(area, records, accounts) -> None:
    person_user, representative = accounts[Role.PERSON], accounts[Role.REPRESENTATIVE]
    grants = [
        AccessGrant(
            area=area,
            person=records[0],
            grantee=representative,
            relationship=Relationship.FAMILY,
            scope=GrantScope.ACT_FOR,
            granted_by=person_user,
        )
    ]
    grants += [
        AccessGrant(
            area=area,
            person=p,
            grantee=representative,
            relationship=Relationship.ADVOCATE,
            scope=GrantScope.VIEW,
            granted_by=representative,
        )
        for p in records[1:3]
    ]
    AccessGrant.objects.bulk_create(grants)


def _emergency_access(area, records, accounts) -> None:
    started = timezone.now() - timedelta(days=3, hours=2)
    BreakGlassAccess.objects.create(
        area=area,
        person=records[-1],
        user=accounts[Role.LINK_WORKER],
        role=Role.LINK_WORKER,
        reason="Called by A&E at 02:00: needed medication list and next of kin; allocated worker "
        "not on shift.",
        started_at=started,
        expires_at=started + timedelta(hours=1),
    )

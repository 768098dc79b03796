"""The demo area's people: made-up records with what matters to them, their workers, the
people they share their record with, and one use of emergency access."""

import random
import uuid
from datetime import date, timedelta

from django.utils import timezone
from faker import Faker

from kinfolk.accounts.models import Role
from kinfolk.core.registries import DemoArea

from .models import (
    AccessGrant,
    Assignment,
    BreakGlassAccess,
    GrantScope,
    Person,
    Relationship,
)

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


def _deterministic_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def load_demo(demo: DemoArea) -> None:
    """The people, the first of them Sam Okafor (the demo person's own record)."""
    area, rng, accounts = demo.area, demo.rng, demo.sign_ins
    records = [_demo_person(area, rng, demo.fake) for _ in range(demo.people_wanted)]
    records[0].user = accounts[Role.PERSON]
    records[0].given_name, records[0].family_name = "Sam", "Okafor"
    records[0].preferred_name = "Sam"
    records[0].date_of_birth = date(1994, 6, 12)
    Person.objects.bulk_create(records)
    _allocate(area, records, demo.workers, accounts, rng)
    _share(area, records, accounts)
    _emergency_access(area, records, accounts)
    demo.people = records


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

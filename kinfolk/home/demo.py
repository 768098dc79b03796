"""A deterministic synthetic area for demonstrations: realistic, made-up people and staff.

The hub makes the area and its sign-ins; each app adds its own part (registered with
kinfolk.core.registries from its AppConfig.ready()), in order.
"""

import random
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from faker import Faker

from kinfolk.accounts.demo import demo_sign_ins
from kinfolk.accounts.models import Membership, Role
from kinfolk.core.audit import audit_record
from kinfolk.core.models import Area, AuditAction
from kinfolk.core.registries import DemoArea, demo_parts
from kinfolk.people.models import Person

DEMO_AREA_SLUG = "calder-vale-demo"


class DemoRefused(Exception):
    """Demo data must never be loaded into a production database."""


@dataclass
class DemoSummary:
    area: str
    people: int
    carers: int
    staff: int
    created: bool


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
    _refuse_in_production()
    area = Area.objects.filter(slug=DEMO_AREA_SLUG).first()
    created = area is None
    if created:
        area = Area.objects.create(
            name="Calder Vale",
            slug=DEMO_AREA_SLUG,
            council="Calder Vale Council (demo)",
            nhs_body="NHS Calder Vale Integrated Care Board (demo)",
        )
    sign_ins = demo_sign_ins(area, settings.KINFOLK_DEMO_PASSWORD)
    if created:
        _populate(area, sign_ins, seed=seed, people=people, carers=carers)
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


def _populate(area, sign_ins: dict, *, seed: int, people: int, carers: int) -> None:
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    demo = DemoArea(
        area=area,
        rng=random.Random(seed),
        fake=fake,
        people_wanted=people,
        carers_wanted=carers,
        sign_ins=sign_ins,
    )
    for part in demo_parts():
        part.run(demo)

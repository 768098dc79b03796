from datetime import date, timedelta

import factory

from kinfolk.people.tests.factories import PersonFactory
from kinfolk.sharedlives.models import (
    COURSE_YEARS,
    ApplicationCheck,
    ApplicationStep,
    Carer,
    CarerStatus,
    Referral,
    TrainingRecord,
    add_years,
)


class CarerFactory(factory.django.DjangoModelFactory):
    """An approved household near Halifax, approved for long-term and short breaks."""

    class Meta:
        model = Carer

    name = factory.Sequence(lambda n: f"Household {n}")
    postcode = "HX1 2AB"
    latitude = 53.7235
    longitude = -1.8640
    status = CarerStatus.APPROVED
    approved_types = factory.LazyFunction(lambda: ["long_term", "short_breaks", "day_support"])
    approved_needs = factory.LazyFunction(lambda: ["learning_disability", "autism", "medication"])
    places = 2
    rooms = 2
    approved_on = factory.LazyFunction(lambda: date.today() - timedelta(days=100))
    carer_genders = factory.LazyFunction(lambda: ["female"])
    interests = factory.LazyFunction(lambda: ["gardening", "cooking"])
    languages = factory.LazyFunction(lambda: ["English"])


def trained(carer, on: date | None = None, by=None):
    """Give a household every required course, done recently (or on a date)."""
    on = on or date.today() - timedelta(days=30)
    for course, years in COURSE_YEARS.items():
        TrainingRecord.objects.create(
            area=carer.area,
            carer=carer,
            course=course,
            completed_on=on,
            expires_on=add_years(on, years) if years else None,
        )
    return carer


def applied(carer, by):
    for step in ApplicationStep.values:
        ApplicationCheck.objects.create(
            area=carer.area, carer=carer, step=step, completed_on=date.today(), recorded_by=by
        )
    return carer


class ReferralFactory(factory.django.DjangoModelFactory):
    """An assessed referral from a worker, for someone without a home and family to go to."""

    class Meta:
        model = Referral

    person = factory.SubFactory(PersonFactory)
    area = factory.SelfAttribute("person.area")
    source = "worker"
    received_on = factory.LazyFunction(lambda: date.today() - timedelta(days=40))
    status = "looking"
    has_own_home = False
    family_able_to_support = False
    assessed_on = factory.LazyFunction(lambda: date.today() - timedelta(days=30))
    postcode = "HX1 3CD"
    latitude = 53.7235
    longitude = -1.8640
    arrangement_types = factory.LazyFunction(lambda: ["long_term"])
    support_needs = factory.LazyFunction(lambda: ["learning_disability"])
    interests = factory.LazyFunction(lambda: ["gardening"])
    share_with_suitable_carers = True

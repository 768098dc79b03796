"""Small hand-made profiles for tests: one person, one household, changed one fact at a time."""

from dataclasses import replace
from datetime import date

from kinfolk.matching import (
    ArrangementType,
    CarerHousehold,
    DateRange,
    Gender,
    Location,
    PersonProfile,
    PlaceThatMatters,
    SupportNeed,
)

HALIFAX = Location(53.7210, -1.8575)
NEARBY = Location(53.7300, -1.8500)  # about 1 km away
SISTER = PlaceThatMatters("Sam's sister", "family", Location(53.7400, -1.8400), 30)


def sam(**changes) -> PersonProfile:
    base = PersonProfile(
        id="sam",
        name="Sam",
        age=34,
        location=HALIFAX,
        arrangement_types=frozenset({ArrangementType.LONG_TERM}),
        needs=frozenset({SupportNeed.LEARNING_DISABILITY, SupportNeed.MEDICATION}),
        interests=frozenset({"gardening", "football"}),
        places_that_matter=(SISTER,),
    )
    return replace(base, **changes)


def household(**changes) -> CarerHousehold:
    base = CarerHousehold(
        id="hughes",
        name="The Hughes household",
        location=NEARBY,
        approved_types=frozenset(ArrangementType),
        approved_needs=frozenset(SupportNeed),
        places=2,
        carer_genders=frozenset({Gender.FEMALE, Gender.MALE}),
        step_free=True,
        ground_floor_bedroom=True,
        own_bathroom=True,
        interests=frozenset({"gardening", "baking"}),
        confident_with=frozenset({SupportNeed.LEARNING_DISABILITY}),
        available=(DateRange(date(2027, 3, 1), date(2027, 3, 31)),),
    )
    return replace(base, **changes)

"""Every hard constraint excludes a household, with a reason a worker can read."""

from datetime import date

import pytest

from kinfolk.matching import (
    ArrangementType,
    Atmosphere,
    DateRange,
    Gender,
    Location,
    Matcher,
    SupportNeed,
)

from .helpers import household, sam


def why_not(person, carer):
    return Matcher([person], [carer]).why_not(person.id, carer.id)


def test_a_household_that_fits_is_possible_and_ranked():
    answer = why_not(sam(), household())
    assert answer.possible and answer.exclusions == () and answer.rank == 1


@pytest.mark.parametrize(
    ("person", "carer", "code", "words"),
    [
        (
            sam(),
            household(approved_types=frozenset({ArrangementType.DAY_SUPPORT})),
            "arrangement_not_approved",
            ["living with a household", "day support"],
        ),
        (
            sam(needs=frozenset({SupportNeed.EPILEPSY})),
            household(approved_needs=frozenset({SupportNeed.AUTISM})),
            "need_not_approved",
            ["not approved to support epilepsy"],
        ),
        (sam(), household(places=1, people_living_there=1), "no_free_place", ["no free place"]),
        (
            sam(pet_allergy=True),
            household(pets="two cats"),
            "pets_allergy",
            ["Carer has two cats — Sam is allergic: excluded"],
        ),
        (
            sam(wants_no_pets=True),
            household(pets="a dog"),
            "pets_not_wanted",
            ["a dog", "rather not live with pets"],
        ),
        (sam(needs_smoke_free=True), household(smokes=True), "smoking", ["smoke-free"]),
        (
            sam(needs_step_free=True),
            household(step_free=False),
            "step_free_access",
            ["not step-free"],
        ),
        (
            sam(needs_ground_floor_bedroom=True),
            household(ground_floor_bedroom=False),
            "ground_floor_bedroom",
            ["ground-floor bedroom"],
        ),
        (
            sam(needs_own_bathroom=True),
            household(own_bathroom=False),
            "own_bathroom",
            ["bathroom of their own"],
        ),
        (
            sam(children_ok=False),
            household(children_at_home=True),
            "children_in_home",
            ["Children live in the home"],
        ),
        (
            sam(needs=frozenset({SupportNeed.PERSONAL_CARE}), personal_care_gender=Gender.FEMALE),
            household(carer_genders=frozenset({Gender.MALE})),
            "personal_care_gender",
            ["personal care from a woman"],
        ),
        (
            sam(),
            household(location=Location(53.95, -1.08)),
            "too_far_from_places",
            ["minutes from Sam's sister", "no more than 30"],
        ),
        (
            sam(
                arrangement_types=frozenset({ArrangementType.DAY_SUPPORT}),
                max_day_support_minutes=20,
            ),
            household(location=Location(53.80, -1.75), day_support_travel_minutes=20),
            "too_far_for_day_support",
            ["too far for day support"],
        ),
        (
            sam(
                arrangement_types=frozenset({ArrangementType.SHORT_BREAKS}),
                short_break_dates=(DateRange(date(2027, 5, 1), date(2027, 5, 4)),),
            ),
            household(),
            "no_shared_dates",
            ["not free on the dates"],
        ),
        (sam(age=72), household(max_age=65), "outside_age_range", ["aged 18 to 65", "Sam is 72"]),
        (sam(), household(location=Location(51.5, -0.12)), "out_of_area", ["km away"]),
    ],
)
def test_each_hard_constraint_excludes_with_its_reason(person, carer, code, words):
    answer = why_not(person, carer)
    assert not answer.possible
    codes = dict(answer.exclusions)
    assert code in codes, answer.exclusions
    for word in words:
        assert word in codes[code], codes[code]
    assert Matcher([person], [carer]).suggest_for_person(person.id) == []


def test_short_breaks_on_shared_dates_are_possible():
    person = sam(
        arrangement_types=frozenset({ArrangementType.SHORT_BREAKS}),
        short_break_dates=(DateRange(date(2027, 3, 30), date(2027, 4, 2)),),
    )
    assert why_not(person, household()).possible


def test_one_way_of_support_passing_is_enough():
    # Sam would take long-term or day support; the household has no free place, so only
    # day support is possible, and that is enough to suggest it.
    person = sam(
        arrangement_types=frozenset({ArrangementType.LONG_TERM, ArrangementType.DAY_SUPPORT})
    )
    assert why_not(person, household(places=1, people_living_there=1)).possible


def test_soft_preferences_never_exclude():
    person = sam(atmosphere=Atmosphere.QUIET, faith="Muslim", faith_important=True, diet="halal")
    answer = why_not(person, household(atmosphere=Atmosphere.LIVELY))
    assert answer.possible

"""Turn referrals and carer households into the matching engine's profiles, and ask it.

The engine suggests; people decide. Households the scheme has stopped from new
introductions (training out of date, a review overdue, at their limit) are not suggested,
and "why not?" says so.
"""

from dataclasses import dataclass
from datetime import date

from kinfolk.matching import (
    ArrangementType,
    Atmosphere,
    CarerHousehold,
    DailyRhythm,
    Gender,
    Location,
    Matcher,
    PersonProfile,
    PlaceThatMatters,
    SupportNeed,
)

from .models import Carer, Referral


def _age(person, today: date) -> int:
    born = person.date_of_birth
    if born is None:
        return 40
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def person_profile(referral: Referral, today: date | None = None) -> PersonProfile:
    person = referral.person
    places = tuple(
        PlaceThatMatters(
            name=p["name"],
            kind=p.get("kind", "family"),
            location=Location(p["latitude"], p["longitude"]),
            max_minutes=int(p["max_minutes"]),
        )
        for p in referral.places_that_matter
        if p.get("latitude") is not None
    )
    return PersonProfile(
        id=str(referral.pk),
        name=person.called,
        age=_age(person, today or date.today()),
        location=Location(referral.latitude, referral.longitude),
        arrangement_types=frozenset(ArrangementType(t) for t in referral.arrangement_types),
        needs=frozenset(SupportNeed(n) for n in referral.support_needs),
        needs_step_free=referral.needs_step_free,
        needs_ground_floor_bedroom=referral.needs_ground_floor_bedroom,
        needs_own_bathroom=referral.needs_own_bathroom,
        pet_allergy=referral.pet_allergy,
        wants_no_pets=referral.wants_no_pets,
        needs_smoke_free=referral.needs_smoke_free,
        children_ok=referral.children_ok,
        personal_care_gender=Gender(referral.personal_care_gender)
        if referral.personal_care_gender
        else None,
        atmosphere=Atmosphere(referral.atmosphere),
        languages=frozenset(referral.languages or ["English"]),
        faith=referral.faith or None,
        faith_important=referral.faith_important,
        diet=referral.diet or None,
        interests=frozenset(referral.interests),
        daily_rhythm=DailyRhythm(referral.daily_rhythm),
        places_that_matter=places,
        max_day_support_minutes=referral.max_day_support_minutes,
    )


def carer_household(carer: Carer, introductions_in_progress: int = 0) -> CarerHousehold:
    return CarerHousehold(
        id=str(carer.pk),
        name=carer.name,
        location=Location(carer.latitude, carer.longitude),
        approved_types=frozenset(ArrangementType(t) for t in carer.approved_types),
        approved_needs=frozenset(SupportNeed(n) for n in carer.approved_needs),
        places=carer.places,
        people_living_there=carer.places_in_use,
        introductions_in_progress=introductions_in_progress,
        carer_genders=frozenset(Gender(g) for g in carer.carer_genders),
        pets=carer.pets,
        smokes=carer.smokes,
        children_at_home=carer.children_at_home,
        step_free=carer.step_free,
        ground_floor_bedroom=carer.ground_floor_bedroom,
        own_bathroom=carer.own_bathroom,
        spare_rooms=carer.rooms,
        skills=frozenset(carer.skills),
        interests=frozenset(carer.interests),
        languages=frozenset(carer.languages or ["English"]),
        faith=carer.faith or None,
        diets=frozenset(carer.diets),
        atmosphere=Atmosphere(carer.atmosphere),
        daily_rhythm=DailyRhythm(carer.daily_rhythm),
        min_age=carer.min_age,
        max_age=carer.max_age,
        confident_with=frozenset(SupportNeed(n) for n in carer.confident_with),
        day_support_travel_minutes=carer.day_support_travel_minutes,
    )


@dataclass(frozen=True)
class CarerSuggestion:
    carer: Carer
    score: float
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]


def suggestions_for(
    referral: Referral, carers: list[Carer], held_back: dict, in_progress: dict, k: int = 50
) -> list[CarerSuggestion]:
    """Every suitable household for this person, best first (the person sees them all)."""
    open_carers = [c for c in carers if c.pk not in held_back and c.latitude is not None]
    if not open_carers or referral.latitude is None:
        return []
    matcher = Matcher(
        [person_profile(referral)],
        [carer_household(c, in_progress.get(c.pk, 0)) for c in open_carers],
    )
    by_id = {str(c.pk): c for c in open_carers}
    return [
        CarerSuggestion(by_id[s.carer_id], s.score, s.reasons, s.cautions)
        for s in matcher.suggest_for_person(str(referral.pk), k=k)
    ]


def people_for(carer: Carer, referrals: list[Referral], in_progress: int, k: int = 20) -> list:
    """The people (who chose to be seen) this household might suit, best first, with reasons."""
    located = [r for r in referrals if r.latitude is not None]
    if not located or carer.latitude is None:
        return []
    matcher = Matcher([person_profile(r) for r in located], [carer_household(carer, in_progress)])
    by_id = {str(r.pk): r for r in located}
    return [
        (by_id[s.person_id], CarerSuggestion(carer, s.score, s.reasons, s.cautions))
        for s in matcher.suggest_for_carer(str(carer.pk), k=k)
    ]


def why_not(referral: Referral, carer: Carer, held_back: dict, in_progress: int) -> tuple:
    """Plain-English reasons a household is not suggested (empty if it is suitable)."""
    reasons = list(held_back.get(carer.pk, ()))
    if carer.latitude is None or referral.latitude is None:
        return (*reasons, "We do not know where the household or the person lives.")
    person = person_profile(referral)
    household = carer_household(carer, in_progress)
    answer = Matcher([person], [household]).why_not(person.id, household.id)
    if not answer.possible:
        reasons += [sentence for _, sentence in answer.exclusions]
    return tuple(reasons)

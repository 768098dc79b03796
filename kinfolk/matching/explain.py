"""Plain-English reasons, cautions and exclusions for one pair."""

import numpy as np

from .assess import Exclusion, PairAssessment
from .profiles import (
    ARRANGEMENT_WORDS,
    NEED_WORDS,
    OVERNIGHT,
    ArrangementType,
    Atmosphere,
    CarerHousehold,
    DailyRhythm,
    Gender,
    PersonProfile,
)

GENDER_WORDS = {
    Gender.FEMALE: "a woman",
    Gender.MALE: "a man",
    Gender.NON_BINARY: "a non-binary person",
}
RHYTHM_WORDS = {DailyRhythm.EARLY_RISER: "early risers", DailyRhythm.NIGHT_OWL: "night owls"}


def _join(words: list[str]) -> str:
    words = sorted(words)
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def minutes(km: float, km_per_hour: float) -> int:
    """Travel minutes for a distance, at least one."""
    return max(1, round(km / km_per_hour * 60))


def _minutes(count: int) -> str:
    return "1 minute" if count == 1 else f"{count} minutes"


def exclusion_reasons(
    person: PersonProfile, carer: CarerHousehold, bits: int, km: float, km_per_hour: float
) -> list[tuple[str, str]]:
    """(code, sentence) for each hard constraint that rules this household out."""
    name, E = person.name, Exclusion
    texts = {
        E.ARRANGEMENT_NOT_APPROVED: lambda: (
            f"{name} is looking for "
            f"{_join([ARRANGEMENT_WORDS[t] for t in person.arrangement_types])}"
            "; the household is approved for "
            f"{_join([ARRANGEMENT_WORDS[t] for t in carer.approved_types]) or 'nothing yet'}"
        ),
        E.NEED_NOT_APPROVED: lambda: (
            "The household is not approved to support "
            + _join([NEED_WORDS[n] for n in person.needs - carer.approved_needs])
        ),
        E.NO_FREE_PLACE: lambda: "The household has no free place",
        E.PETS_ALLERGY: lambda: f"Carer has {carer.pets} — {name} is allergic: excluded",
        E.PETS_NOT_WANTED: lambda: (
            f"Carer has {carer.pets} — {name} would rather not live with pets"
        ),
        E.SMOKING: lambda: f"Someone smokes in the home — {name} needs a smoke-free home",
        E.STEP_FREE_ACCESS: lambda: f"The home is not step-free — {name} needs step-free access",
        E.GROUND_FLOOR_BEDROOM: lambda: f"No ground-floor bedroom — {name} needs one",
        E.OWN_BATHROOM: lambda: f"No bathroom of their own for {name}",
        E.CHILDREN_IN_HOME: lambda: (
            f"Children live in the home — {name} would rather not live with children"
        ),
        E.PERSONAL_CARE_GENDER: lambda: (
            f"{name} wants personal care from "
            f"{GENDER_WORDS.get(person.personal_care_gender, 'someone else')}, and no one in the "
            "household can offer that"
        ),
        E.TOO_FAR_FROM_PLACES: lambda: _too_far_from_places(person, carer, km_per_hour),
        E.TOO_FAR_FOR_DAY_SUPPORT: lambda: (
            f"{minutes(km, km_per_hour)} minutes apart — too far for day support "
            f"({name} will travel {person.max_day_support_minutes} minutes, the carer "
            f"{carer.day_support_travel_minutes})"
        ),
        E.NO_SHARED_DATES: lambda: f"The carer is not free on the dates {name} wants short breaks",
        E.OUTSIDE_AGE_RANGE: lambda: (
            f"The household supports people aged {carer.min_age} to {carer.max_age}; "
            f"{name} is {person.age}"
        ),
        E.OUT_OF_AREA: lambda: f"{round(km)} km away: beyond the distance the scheme searches",
    }
    return [(flag.name.lower(), texts[flag]()) for flag in Exclusion if bits & flag]


def _too_far_from_places(person: PersonProfile, carer: CarerHousehold, km_per_hour: float):
    from .geo import km_between_points

    far = []
    for place in person.places_that_matter:
        km = km_between_points(
            place.location.lat, place.location.lon, carer.location.lat, carer.location.lon
        )
        if km / km_per_hour * 60 > place.max_minutes:
            far.append(
                f"{_minutes(minutes(km, km_per_hour))} from {place.name} "
                f"(no more than {place.max_minutes})"
            )
    return "Too far: " + "; ".join(far) if far else "Too far from the places that matter"


def fit_reasons(
    person: PersonProfile, carer: CarerHousehold, a: PairAssessment, k: int, km_per_hour: float
) -> tuple[list[str], list[str]]:
    """The best reasons for and cautions about a possible pair, strongest first."""
    reasons: list[tuple[float, str]] = []
    cautions: list[str] = []
    name = person.name
    shared = sorted(person.interests & carer.interests)
    if shared:
        reasons.append((0.3 + 0.1 * len(shared), f"Both love {_join(shared[:3])}"))
    place_km = a.parts["place_km"][k]
    for place, km in zip(person.places_that_matter, place_km, strict=False):
        if np.isnan(km):
            continue
        mins = minutes(float(km), km_per_hour)
        if mins <= place.max_minutes * 0.5:
            reasons.append((0.25, f"{_minutes(mins)} from {place.name}"))
        elif mins <= place.max_minutes:
            cautions.append(
                f"{_minutes(mins)} from {place.name} (no more than {place.max_minutes})"
            )
    other_languages = sorted((person.languages & carer.languages) - {"English"})
    if other_languages:
        reasons.append((0.3, f"Speaks {_join(other_languages)}, like {name}"))
    elif not person.languages & carer.languages:
        cautions.append(f"No language in common with {name}")
    if person.faith and person.faith == carer.faith:
        reasons.append(
            (0.2 if person.faith_important else 0.1, f"Shares {name}'s {person.faith} faith")
        )
    elif person.faith_important:
        cautions.append(
            f"{name}'s {person.faith} faith matters to them; the household does not share it"
        )
    if person.diet:
        if person.diet in carer.diets:
            reasons.append((0.15, f"Cooks {person.diet} food"))
        else:
            cautions.append(f"Does not usually cook {person.diet} food")
    if person.atmosphere != Atmosphere.ANY:
        if carer.atmosphere == person.atmosphere:
            reasons.append((0.15, f"A {carer.atmosphere} home, as {name} wants"))
        elif carer.atmosphere != Atmosphere.ANY:
            cautions.append(f"A {carer.atmosphere} home; {name} prefers {person.atmosphere}")
    confident = sorted(NEED_WORDS[n] for n in person.needs & carer.confident_with)
    if confident:
        reasons.append((0.2, f"Confident supporting {_join(confident[:3])}"))
    if person.daily_rhythm == carer.daily_rhythm and person.daily_rhythm in RHYTHM_WORDS:
        reasons.append((0.05, f"Both are {RHYTHM_WORDS[person.daily_rhythm]}"))
    if carer.pets and not person.pet_allergy and not person.wants_no_pets:
        cautions.append(f"Has {carer.pets}")
    if carer.children_at_home:
        cautions.append("Children live in the home")
    if person.arrangement_types & carer.approved_types & OVERNIGHT and carer.free_places == 1:
        cautions.append("One place left")
    if ArrangementType.DAY_SUPPORT in person.arrangement_types & carer.approved_types:
        reasons.append(
            (0.05, f"{_minutes(minutes(float(a.km[k]), km_per_hour))} from {name}'s home")
        )
    reasons.sort(key=lambda item: -item[0])
    return [text for _, text in reasons], cautions

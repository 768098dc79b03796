"""Synthetic but realistic regions: people and carer households around English towns."""

import random
from datetime import date, timedelta

from .profiles import (
    ArrangementType,
    Atmosphere,
    CarerHousehold,
    DailyRhythm,
    DateRange,
    Gender,
    Location,
    PersonProfile,
    PlaceThatMatters,
    Region,
    SupportNeed,
)

# (town, lat, lon, relative size)
TOWNS = [
    ("London", 51.507, -0.128, 12),
    ("Birmingham", 52.486, -1.890, 8),
    ("Manchester", 53.480, -2.242, 7),
    ("Leeds", 53.800, -1.549, 6),
    ("Sheffield", 53.381, -1.470, 5),
    ("Bristol", 51.455, -2.588, 5),
    ("Liverpool", 53.408, -2.991, 5),
    ("Newcastle", 54.978, -1.618, 4),
    ("Nottingham", 52.954, -1.158, 4),
    ("Leicester", 52.637, -1.140, 4),
    ("Southampton", 50.910, -1.404, 3),
    ("Plymouth", 50.376, -4.143, 2),
    ("Norwich", 52.630, 1.297, 2),
    ("Exeter", 50.718, -3.534, 2),
    ("York", 53.960, -1.082, 2),
    ("Hull", 53.745, -0.336, 3),
    ("Stoke-on-Trent", 53.003, -2.180, 3),
    ("Derby", 52.923, -1.476, 3),
    ("Coventry", 52.407, -1.508, 3),
    ("Bradford", 53.796, -1.759, 4),
    ("Halifax", 53.722, -1.858, 2),
    ("Carlisle", 54.893, -2.932, 1),
    ("Truro", 50.263, -5.051, 1),
    ("Lincoln", 53.234, -0.538, 1),
    ("Cambridge", 52.205, 0.122, 2),
    ("Oxford", 51.752, -1.258, 2),
    ("Brighton", 50.823, -0.137, 3),
    ("Canterbury", 51.280, 1.080, 1),
    ("Preston", 53.763, -2.703, 2),
    ("Middlesbrough", 54.574, -1.235, 2),
    ("Ipswich", 52.057, 1.148, 1),
    ("Gloucester", 51.864, -2.244, 1),
    ("Shrewsbury", 52.707, -2.754, 1),
    ("Kendal", 54.328, -2.745, 1),
    ("Barnstaple", 51.080, -4.058, 1),
]
INTERESTS = [
    "gardening",
    "cooking",
    "football",
    "music",
    "walking",
    "art",
    "crafts",
    "swimming",
    "animals",
    "films",
    "bingo",
    "church groups",
    "gaming",
    "fishing",
    "dancing",
    "baking",
    "reading",
    "trains",
    "cars",
    "knitting",
    "photography",
    "cycling",
    "theatre",
    "bowling",
    "puzzles",
    "singing",
    "nature",
    "rugby",
    "cricket",
    "shopping",
]
SECOND_LANGUAGES = [
    "Polish",
    "Urdu",
    "Punjabi",
    "Bengali",
    "Gujarati",
    "Romanian",
    "Arabic",
    "British Sign Language",
    "Welsh",
    "Somali",
]
FAITHS = [
    (None, 0.45),
    ("Christian", 0.36),
    ("Muslim", 0.10),
    ("Hindu", 0.03),
    ("Sikh", 0.03),
    ("Jewish", 0.02),
    ("Buddhist", 0.01),
]
PETS = ["a dog", "two cats", "a cat", "two dogs", "a rabbit", "a dog and a cat"]
NEED_RATES_PERSON = {
    SupportNeed.LEARNING_DISABILITY: 0.70,
    SupportNeed.AUTISM: 0.25,
    SupportNeed.PERSONAL_CARE: 0.40,
    SupportNeed.MEDICATION: 0.50,
    SupportNeed.MENTAL_HEALTH: 0.20,
    SupportNeed.EPILEPSY: 0.12,
    SupportNeed.COMMUNICATION: 0.20,
    SupportNeed.MOBILITY_HOIST: 0.04,
    SupportNeed.DEMENTIA: 0.08,
    SupportNeed.BEHAVIOUR_SUPPORT: 0.10,
}
NEED_RATES_CARER = {
    SupportNeed.LEARNING_DISABILITY: 0.92,
    SupportNeed.AUTISM: 0.65,
    SupportNeed.PERSONAL_CARE: 0.80,
    SupportNeed.MEDICATION: 0.88,
    SupportNeed.MENTAL_HEALTH: 0.50,
    SupportNeed.EPILEPSY: 0.45,
    SupportNeed.COMMUNICATION: 0.55,
    SupportNeed.MOBILITY_HOIST: 0.15,
    SupportNeed.DEMENTIA: 0.35,
    SupportNeed.BEHAVIOUR_SUPPORT: 0.30,
}
FAMILY = [
    "my sister",
    "my brother",
    "my mum",
    "my dad",
    "my nan",
    "my son",
    "my daughter",
    "my best friend",
]
ACTIVITIES = [
    "work at the garden centre",
    "my day centre",
    "college",
    "the allotment",
    "church",
    "the football club",
    "my volunteering at the café",
]


def _near(rng: random.Random, lat: float, lon: float, km: float) -> Location:
    """A point scattered around (lat, lon), about `km` either way."""
    return Location(lat + rng.gauss(0, km / 111.0), lon + rng.gauss(0, km / 70.0))


def _town(rng: random.Random):
    return rng.choices(TOWNS, weights=[t[3] for t in TOWNS])[0]


def _faith(rng: random.Random) -> str | None:
    return rng.choices([f for f, _ in FAITHS], weights=[w for _, w in FAITHS])[0]


def _diet(rng: random.Random, faith: str | None) -> str | None:
    if faith == "Muslim" and rng.random() < 0.8:
        return "halal"
    if faith == "Jewish" and rng.random() < 0.5:
        return "kosher"
    return "vegetarian" if rng.random() < 0.08 else None


def _languages(rng: random.Random, rate: float) -> frozenset[str]:
    if rng.random() < rate:
        return frozenset({"English", rng.choice(SECOND_LANGUAGES)})
    return frozenset({"English"})


def _date_ranges(rng, start: date, count: int, days: tuple[int, int]) -> tuple[DateRange, ...]:
    spans = []
    for _ in range(count):
        first = start + timedelta(days=rng.randrange(0, 180))
        spans.append(DateRange(first, first + timedelta(days=rng.randint(*days))))
    return tuple(spans)


def synthetic_person(rng: random.Random, n: int, start: date) -> PersonProfile:
    """One made-up person looking for support."""
    _, lat, lon, size = _town(rng)
    home = _near(rng, lat, lon, 3 + size**0.5)
    types = {
        t
        for t, rate in (
            (ArrangementType.LONG_TERM, 0.55),
            (ArrangementType.SHORT_BREAKS, 0.27),
            (ArrangementType.DAY_SUPPORT, 0.17),
            (ArrangementType.HOME_FROM_HOSPITAL, 0.04),
        )
        if rng.random() < rate
    }
    types = types or {ArrangementType.LONG_TERM}
    needs = frozenset(n_ for n_, rate in NEED_RATES_PERSON.items() if rng.random() < rate)
    faith = _faith(rng)
    places = tuple(
        PlaceThatMatters(
            name=rng.choice(FAMILY if kind == "family" else ACTIVITIES),
            kind=kind,
            location=_near(rng, home.lat, home.lon, 5),
            max_minutes=rng.choice([20, 30, 40, 60]),
        )
        for kind in rng.sample(["family", "work", "day activity"], rng.choice([0, 1, 1, 2, 3]))
    )
    return PersonProfile(
        id=f"P{n:06d}",
        name=f"Person {n}",
        age=min(90, max(18, int(rng.gauss(42, 16)))),
        location=home,
        arrangement_types=frozenset(types),
        needs=needs,
        short_break_dates=_date_ranges(rng, start, rng.randint(1, 3), (2, 7))
        if ArrangementType.SHORT_BREAKS in types
        else (),
        needs_step_free=rng.random() < 0.08,
        needs_ground_floor_bedroom=rng.random() < 0.07,
        needs_own_bathroom=rng.random() < 0.05,
        pet_allergy=rng.random() < 0.06,
        wants_no_pets=rng.random() < 0.08,
        needs_smoke_free=rng.random() < 0.6,
        children_ok=rng.random() < 0.85,
        personal_care_gender=rng.choice([Gender.FEMALE, Gender.MALE])
        if SupportNeed.PERSONAL_CARE in needs and rng.random() < 0.5
        else None,
        atmosphere=rng.choice(list(Atmosphere)),
        languages=_languages(rng, 0.1),
        faith=faith,
        faith_important=faith is not None and rng.random() < 0.4,
        diet=_diet(rng, faith),
        interests=frozenset(rng.sample(INTERESTS, rng.randint(1, 5))),
        daily_rhythm=rng.choice(list(DailyRhythm)),
        places_that_matter=places,
        max_day_support_minutes=rng.choice([20, 30, 45, 60]),
    )


def synthetic_carer(rng: random.Random, n: int, start: date) -> CarerHousehold:
    """One made-up approved carer household."""
    _, lat, lon, size = _town(rng)
    types = {
        t
        for t, rate in (
            (ArrangementType.LONG_TERM, 0.62),
            (ArrangementType.SHORT_BREAKS, 0.45),
            (ArrangementType.DAY_SUPPORT, 0.30),
            (ArrangementType.HOME_FROM_HOSPITAL, 0.08),
        )
        if rng.random() < rate
    }
    types = types or {ArrangementType.SHORT_BREAKS}
    approved = frozenset(n_ for n_, rate in NEED_RATES_CARER.items() if rng.random() < rate)
    places = rng.choices([1, 2, 3], weights=[45, 40, 15])[0]
    faith = _faith(rng)
    genders = {rng.choice([Gender.FEMALE, Gender.FEMALE, Gender.MALE])}
    if rng.random() < 0.5:
        genders.add(rng.choice(list(Gender)))
    min_age = rng.choice([18, 18, 18, 25, 30])
    return CarerHousehold(
        id=f"C{n:06d}",
        name=f"Household {n}",
        location=_near(rng, lat, lon, 4 + size**0.5),
        approved_types=frozenset(types),
        approved_needs=approved,
        places=places,
        people_living_there=rng.randint(0, places) if rng.random() < 0.6 else 0,
        introductions_in_progress=rng.choices([0, 1, 2], weights=[75, 20, 5])[0],
        carer_genders=frozenset(genders),
        pets=rng.choice(PETS) if rng.random() < 0.35 else "",
        smokes=rng.random() < 0.10,
        children_at_home=rng.random() < 0.25,
        step_free=rng.random() < 0.30,
        ground_floor_bedroom=rng.random() < 0.25,
        own_bathroom=rng.random() < 0.20,
        spare_rooms=places,
        skills=frozenset(
            s
            for s, r in (
                ("hoist", 0.15),
                ("epilepsy rescue medication", 0.35),
                ("Makaton", 0.25),
                ("British Sign Language", 0.05),
            )
            if rng.random() < r
        ),
        interests=frozenset(rng.sample(INTERESTS, rng.randint(2, 6))),
        languages=_languages(rng, 0.12),
        faith=faith,
        diets=frozenset(
            d for d in {_diet(rng, faith), "vegetarian" if rng.random() < 0.5 else None} if d
        ),
        atmosphere=rng.choice(list(Atmosphere)),
        daily_rhythm=rng.choice(list(DailyRhythm)),
        min_age=min_age,
        max_age=rng.choice([65, 75, 90, 120, 120]),
        confident_with=frozenset(n_ for n_ in sorted(approved) if rng.random() < 0.7),
        available=_date_ranges(rng, start, rng.randint(2, 6), (7, 30))
        if ArrangementType.SHORT_BREAKS in types
        else (),
        day_support_travel_minutes=rng.choice([15, 20, 30, 45]),
    )


def synthetic_region(
    people: int, carers: int, seed: int = 1, start: date = date(2027, 1, 4)
) -> Region:
    """A deterministic region of made-up people and carer households."""
    rng = random.Random(seed)
    return Region(
        people=[synthetic_person(rng, n, start) for n in range(people)],
        carers=[synthetic_carer(rng, n, start) for n in range(carers)],
    )

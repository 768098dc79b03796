"""Profiles as columns of NumPy arrays, so every pair can be judged at once."""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from .geo import unit_vectors
from .profiles import (
    ArrangementType,
    Atmosphere,
    CarerHousehold,
    DailyRhythm,
    DateRange,
    Gender,
    PersonProfile,
    SupportNeed,
)

TYPE_BITS = {t: 1 << i for i, t in enumerate(ArrangementType)}
NEED_BITS = {n: 1 << i for i, n in enumerate(SupportNeed)}
GENDERS = list(Gender)
ATMOSPHERES = list(Atmosphere)
RHYTHMS = list(DailyRhythm)
MAX_PLACES = 3  # places that matter considered per person
# Short-break dates are compared day by day over this horizon (6 x 64 days).
HORIZON_WORDS = 6
HORIZON_DAYS = HORIZON_WORDS * 64
NO_DATES = np.iinfo(np.int64).max


class Vocabulary:
    """Words (interests, languages, faiths, diets) as bit positions or small integers."""

    def __init__(self, words, limit: int | None = None):
        self.words = sorted(set(words))
        if limit is not None and len(self.words) > limit:
            raise ValueError(
                f"At most {limit} different values are supported, got {len(self.words)}."
            )
        self.index = {word: i for i, word in enumerate(self.words)}
        self.limit = limit

    def extend(self, words) -> bool:
        """Add new words at the end (the bits already given keep their meaning); False if that
        would pass the limit."""
        new = sorted({w for w in words if w not in self.index})
        if self.limit is not None and len(self.words) + len(new) > self.limit:
            return False
        for word in new:
            self.index[word] = len(self.words)
            self.words.append(word)
        return True

    def mask(self, words) -> int:
        return sum(1 << self.index[w] for w in set(words) if w in self.index)

    def code(self, word) -> int:
        return self.index.get(word, -1) if word is not None else -1


def _mask(values, bits) -> int:
    return sum(bits[v] for v in set(values))


def _day_bits(ranges: tuple[DateRange, ...], start: date) -> list[int]:
    """One bit per day of the horizon, set on the days in these ranges, as 64-bit words."""
    bits = 0
    for span in ranges:
        first = max((span.start - start).days, 0)
        last = min((span.end - start).days, HORIZON_DAYS - 1)
        if last >= first:
            bits |= ((1 << (last - first + 1)) - 1) << first
    return [(bits >> (64 * word)) & WORD for word in range(HORIZON_WORDS)]


WORD = (1 << 64) - 1


@dataclass
class Tables:
    """Both sides as arrays, indexed by position in the region's lists."""

    people: list[PersonProfile]
    carers: list[CarerHousehold]
    horizon_start: date
    # people
    p_xyz: np.ndarray
    p_age: np.ndarray
    p_types: np.ndarray
    p_needs: np.ndarray
    p_flags: dict
    p_gender: np.ndarray
    p_atmosphere: np.ndarray
    p_rhythm: np.ndarray
    p_languages: np.ndarray
    p_interests: np.ndarray
    p_interest_count: np.ndarray
    p_faith: np.ndarray
    p_faith_important: np.ndarray
    p_diet: np.ndarray
    p_place_xyz: np.ndarray  # (people, MAX_PLACES, 3)
    p_place_max_km: np.ndarray  # (people, MAX_PLACES), NaN where no place
    p_day_max_km: np.ndarray
    p_dates: np.ndarray  # (people, HORIZON_WORDS) uint64
    p_first_day: np.ndarray  # the first short-break date wanted, as an ordinal (NO_DATES: none)
    # carers
    c_xyz: np.ndarray
    c_types: np.ndarray
    c_needs: np.ndarray
    c_confident: np.ndarray
    c_free: np.ndarray
    c_intros: np.ndarray
    c_genders: np.ndarray
    c_flags: dict
    c_min_age: np.ndarray
    c_max_age: np.ndarray
    c_atmosphere: np.ndarray
    c_rhythm: np.ndarray
    c_languages: np.ndarray
    c_interests: np.ndarray
    c_interest_count: np.ndarray
    c_faith: np.ndarray
    c_diets: np.ndarray
    c_day_max_km: np.ndarray
    c_dates: np.ndarray
    # What a person requires and what a household offers, one bit each, so that every
    # "must have" constraint is one test: (require & ~offer) == 0.
    p_require: np.ndarray
    c_offer: np.ndarray
    # Kept to rebuild one row the same way (set by build_tables).
    words: "Words | None" = None
    km_per_minute: float = 0.0


# Bit layout for p_require / c_offer: needs first, then household facts, then genders.
_NEEDS = len(SupportNeed)
NO_PETS, SMOKE_FREE, STEP_FREE, NO_CHILDREN = (1 << (_NEEDS + i) for i in range(4))
GENDER_SHIFT = _NEEDS + 4


def _requirement(p: PersonProfile) -> int:
    bits = _mask(p.needs, NEED_BITS)
    bits |= NO_PETS if (p.pet_allergy or p.wants_no_pets) else 0
    bits |= SMOKE_FREE if p.needs_smoke_free else 0
    bits |= STEP_FREE if p.needs_step_free else 0
    bits |= NO_CHILDREN if not p.children_ok else 0
    if p.personal_care_gender and SupportNeed.PERSONAL_CARE in p.needs:
        bits |= 1 << (GENDER_SHIFT + GENDERS.index(p.personal_care_gender))
    return bits


def _offer(c: CarerHousehold) -> int:
    bits = _mask(c.approved_needs, NEED_BITS)
    bits |= NO_PETS if not c.pets else 0
    bits |= SMOKE_FREE if not c.smokes else 0
    bits |= STEP_FREE if c.step_free else 0
    bits |= NO_CHILDREN if not c.children_at_home else 0
    for gender in c.carer_genders:
        bits |= 1 << (GENDER_SHIFT + GENDERS.index(gender))
    return bits


@dataclass
class Words:
    """The region's vocabularies: interests, languages, faiths and diets as bits or codes."""

    interests: Vocabulary
    languages: Vocabulary
    faiths: Vocabulary
    diets: Vocabulary

    @classmethod
    def of(cls, people, carers) -> "Words":
        return cls(
            interests=Vocabulary(
                [w for p in people for w in p.interests] + [w for c in carers for w in c.interests],
                limit=64,
            ),
            languages=Vocabulary(
                [w for p in people for w in p.languages] + [w for c in carers for w in c.languages],
                limit=64,
            ),
            faiths=Vocabulary(
                [p.faith for p in people if p.faith] + [c.faith for c in carers if c.faith]
            ),
            diets=Vocabulary(
                [p.diet for p in people if p.diet] + [d for c in carers for d in c.diets], limit=64
            ),
        )

    def take_in(self, profile) -> bool:
        """Add the words of one changed profile; False if a vocabulary would overflow (then
        the region's tables must be built again)."""
        is_person = isinstance(profile, PersonProfile)
        wanted = {
            "interests": profile.interests,
            "languages": profile.languages,
            "faiths": [profile.faith] if profile.faith else [],
            "diets": ([profile.diet] if profile.diet else []) if is_person else profile.diets,
        }
        for name, words in wanted.items():
            if not getattr(self, name).extend(words):
                return False
        return True


def build_tables(
    people: list[PersonProfile],
    carers: list[CarerHousehold],
    *,
    km_per_hour: float,
    horizon_start: date | None = None,
) -> Tables:
    """Turn profiles into arrays; words become bits shared by both sides."""
    words = Words.of(people, carers)
    if horizon_start is None:
        starts = [r.start for p in people for r in p.short_break_dates]
        horizon_start = min(starts) if starts else date.today()
    km_per_minute = km_per_hour / 60.0
    tables = Tables(
        people=people,
        carers=carers,
        horizon_start=horizon_start,
        **person_columns(people, words, horizon_start, km_per_minute),
        **carer_columns(carers, words, horizon_start, km_per_minute),
    )
    tables.words, tables.km_per_minute = words, km_per_minute
    return tables


def _lat_lon(items):
    return (
        np.array([i.location.lat for i in items], dtype=float),
        np.array([i.location.lon for i in items], dtype=float),
    )


def _flags(items, names):
    return {n: np.array([getattr(i, n) for i in items], dtype=bool) for n in names}


def person_columns(people, words: Words, horizon_start: date, km_per_minute: float) -> dict:
    """The people's columns of the tables (p_...), in the order given."""
    places_xyz = np.zeros((len(people), MAX_PLACES, 3))
    places_km = np.full((len(people), MAX_PLACES), np.nan)
    where = [
        (row, col, place)
        for row, person in enumerate(people)
        for col, place in enumerate(person.places_that_matter[:MAX_PLACES])
    ]
    if where:
        rows, cols = [w[0] for w in where], [w[1] for w in where]
        places_xyz[rows, cols] = unit_vectors(
            np.array([w[2].location.lat for w in where]),
            np.array([w[2].location.lon for w in where]),
        )
        places_km[rows, cols] = [w[2].max_minutes * km_per_minute for w in where]
    u64 = np.uint64
    return dict(
        p_xyz=unit_vectors(*_lat_lon(people)) if people else np.zeros((0, 3)),
        p_age=np.array([p.age for p in people], dtype=np.int16),
        p_types=np.array([_mask(p.arrangement_types, TYPE_BITS) for p in people], dtype=np.uint8),
        p_needs=np.array([_mask(p.needs, NEED_BITS) for p in people], dtype=np.uint16),
        p_flags=_flags(
            people,
            [
                "needs_step_free",
                "needs_ground_floor_bedroom",
                "needs_own_bathroom",
                "pet_allergy",
                "wants_no_pets",
                "needs_smoke_free",
                "children_ok",
            ],
        ),
        p_gender=np.array(
            [
                GENDERS.index(p.personal_care_gender)
                if p.personal_care_gender and SupportNeed.PERSONAL_CARE in p.needs
                else -1
                for p in people
            ],
            dtype=np.int8,
        ),
        p_atmosphere=np.array([ATMOSPHERES.index(p.atmosphere) for p in people], dtype=np.int8),
        p_rhythm=np.array([RHYTHMS.index(p.daily_rhythm) for p in people], dtype=np.int8),
        p_languages=np.array([words.languages.mask(p.languages) for p in people], dtype=u64),
        p_interests=np.array([words.interests.mask(p.interests) for p in people], dtype=u64),
        p_interest_count=np.array([len(p.interests) for p in people], dtype=np.int16),
        p_faith=np.array([words.faiths.code(p.faith) for p in people], dtype=np.int16),
        p_faith_important=np.array([p.faith_important for p in people], dtype=bool),
        p_diet=np.array([words.diets.code(p.diet) for p in people], dtype=np.int16),
        p_place_xyz=places_xyz,
        p_place_max_km=places_km,
        p_day_max_km=np.array([p.max_day_support_minutes * km_per_minute for p in people]),
        p_dates=np.array(
            [_day_bits(p.short_break_dates, horizon_start) for p in people], dtype=u64
        ).reshape(len(people), HORIZON_WORDS),
        p_first_day=np.array(
            [
                min(r.start for r in p.short_break_dates).toordinal()
                if p.short_break_dates
                else NO_DATES
                for p in people
            ],
            dtype=np.int64,
        ),
        p_require=np.array([_requirement(p) for p in people], dtype=np.uint32),
    )


def carer_columns(carers, words: Words, horizon_start: date, km_per_minute: float) -> dict:
    """The households' columns of the tables (c_...), in the order given."""
    u64 = np.uint64
    return dict(
        c_xyz=unit_vectors(*_lat_lon(carers)) if carers else np.zeros((0, 3)),
        c_types=np.array([_mask(c.approved_types, TYPE_BITS) for c in carers], dtype=np.uint8),
        c_needs=np.array([_mask(c.approved_needs, NEED_BITS) for c in carers], dtype=np.uint16),
        c_confident=np.array([_mask(c.confident_with, NEED_BITS) for c in carers], dtype=np.uint16),
        c_free=np.array([c.free_places for c in carers], dtype=np.int16),
        c_intros=np.array([c.introductions_in_progress for c in carers], dtype=np.int16),
        c_genders=np.array(
            [sum(1 << GENDERS.index(g) for g in c.carer_genders) for c in carers], dtype=np.uint8
        ),
        c_flags={
            "has_pets": np.array([bool(c.pets) for c in carers], dtype=bool),
            **_flags(
                carers,
                ["smokes", "children_at_home", "step_free", "ground_floor_bedroom", "own_bathroom"],
            ),
        },
        c_min_age=np.array([c.min_age for c in carers], dtype=np.int16),
        c_max_age=np.array([c.max_age for c in carers], dtype=np.int16),
        c_atmosphere=np.array([ATMOSPHERES.index(c.atmosphere) for c in carers], dtype=np.int8),
        c_rhythm=np.array([RHYTHMS.index(c.daily_rhythm) for c in carers], dtype=np.int8),
        c_languages=np.array([words.languages.mask(c.languages) for c in carers], dtype=u64),
        c_interests=np.array([words.interests.mask(c.interests) for c in carers], dtype=u64),
        c_interest_count=np.array([len(c.interests) for c in carers], dtype=np.int16),
        c_faith=np.array([words.faiths.code(c.faith) for c in carers], dtype=np.int16),
        c_diets=np.array([words.diets.mask(c.diets) for c in carers], dtype=u64),
        c_day_max_km=np.array([c.day_support_travel_minutes * km_per_minute for c in carers]),
        c_dates=np.array(
            [_day_bits(c.available, horizon_start) for c in carers], dtype=u64
        ).reshape(len(carers), HORIZON_WORDS),
        c_offer=np.array([_offer(c) for c in carers], dtype=np.uint32),
    )


def horizon_after(tables: Tables, row: int, person: PersonProfile) -> date:
    """Where the day-by-day horizon starts once this person's row is changed or added: the
    first short-break date anyone wants, as building the tables would set it."""
    first = tables.p_first_day.copy()
    day = (
        min(r.start for r in person.short_break_dates).toordinal()
        if person.short_break_dates
        else NO_DATES
    )
    first = np.append(first, day) if row == len(first) else first
    first[row] = day
    earliest = int(first.min()) if len(first) else NO_DATES
    return tables.horizon_start if earliest == NO_DATES else date.fromordinal(earliest)


def put_row(tables: Tables, columns: dict, row: int) -> None:
    """Write one profile's columns (built for it alone) into row `row`; a row one past the end
    is added."""
    for name, column in columns.items():
        if isinstance(column, dict):
            held = getattr(tables, name)
            for flag, values in column.items():
                held[flag] = put_at(held[flag], values, row)
        else:
            setattr(tables, name, put_at(getattr(tables, name), column, row))


def put_at(held: np.ndarray, one: np.ndarray, row: int) -> np.ndarray:
    """`held` with row `row` replaced by the one row in `one` (or added, one past the end)."""
    if row == len(held):
        return np.concatenate([held, one])
    held[row] = one[0]
    return held


def day_of(tables: Tables, offset: int) -> date:
    return tables.horizon_start + timedelta(days=offset)

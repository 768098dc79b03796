"""Judge pairs of (person, carer) all at once: hard constraints, then fit in both directions."""

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import IntFlag

import numpy as np
from scipy.spatial import cKDTree

from .config import MatchingConfig
from .geo import EARTH_RADIUS_KM, km_between
from .profiles import ArrangementType, SupportNeed
from .tables import ATMOSPHERES, MAX_PLACES, NEED_BITS, RHYTHMS, TYPE_BITS, Tables


class Exclusion(IntFlag):
    """Why a carer household cannot be suggested for a person (a hard constraint)."""

    ARRANGEMENT_NOT_APPROVED = 1 << 0
    NEED_NOT_APPROVED = 1 << 1
    NO_FREE_PLACE = 1 << 2
    PETS_ALLERGY = 1 << 3
    PETS_NOT_WANTED = 1 << 4
    SMOKING = 1 << 5
    STEP_FREE_ACCESS = 1 << 6
    GROUND_FLOOR_BEDROOM = 1 << 7
    OWN_BATHROOM = 1 << 8
    CHILDREN_IN_HOME = 1 << 9
    PERSONAL_CARE_GENDER = 1 << 10
    TOO_FAR_FROM_PLACES = 1 << 11
    TOO_FAR_FOR_DAY_SUPPORT = 1 << 12
    NO_SHARED_DATES = 1 << 13
    OUTSIDE_AGE_RANGE = 1 << 14
    OUT_OF_AREA = 1 << 15


OVERNIGHT_BITS = (
    TYPE_BITS[ArrangementType.LONG_TERM]
    | TYPE_BITS[ArrangementType.SHORT_BREAKS]
    | TYPE_BITS[ArrangementType.HOME_FROM_HOSPITAL]
)
NEAR_PLACES_BITS = (
    TYPE_BITS[ArrangementType.LONG_TERM] | TYPE_BITS[ArrangementType.HOME_FROM_HOSPITAL]
)
PERSONAL_CARE_BIT = NEED_BITS[SupportNeed.PERSONAL_CARE]
ANY, QUIET, LIVELY = (ATMOSPHERES.index(a) for a in ("any", "quiet", "lively"))
FLEXIBLE = RHYTHMS.index("flexible")


@dataclass
class PairAssessment:
    """The verdict on each pair (person index I[k], carer index J[k])."""

    person: np.ndarray
    carer: np.ndarray
    exclusions: np.ndarray  # uint32 Exclusion bits; 0 means the pair is possible
    km: np.ndarray  # between the person's home and the carer's home
    person_fit: np.ndarray  # how well the household suits the person, 0..1
    carer_fit: np.ndarray  # how well the person suits what the carer offers, 0..1
    score: np.ndarray  # reciprocal score, 0..1
    parts: dict  # each part of fit, for explanations

    @property
    def possible(self) -> np.ndarray:
        return self.exclusions == 0


def carer_tree(tables: Tables) -> cKDTree:
    """A k-d tree of carer homes, built once per table."""
    if getattr(tables, "_carer_tree", None) is None:
        tables._carer_tree = cKDTree(tables.c_xyz)
    return tables._carer_tree


def person_radius_km(tables: Tables, config: MatchingConfig) -> np.ndarray:
    """How far from home a household could possibly suit each person.

    By the triangle inequality a household further than (home to place + the place's limit)
    from home is too far from that place; day support is bounded by the person's travel limit.
    Nothing is considered beyond the scheme's search radius.
    """
    if getattr(tables, "_radius", None) is None:
        tables._radius = radius_of(tables, np.arange(len(tables.people)), config)
    return tables._radius


def radius_of(tables: Tables, rows: np.ndarray, config: MatchingConfig) -> np.ndarray:
    """`person_radius_km` for some people only (one changed profile, say)."""
    t = tables
    home_to_place = EARTH_RADIUS_KM * np.arccos(
        np.clip(np.einsum("ikj,ij->ik", t.p_place_xyz[rows], t.p_xyz[rows]), -1.0, 1.0)
    )
    reach = np.nanmin(
        np.where(np.isnan(t.p_place_max_km[rows]), np.inf, home_to_place + t.p_place_max_km[rows]),
        axis=1,
    )
    stay = np.minimum(reach, config.search_radius_km)
    types = t.p_types[rows]
    lt_or_hfh = (types & NEAR_PLACES_BITS) != 0
    sb = (types & TYPE_BITS[ArrangementType.SHORT_BREAKS]) != 0
    ds = (types & TYPE_BITS[ArrangementType.DAY_SUPPORT]) != 0
    radius = np.zeros(len(rows))
    radius = np.where(lt_or_hfh, np.maximum(radius, stay), radius)
    radius = np.where(sb, config.search_radius_km, radius)
    return np.where(
        ds, np.maximum(radius, np.minimum(t.p_day_max_km[rows], config.search_radius_km)), radius
    )


def nearby_pairs(tables: Tables, config: MatchingConfig, people: np.ndarray | None = None):
    """(person, carer, km) for every pair within each person's radius (k-d trees, in C).

    People are searched in groups of similar radius, so nobody is searched at the widest
    radius of all; the groups run on every core (SciPy releases the GIL while searching).
    """
    empty = np.zeros(0, dtype=np.int64)
    if len(tables.carers) == 0 or len(tables.people) == 0:
        return empty, empty, np.zeros(0)
    radius = person_radius_km(tables, config)
    people = np.arange(len(tables.people)) if people is None else np.asarray(people)
    if len(people) == 0:
        return empty, empty, np.zeros(0)
    by_radius = people[np.argsort(radius[people], kind="stable")]
    groups = np.array_split(by_radius, max(1, -(-len(people) // PEOPLE_PER_SEARCH)))
    carer_tree(tables)  # built once, before the searches share it

    def search(group):
        return _pairs_within_radius(tables, radius, group)

    if len(groups) == 1:
        found = [search(groups[0])]
    else:
        with ThreadPoolExecutor(max_workers=min(len(groups), os.cpu_count() or 1)) as pool:
            found = list(pool.map(search, groups))
    return tuple(np.concatenate(column) for column in zip(*found, strict=True))


PEOPLE_PER_SEARCH = 2000


def _pairs_within_radius(tables: Tables, radius: np.ndarray, people: np.ndarray):
    widest = float(radius[people].max())
    found = cKDTree(tables.p_xyz[people]).sparse_distance_matrix(
        carer_tree(tables),
        2.0 * np.sin(widest / EARTH_RADIUS_KM / 2.0) + 1e-12,
        output_type="ndarray",
    )
    I, J = people[found["i"].astype(np.int64)], found["j"].astype(np.int64)
    km = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.minimum(found["v"] / 2.0, 1.0))
    keep = km <= radius[I]
    return I[keep], J[keep], km[keep]


def _bit_count(values: np.ndarray) -> np.ndarray:
    return np.bitwise_count(values).astype(np.float64)


def _fit_of(side_weights: dict, parts: dict) -> np.ndarray:
    total = sum(side_weights.values())
    return sum(parts[name] * weight for name, weight in side_weights.items()) / total


def _combine(a: np.ndarray, b: np.ndarray, how: str) -> np.ndarray:
    if how == "geometric":
        return np.sqrt(a * b)
    if how == "minimum":
        return np.minimum(a, b)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(a + b > 0, 2 * a * b / (a + b), 0.0)


def _atmosphere_fit(wanted: np.ndarray, offered: np.ndarray) -> np.ndarray:
    return np.select([wanted == ANY, offered == ANY, wanted == offered], [0.8, 0.7, 1.0], 0.1)


def _rhythm_fit(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.select([a == b, (a == FLEXIBLE) | (b == FLEXIBLE)], [1.0, 0.7], 0.2)


def _common_exclusions(t: Tables, I: np.ndarray, J: np.ndarray) -> np.ndarray:
    """Constraints that hold whatever the way of support: cheap bit tests, run first."""
    E = Exclusion
    excl = np.zeros(len(I), dtype=np.uint32)

    def exclude(mask, reason):
        excl[mask] |= np.uint32(reason)

    exclude((t.p_types[I] & t.c_types[J]) == 0, E.ARRANGEMENT_NOT_APPROVED)
    exclude((t.p_needs[I] & ~t.c_needs[J]) != 0, E.NEED_NOT_APPROVED)
    pf, cf = t.p_flags, t.c_flags
    has_pets = cf["has_pets"][J]
    allergic = pf["pet_allergy"][I]
    exclude(allergic & has_pets, E.PETS_ALLERGY)
    exclude(pf["wants_no_pets"][I] & has_pets & ~allergic, E.PETS_NOT_WANTED)
    exclude(pf["needs_smoke_free"][I] & cf["smokes"][J], E.SMOKING)
    exclude(pf["needs_step_free"][I] & ~cf["step_free"][J], E.STEP_FREE_ACCESS)
    exclude(~pf["children_ok"][I] & cf["children_at_home"][J], E.CHILDREN_IN_HOME)
    gender = t.p_gender[I]
    gender_bit = np.left_shift(np.uint8(1), np.maximum(gender, 0).astype(np.uint8))
    exclude((gender >= 0) & ((t.c_genders[J] & gender_bit) == 0), E.PERSONAL_CARE_GENDER)
    age = t.p_age[I]
    exclude((age < t.c_min_age[J]) | (age > t.c_max_age[J]), E.OUTSIDE_AGE_RANGE)
    return excl


def _way_exclusions(t: Tables, I: np.ndarray, J: np.ndarray, km: np.ndarray):
    """Each way of support both want has its own tests; one passing way is enough."""
    E = Exclusion
    pf, cf = t.p_flags, t.c_flags
    types = t.p_types[I] & t.c_types[J]
    has = {bit: (types & bit) != 0 for bit in TYPE_BITS.values()}
    lt, sb = TYPE_BITS[ArrangementType.LONG_TERM], TYPE_BITS[ArrangementType.SHORT_BREAKS]
    hfh = TYPE_BITS[ArrangementType.HOME_FROM_HOSPITAL]
    ds = TYPE_BITS[ArrangementType.DAY_SUPPORT]
    overnight = (types & OVERNIGHT_BITS) != 0
    place_free = t.c_free[J] > 0
    rooms = ~(pf["needs_ground_floor_bedroom"][I] & ~cf["ground_floor_bedroom"][J])
    bathroom = ~(pf["needs_own_bathroom"][I] & ~cf["own_bathroom"][J])
    place_km = _km_to_places(t, I, J)
    limits = t.p_place_max_km[I]
    near_places = np.all(np.isnan(limits) | (place_km <= limits), axis=1)
    shared_dates = np.zeros(len(I), dtype=bool)
    wants_breaks = np.flatnonzero(has[sb])
    if len(wants_breaks):
        shared_dates[wants_breaks] = np.any(
            (t.p_dates[I[wants_breaks]] & t.c_dates[J[wants_breaks]]) != 0, axis=1
        )
    day_near = km <= np.minimum(t.p_day_max_km[I], t.c_day_max_km[J])
    stay_ok = place_free & rooms & bathroom
    way_ok = (
        ((has[lt] | has[hfh]) & stay_ok & near_places)
        | (has[sb] & stay_ok & shared_dates)
        | (has[ds] & day_near)
    )
    no_way = (types != 0) & ~way_ok
    excl = np.zeros(len(I), dtype=np.uint32)
    for mask, reason in (
        (overnight & ~place_free, E.NO_FREE_PLACE),
        (overnight & ~rooms, E.GROUND_FLOOR_BEDROOM),
        (overnight & ~bathroom, E.OWN_BATHROOM),
        (((types & NEAR_PLACES_BITS) != 0) & ~near_places, E.TOO_FAR_FROM_PLACES),
        (has[sb] & ~shared_dates, E.NO_SHARED_DATES),
        (has[ds] & ~day_near, E.TOO_FAR_FOR_DAY_SUPPORT),
    ):
        excl[no_way & mask] |= np.uint32(reason)
    return excl, place_km


def _with_fit(t: Tables, config: MatchingConfig, I, J, excl, km, place_km) -> PairAssessment:
    parts = _fit_parts(t, I, J, place_km)
    person_fit = _fit_of(config.person_side, parts["person"])
    carer_fit = _fit_of(config.carer_side, parts["carer"])
    score = _combine(person_fit, carer_fit, config.combine)
    return PairAssessment(
        I, J, excl, km, person_fit, carer_fit, score, {**parts, "place_km": place_km}
    )


def assess(
    tables: Tables, config: MatchingConfig, I: np.ndarray, J: np.ndarray, check_radius: bool = False
) -> PairAssessment:
    """Every hard constraint (with its reason) and fit, for the given pairs (I[k], J[k])."""
    km = km_between(tables.p_xyz[I], tables.c_xyz[J])
    excl = _common_exclusions(tables, I, J)
    way, place_km = _way_exclusions(tables, I, J, km)
    excl |= way
    if check_radius:
        excl[km > config.search_radius_km] |= np.uint32(Exclusion.OUT_OF_AREA)
    return _with_fit(tables, config, I, J, excl, km, place_km)


def possible_pairs(
    tables: Tables, config: MatchingConfig, I: np.ndarray, J: np.ndarray, km: np.ndarray
) -> PairAssessment:
    """Only the pairs that pass every hard constraint, judged cheapest test first."""
    t = tables
    age = t.p_age[I]
    keep = np.flatnonzero(
        ((t.p_require[I] & ~t.c_offer[J]) == 0)
        & ((t.p_types[I] & t.c_types[J]) != 0)
        & (age >= t.c_min_age[J])
        & (age <= t.c_max_age[J])
    )
    I, J, km = I[keep], J[keep], km[keep]
    way, place_km = _way_exclusions(tables, I, J, km)
    keep = np.flatnonzero(way == 0)
    return _with_fit(tables, config, I[keep], J[keep], way[keep], km[keep], place_km[keep])


def _km_to_places(t: Tables, I: np.ndarray, J: np.ndarray) -> np.ndarray:
    """km from the carer's home to each place that matters to the person (NaN: no place)."""
    carer = t.c_xyz[J][:, None, :]
    dot = np.clip(
        np.einsum("ikj,ikj->ik", t.p_place_xyz[I], np.broadcast_to(carer, (len(J), MAX_PLACES, 3))),
        -1.0,
        1.0,
    )
    km = EARTH_RADIUS_KM * np.arccos(dot)
    return np.where(np.isnan(t.p_place_max_km[I]), np.nan, km)


def _fit_parts(t: Tables, I, J, place_km) -> dict:
    shared = _bit_count(t.p_interests[I] & t.c_interests[J])
    p_count, c_count = t.p_interest_count[I], t.c_interest_count[J]
    language = ((t.p_languages[I] & t.c_languages[J]) != 0).astype(float)
    faith_match = (t.p_faith[I] >= 0) & (t.p_faith[I] == t.c_faith[J])
    faith = np.where(
        t.p_faith_important[I], np.where(faith_match, 1.0, 0.2), np.where(faith_match, 1.0, 0.8)
    )
    diet_code = t.p_diet[I]
    diet_bit = np.left_shift(np.uint64(1), np.maximum(diet_code, 0).astype(np.uint64))
    diet = np.where(diet_code < 0, 1.0, ((t.c_diets[J] & diet_bit) != 0).astype(float))
    with np.errstate(invalid="ignore"):
        closeness_each = np.clip(1.0 - place_km / t.p_place_max_km[I], 0.0, 1.0)
    has_places = ~np.all(np.isnan(closeness_each), axis=1)
    closeness = np.where(
        has_places, np.nanmean(np.where(has_places[:, None], closeness_each, 0.0), axis=1), 0.75
    )
    needs = t.p_needs[I]
    need_count = _bit_count(needs)
    confident = np.where(
        need_count > 0, _bit_count(needs & t.c_confident[J]) / np.maximum(need_count, 1), 1.0
    )
    atmosphere = _atmosphere_fit(t.p_atmosphere[I], t.c_atmosphere[J])
    rhythm = _rhythm_fit(t.p_rhythm[I], t.c_rhythm[J])
    return {
        "shared_interests": shared,
        "person": {
            "interests": np.minimum(1.0, shared / np.maximum(np.minimum(p_count, 3), 1)),
            "closeness": closeness,
            "language": language,
            "faith_and_diet": (faith + diet) / 2.0,
            "atmosphere": atmosphere,
            "rhythm": rhythm,
        },
        "carer": {
            "confidence": confident,
            "interests": np.minimum(1.0, shared / np.maximum(np.minimum(c_count, 3), 1)),
            "atmosphere": atmosphere,
            "language": language,
            "rhythm": rhythm,
        },
    }

"""Typed profiles of people seeking Shared Lives support and of carer households."""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ArrangementType(StrEnum):
    LONG_TERM = "long_term"  # living with the carer's household
    SHORT_BREAKS = "short_breaks"  # overnight stays on agreed dates
    DAY_SUPPORT = "day_support"  # days out from the person's own home
    HOME_FROM_HOSPITAL = "home_from_hospital"  # a stay while recovering after hospital


OVERNIGHT = frozenset(
    {ArrangementType.LONG_TERM, ArrangementType.SHORT_BREAKS, ArrangementType.HOME_FROM_HOSPITAL}
)

ARRANGEMENT_WORDS = {
    ArrangementType.LONG_TERM: "living with a household",
    ArrangementType.SHORT_BREAKS: "short breaks",
    ArrangementType.DAY_SUPPORT: "day support",
    ArrangementType.HOME_FROM_HOSPITAL: "home from hospital",
}


class SupportNeed(StrEnum):
    PERSONAL_CARE = "personal_care"
    MEDICATION = "medication"
    MOBILITY_HOIST = "mobility_hoist"
    COMMUNICATION = "communication"
    AUTISM = "autism"
    LEARNING_DISABILITY = "learning_disability"
    MENTAL_HEALTH = "mental_health"
    DEMENTIA = "dementia"
    EPILEPSY = "epilepsy"
    BEHAVIOUR_SUPPORT = "behaviour_support"


NEED_WORDS = {
    SupportNeed.PERSONAL_CARE: "personal care",
    SupportNeed.MEDICATION: "medication",
    SupportNeed.MOBILITY_HOIST: "moving with a hoist",
    SupportNeed.COMMUNICATION: "communication",
    SupportNeed.AUTISM: "autism",
    SupportNeed.LEARNING_DISABILITY: "learning disability",
    SupportNeed.MENTAL_HEALTH: "mental health",
    SupportNeed.DEMENTIA: "dementia",
    SupportNeed.EPILEPSY: "epilepsy",
    SupportNeed.BEHAVIOUR_SUPPORT: "behaviour support",
}


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"


class Atmosphere(StrEnum):
    QUIET = "quiet"
    LIVELY = "lively"
    ANY = "any"


class DailyRhythm(StrEnum):
    EARLY_RISER = "early_riser"
    NIGHT_OWL = "night_owl"
    FLEXIBLE = "flexible"


@dataclass(frozen=True)
class Location:
    """A point in WGS84 degrees."""

    lat: float
    lon: float


@dataclass(frozen=True)
class DateRange:
    """Inclusive dates, for short breaks wanted or offered."""

    start: date
    end: date

    def overlaps(self, other: "DateRange") -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class PlaceThatMatters:
    """Family, work or a day activity the person needs to stay close to."""

    name: str  # as the person says it: "my sister Ama", "work at the garden centre"
    kind: str  # "family", "friend", "work", "day activity"
    location: Location
    max_minutes: int  # how far is too far


@dataclass(frozen=True)
class PersonProfile:
    """Someone looking for a Shared Lives carer, in the terms that matching needs."""

    id: str
    name: str  # what they like to be called, used in explanations
    age: int
    location: Location
    arrangement_types: frozenset[ArrangementType]
    needs: frozenset[SupportNeed] = frozenset()
    short_break_dates: tuple[DateRange, ...] = ()
    # Household requirements (firm):
    needs_step_free: bool = False
    needs_ground_floor_bedroom: bool = False
    needs_own_bathroom: bool = False
    pet_allergy: bool = False
    wants_no_pets: bool = False
    needs_smoke_free: bool = False
    children_ok: bool = True
    personal_care_gender: Gender | None = None  # firm preference for who gives personal care
    # Soft preferences:
    atmosphere: Atmosphere = Atmosphere.ANY
    languages: frozenset[str] = frozenset({"English"})
    faith: str | None = None
    faith_important: bool = False
    diet: str | None = None  # e.g. "halal", "vegetarian", "kosher"
    interests: frozenset[str] = frozenset()
    daily_rhythm: DailyRhythm = DailyRhythm.FLEXIBLE
    places_that_matter: tuple[PlaceThatMatters, ...] = ()
    max_day_support_minutes: int = 45  # how far they will travel for day support


@dataclass(frozen=True)
class CarerHousehold:
    """An approved Shared Lives carer and their household."""

    id: str
    name: str
    location: Location
    approved_types: frozenset[ArrangementType]
    approved_needs: frozenset[SupportNeed]
    places: int  # approved places, never more than 3
    people_living_there: int = 0  # people already supported in the household
    introductions_in_progress: int = 0
    carer_genders: frozenset[Gender] = frozenset()  # who in the household gives personal care
    pets: str = ""  # "" for none, otherwise as a person would say it: "two cats"
    smokes: bool = False
    children_at_home: bool = False
    step_free: bool = False
    ground_floor_bedroom: bool = False
    own_bathroom: bool = False
    spare_rooms: int = 1
    skills: frozenset[str] = frozenset()  # "hoist", "epilepsy rescue medication", "Makaton"
    interests: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset({"English"})
    faith: str | None = None
    diets: frozenset[str] = frozenset()  # diets they cook for
    atmosphere: Atmosphere = Atmosphere.ANY
    daily_rhythm: DailyRhythm = DailyRhythm.FLEXIBLE
    min_age: int = 18  # who they feel they can support well
    max_age: int = 120
    confident_with: frozenset[SupportNeed] = frozenset()
    available: tuple[DateRange, ...] = ()  # dates offered for short breaks
    day_support_travel_minutes: int = 30

    @property
    def free_places(self) -> int:
        """Places left, never counting beyond the limit of three people per household."""
        return max(0, min(self.places, 3) - self.people_living_there)


@dataclass
class Region:
    """People and carers considered together (a scheme, or the whole country)."""

    people: list[PersonProfile] = field(default_factory=list)
    carers: list[CarerHousehold] = field(default_factory=list)

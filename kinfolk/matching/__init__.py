"""The Shared Lives matching engine: plain Python, NumPy and SciPy, no Django.

Suggestions inform people; they never decide. See docs/matching.md.
"""

from .assess import Exclusion
from .config import MatchingConfig
from .plan import IntroductionPlan, max_welfare_plan, stable_plan
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
from .stable import count_blocking_pairs, deferred_acceptance, stable_matching
from .suggest import Matcher, Suggestion, WhyNot

__all__ = [
    "ArrangementType",
    "Atmosphere",
    "CarerHousehold",
    "DailyRhythm",
    "DateRange",
    "Exclusion",
    "Gender",
    "IntroductionPlan",
    "Location",
    "Matcher",
    "MatchingConfig",
    "PersonProfile",
    "PlaceThatMatters",
    "Region",
    "Suggestion",
    "SupportNeed",
    "WhyNot",
    "count_blocking_pairs",
    "deferred_acceptance",
    "max_welfare_plan",
    "stable_matching",
    "stable_plan",
]

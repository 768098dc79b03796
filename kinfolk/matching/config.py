"""Per-scheme matching settings, with documented defaults (docs/matching.md explains them)."""

from dataclasses import dataclass, field
from typing import Literal

# How much each part of fit counts, from the person's side: would this home suit me?
PERSON_SIDE_WEIGHTS = {
    "interests": 0.30,  # shared interests are what people most often name
    "closeness": 0.20,  # near the people and places that matter
    "language": 0.15,
    "faith_and_diet": 0.15,
    "atmosphere": 0.12,  # a quiet or lively home
    "rhythm": 0.08,  # early riser or night owl
}
# From the carer's side: is this someone we said we can support well?
CARER_SIDE_WEIGHTS = {
    "confidence": 0.35,  # needs the household feels confident with
    "interests": 0.25,
    "atmosphere": 0.15,
    "language": 0.15,
    "rhythm": 0.10,
}


@dataclass(frozen=True)
class MatchingConfig:
    """What a scheme can tune. Weights in each direction are normalised to sum to 1."""

    person_side: dict[str, float] = field(default_factory=lambda: dict(PERSON_SIDE_WEIGHTS))
    carer_side: dict[str, float] = field(default_factory=lambda: dict(CARER_SIDE_WEIGHTS))
    combine: Literal["harmonic", "geometric", "minimum"] = "harmonic"
    # Average local travel speed for turning distance into minutes (30 km/h: town driving).
    travel_km_per_hour: float = 30.0
    # Introductions a carer may have in progress at once (a scheme setting).
    introduction_limit_per_carer: int = 2
    # How many of their best-fitting carers a person is asked to consider in a plan.
    plan_list_length: int = 50
    # No household further away than this is considered (about 80 minutes at 30 km/h):
    # Shared Lives keeps people near their own lives.
    search_radius_km: float = 40.0

    def __post_init__(self):
        for side in (self.person_side, self.carer_side):
            if any(weight < 0 for weight in side.values()) or sum(side.values()) <= 0:
                raise ValueError("Weights must be non-negative and not all zero.")

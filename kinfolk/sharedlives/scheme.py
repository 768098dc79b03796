"""A scheme's settings: limits on introductions in progress, and payment bands.

Defaults here; an area overrides them with `KINFOLK_SHARED_LIVES` in settings.
"""

from dataclasses import dataclass, field

from django.conf import settings

# Pence. Weekly for living together; per night for short breaks and home from hospital;
# per session for day support. Band 1 is the least support, band 3 the most.
DEFAULT_BANDS = {
    "long_term": {1: 45_000, 2: 52_500, 3: 61_000},
    "home_from_hospital": {1: 9_000, 2: 10_500, 3: 12_000},
    "short_breaks": {1: 7_500, 2: 9_000, 3: 10_500},
    "day_support": {1: 4_500, 2: 5_500, 3: 6_500},
}
RATE_UNITS = {
    "long_term": "week",
    "home_from_hospital": "night",
    "short_breaks": "night",
    "day_support": "session",
}


@dataclass(frozen=True)
class SchemeSettings:
    introductions_per_carer: int = 2
    introductions_per_person: int = 3
    bands: dict = field(default_factory=lambda: DEFAULT_BANDS)


def scheme_settings() -> SchemeSettings:
    return SchemeSettings(**getattr(settings, "KINFOLK_SHARED_LIVES", {}))

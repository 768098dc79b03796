"""Where a postcode is, roughly: the centre of its outward code.

Kinfolk needs only "about how far" for matching, so an outward code's centre is enough.
The table holds the demo area's codes; a real area loads its own (ONS Postcode Directory
outward-code centroids) with `KINFOLK_OUTWARD_CODES` in settings.
"""

import re

from django.conf import settings

OUTWARD_CODE_CENTRES = {
    "HX1": (53.7235, -1.8640),
    "HX2": (53.7390, -1.8990),
    "HX3": (53.7190, -1.8270),
    "HX4": (53.6850, -1.8890),
    "HX5": (53.6850, -1.8400),
    "HX6": (53.7080, -1.9100),
    "HX7": (53.7420, -2.0140),
    "HD6": (53.7020, -1.7820),
    "OL14": (53.7130, -2.0970),
    "BD13": (53.7800, -1.8800),
}
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})?$")


class UnknownPostcode(ValueError):
    pass


def normalise_postcode(text: str) -> str:
    compact = re.sub(r"\s+", "", (text or "").upper())
    if len(compact) > 4 and compact[-3].isdigit():
        return f"{compact[:-3]} {compact[-3:]}"
    return compact


def locate(postcode: str) -> tuple[float, float]:
    """(latitude, longitude) of a postcode's outward code, or UnknownPostcode."""
    code = normalise_postcode(postcode)
    match = POSTCODE.match(code)
    table = {**OUTWARD_CODE_CENTRES, **getattr(settings, "KINFOLK_OUTWARD_CODES", {})}
    if not match or match.group(1) not in table:
        raise UnknownPostcode(
            f"We do not know where {postcode or 'that'} is. Use a postcode in this area, "
            "like HX1 2AB."
        )
    return table[match.group(1)]

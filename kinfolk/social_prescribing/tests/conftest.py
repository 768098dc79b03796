"""Every test area has the practices referrers choose from (as `practices_load` would add)."""

import pytest

from kinfolk.social_prescribing.services import practice_record

PRACTICES = [("B82005", "Calder Health Centre"), ("B82011", "Todmorden Group Practice")]


def practices_for(area) -> None:
    """The test area's list of practices."""
    for code, name in PRACTICES:
        practice_record(area=area, ods_code=code, name=name)


@pytest.fixture(autouse=True)
def _practices_listed(request):
    for name in ("area", "other_area"):
        if name in request.fixturenames:
            practices_for(request.getfixturevalue(name))

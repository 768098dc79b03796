"""A scheme whose introduction is at its first meeting, and dates that are always ahead."""

from datetime import date, time, timedelta

import pytest

from kinfolk.sharedlives.tests.journeys import both_say_yes

NEXT_WEEK = date.today() + timedelta(days=7)
LATER = date.today() + timedelta(days=9)


def when(day=None, **changes) -> dict:
    """A date, times and place for a meeting, as the form gives them to the services."""
    fields = dict(
        day=day or NEXT_WEEK,
        starts=time(14, 0),
        ends=time(16, 0),
        place="Café at the library",
        getting_there="Bus 503 stops outside",
    )
    fields.update(changes)
    return fields


@pytest.fixture
def introduction(scheme):
    return both_say_yes(scheme)

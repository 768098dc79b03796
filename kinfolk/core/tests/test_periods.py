"""Reports by financial year: whole years that never overlap; a year still going only to the
end of its last complete quarter; and no cut that lets one quarter be subtracted from the next
to reveal a small group."""

from datetime import date

import pytest
from django.core.exceptions import BadRequest

from kinfolk.core.disclosure import protect_over_time
from kinfolk.core.periods import chosen, year_of, years

TODAY = date(2026, 11, 24)


def test_a_year_runs_from_april_to_march_and_a_year_going_shows_complete_quarters():
    year = year_of(TODAY, TODAY)
    assert (year.starts_on, year.ends_on, year.code) == (
        date(2026, 4, 1),
        date(2027, 3, 31),
        "2026-27",
    )
    assert year.cuts == [date(2026, 6, 30), date(2026, 9, 30)]
    assert year.label == "April 2026 to March 2027, so far: to 30 September 2026"
    assert year.short == "2026 to 2027 (so far)"
    past = year_of(date(2025, 5, 1), TODAY)
    assert past.is_over and past.cuts[-1] == date(2026, 3, 31)
    assert past.label == "April 2025 to March 2026"


def test_only_the_years_offered_can_be_asked_for():
    offered = [y.code for y in years(since=date(2024, 7, 1), today=TODAY)]
    assert offered == ["2026-27", "2025-26", "2024-25"]
    assert chosen(None, since=date(2024, 7, 1), today=TODAY).code == "2026-27"
    assert chosen("2025-26", since=date(2024, 7, 1), today=TODAY).code == "2025-26"
    for asked in ("2023-24", "2025-27", "last-month", "2026-11-01"):
        with pytest.raises(BadRequest):
            chosen(asked, since=date(2024, 7, 1), today=TODAY)


def test_a_count_that_moved_by_fewer_than_5_since_the_last_quarter_is_withheld():
    relations = [("all", ["a", "b"])]
    q1 = {"all": 20, "a": 10, "b": 10}
    q2 = {"all": 22, "a": 12, "b": 10}  # two more in "a": subtracting would reveal them
    shown = protect_over_time([q1, q2], relations)
    assert shown["a"] is None and shown["all"] is None  # and its total, or it could be worked out
    assert shown["b"] == 10
    q3 = {"all": 30, "a": 20, "b": 10}  # eight more since "a" was last shown
    assert protect_over_time([q1, q2, q3], relations) == {"all": 30, "a": 20, "b": 10}

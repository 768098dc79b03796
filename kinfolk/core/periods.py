"""The periods reports are given for: whole financial years (1 April to 31 March), which never
overlap. A year still going is shown to the end of its last complete quarter, cut quarter by
quarter so the disclosure rule can compare each cut with the one before (`protect_over_time`).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import BadRequest

FIRST_MONTH = 4  # April


@dataclass(frozen=True)
class FinancialYear:
    starts_on: date
    ends_on: date  # 31 March
    today: date

    @property
    def code(self) -> str:
        """2025-26"""
        return f"{self.starts_on.year}-{str(self.starts_on.year + 1)[-2:]}"

    @property
    def is_over(self) -> bool:
        return self.ends_on < self.today

    @property
    def cuts(self) -> list[date]:
        """The last day of each complete quarter so far (all four once the year is over)."""
        ends = []
        for n in range(1, 5):
            month = self.starts_on.month + 3 * n
            year = self.starts_on.year + (month - 1) // 12
            first_after = date(year, (month - 1) % 12 + 1, 1)
            end = first_after - timedelta(days=1)
            if end < self.today:
                ends.append(end)
        return ends

    @property
    def shown_to(self) -> date | None:
        """The last day the figures cover: the year's end, or its last complete quarter."""
        return self.cuts[-1] if self.cuts else None

    @property
    def short(self) -> str:
        """For the year picker: "2026 to 2027 (so far)"."""
        return f"{self.starts_on.year} to {self.ends_on.year}" + (
            "" if self.is_over else " (so far)"
        )

    @property
    def label(self) -> str:
        years = f"April {self.starts_on.year} to March {self.ends_on.year}"
        if self.is_over:
            return years
        if self.shown_to is None:
            return f"{years} (no complete quarter yet)"
        return f"{years}, so far: to {self.shown_to:%-d %B %Y}"


def year_of(day: date, today: date) -> FinancialYear:
    start = date(day.year if day.month >= FIRST_MONTH else day.year - 1, FIRST_MONTH, 1)
    return FinancialYear(start, date(start.year + 1, 3, 31), today)


def years(*, since: date | None, today: date, at_most: int = 6) -> list[FinancialYear]:
    """The financial years with figures, newest first (the current one, then back to `since`)."""
    current = year_of(today, today)
    first = year_of(since, today) if since else current
    found, year = [], current
    while year.starts_on >= first.starts_on and len(found) < at_most:
        found.append(year)
        year = year_of(year.starts_on - timedelta(days=1), today)
    return found


def chosen(code: str | None, *, since: date | None, today: date) -> FinancialYear:
    """The year asked for as ?period=2025-26 (the current one if none); one not offered is a
    bad request, so no other cut of the figures can be asked for."""
    offered = years(since=since, today=today)
    if not code:
        return offered[0]
    for year in offered:
        if year.code == code:
            return year
    raise BadRequest("Choose one of the financial years offered, like 2025-26.")

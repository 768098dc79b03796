"""The words Shared Lives pages use for lists, dates and kinds of arrangement."""

from datetime import date

from .models import ARRANGEMENT_CHOICES, NEED_CHOICES

TYPE_WORDS = dict(ARRANGEMENT_CHOICES)
NEED_LABELS = dict(NEED_CHOICES)


def words(values, labels=None) -> str:
    """A list in a sentence: "a, b and c" (or "None recorded")."""
    items = [(labels or {}).get(v, v) for v in values]
    if not items:
        return "None recorded"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def long_date(day: date | None) -> str:
    """3 March 2026, or "Not yet"."""
    return day.strftime("%-d %B %Y") if day else "Not yet"

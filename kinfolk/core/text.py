"""Cleaning what people type, in one place: used by services, forms and API schemas alike.

Names lose the invisible characters that reorder or hide text (bidi and zero-width controls);
a reason must have something visible in it; a date of birth must be a plausible one.
"""

import re
import unicodedata
from datetime import date
from typing import Annotated

from django.core.exceptions import ValidationError
from pydantic import AfterValidator

# Zero-width spaces and joiners, left-to-right and right-to-left marks, bidi embeddings and
# overrides, bidi isolates, and the byte order mark: they change how text reads, not what it says.
INVISIBLE_CONTROLS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
OLDEST_AGE_YEARS = 130


def without_controls(value: str) -> str:
    """The text without bidi and zero-width controls."""
    return INVISIBLE_CONTROLS.sub("", value or "")


def _is_visible(ch: str) -> bool:
    return not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp"))


def visible_text(value: str | None) -> str:
    """The text without invisible controls, stripped; or "" if nothing visible is left."""
    text = without_controls(value or "").strip()
    return text if any(_is_visible(ch) for ch in text) else ""


def clean_name(value: str | None) -> str:
    """A person's name as it should be stored: no invisible controls, no outer spaces, and
    empty (so refused where a name is needed) if nothing visible is left."""
    return visible_text(value)


def date_of_birth_problem(value: date | str | None, today: date | None = None) -> str | None:
    """What is wrong with a date of birth, or None if it is plausible (or not given)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return "Date of birth must be a real date, like 1958-03-27."
    today = today or date.today()
    if value > today:
        return "Date of birth must be today or in the past."
    try:
        oldest = today.replace(year=today.year - OLDEST_AGE_YEARS)
    except ValueError:  # 29 February
        oldest = today.replace(year=today.year - OLDEST_AGE_YEARS, day=28)
    if value < oldest:
        return f"Date of birth must be within the last {OLDEST_AGE_YEARS} years."
    return None


def check_date_of_birth(value: date | None) -> None:
    """Refuse a date of birth in the future or more than 130 years ago."""
    problem = date_of_birth_problem(value)
    if problem:
        raise ValidationError(problem, code="date_of_birth")


# --- API schema types (pydantic) -------------------------------------------------------------


def _schema_name(value: str) -> str:
    cleaned = clean_name(value)
    if not cleaned:
        raise ValueError("a name must have visible characters")
    return cleaned


def _schema_optional_name(value: str) -> str:
    return clean_name(value)


def _schema_reason(value: str) -> str:
    cleaned = visible_text(value)
    if not cleaned:
        raise ValueError("a reason must have visible characters, not only spaces")
    return cleaned


def _schema_optional_reason(value: str) -> str:
    return visible_text(value)


def _schema_date_of_birth(value: date | None) -> date | None:
    problem = date_of_birth_problem(value)
    if problem:
        raise ValueError(problem)
    return value


# Annotated types for API schemas, so the API cleans exactly as the forms do.
Name = Annotated[str, AfterValidator(_schema_name)]
OptionalName = Annotated[str, AfterValidator(_schema_optional_name)]
Reason = Annotated[str, AfterValidator(_schema_reason)]
OptionalReason = Annotated[str, AfterValidator(_schema_optional_reason)]
DateOfBirth = Annotated[date, AfterValidator(_schema_date_of_birth)]

"""Scoring for the wellbeing and connection measures, as their publishers score them.

Pure functions: answers in, score out. A missing or out-of-range answer refuses to score
(`Incomplete`): a partly answered measure is not a low score. Figures from
../shared/standards/measures.md (ONS, University of Warwick, Lubben).
"""

from dataclasses import dataclass


class Incomplete(ValueError):
    """The answers cannot be scored: an item is missing or out of range."""


def _items(answers: dict, names: tuple[str, ...], low: int, high: int) -> list[int]:
    values = []
    for name in names:
        value = answers.get(name)
        if value is None or value == "":
            raise Incomplete(f"'{name}' is not answered.")
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Incomplete(f"'{name}' must be a whole number from {low} to {high}.")
        values.append(value)
    return values


# --- ONS4 personal wellbeing ----------------------------------------------------------------

ONS4_ITEMS = ("life_satisfaction", "worthwhile", "happiness", "anxiety")


def ons4_band(item: str, value: int) -> str:
    """The ONS band of one answer; anxiety bands run the other way."""
    (value,) = _items({item: value}, (item,), 0, 10)
    if item == "anxiety":
        return (
            "very low"
            if value <= 1
            else "low"
            if value <= 3
            else "medium"
            if value <= 5
            else "high"
        )
    return (
        "low" if value <= 4 else "medium" if value <= 6 else "high" if value <= 8 else "very high"
    )


def score_ons4(answers: dict) -> dict:
    values = _items(answers, ONS4_ITEMS, 0, 10)
    return {
        item: {"value": value, "band": ons4_band(item, value)}
        for item, value in zip(ONS4_ITEMS, values, strict=True)
    }


# --- ONS loneliness -------------------------------------------------------------------------

UCLA3_ITEMS = ("lack_companionship", "left_out", "isolated")
# Hardly ever or never = 1, some of the time = 2, often = 3.
DIRECT_LONELINESS = ("often_always", "some_of_the_time", "occasionally", "hardly_ever", "never")


def score_loneliness(answers: dict) -> dict:
    """UCLA 3-item total (3-9, higher is lonelier) and the direct question as answered."""
    total = sum(_items(answers, UCLA3_ITEMS, 1, 3))
    direct = answers.get("how_often_lonely")
    if direct not in DIRECT_LONELINESS:
        raise Incomplete("'how_often_lonely' is not answered.")
    return {"ucla3": total, "how_often_lonely": direct}


# --- SWEMWBS --------------------------------------------------------------------------------

SWEMWBS_ITEMS = tuple(f"item_{n}" for n in range(1, 8))
SWEMWBS_METRIC = {
    7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32,
    15: 15.84, 16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98,
    23: 20.73, 24: 21.54, 25: 22.35, 26: 23.21, 27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03,
    31: 28.13, 32: 29.31, 33: 30.70, 34: 32.55, 35: 35.00,
}  # fmt: skip


def score_swemwbs(answers: dict) -> dict:
    """Raw total of 7 items (1-5) converted to the metric score with the Rasch table."""
    raw = sum(_items(answers, SWEMWBS_ITEMS, 1, 5))
    return {"raw": raw, "metric": SWEMWBS_METRIC[raw]}


# --- LSNS-6 ---------------------------------------------------------------------------------

LSNS6_ITEMS = (
    "relatives_seen",
    "relatives_private",
    "relatives_help",
    "friends_seen",
    "friends_private",
    "friends_help",
)
# none = 0, one = 1, two = 2, three or four = 3, five to eight = 4, nine or more = 5.
LSNS6_ANSWERS = ("none", "one", "two", "three or four", "five to eight", "nine or more")
LSNS6_AT_RISK_BELOW = 12


def score_lsns6(answers: dict) -> dict:
    values = _items(answers, LSNS6_ITEMS, 0, 5)
    total = sum(values)
    return {
        "total": total,
        "family": sum(values[:3]),
        "friends": sum(values[3:]),
        "at_risk_of_isolation": total < LSNS6_AT_RISK_BELOW,
    }


@dataclass(frozen=True)
class Measure:
    code: str
    title: str
    score: object
    headline: str  # the score key charts use


MEASURES = {
    "ons4": Measure("ons4", "How you feel about your life (ONS4)", score_ons4, "life_satisfaction"),
    "loneliness": Measure("loneliness", "Loneliness (ONS)", score_loneliness, "ucla3"),
    "swemwbs": Measure("swemwbs", "Mental wellbeing (SWEMWBS)", score_swemwbs, "metric"),
    "lsns6": Measure("lsns6", "Family and friends (LSNS-6)", score_lsns6, "total"),
}


def score(measure: str, answers: dict) -> dict:
    if measure not in MEASURES:
        raise Incomplete(f"Unknown measure '{measure}'.")
    return MEASURES[measure].score(answers)

"""Scoring against the published tables (../shared/standards/measures.md) and edge cases."""

import pytest

from kinfolk.wellbeing.scoring import (
    SWEMWBS_METRIC,
    Incomplete,
    ons4_band,
    score_loneliness,
    score_lsns6,
    score_ons4,
    score_swemwbs,
)


@pytest.mark.parametrize(
    ("value", "band"),
    [(0, "low"), (4, "low"), (5, "medium"), (6, "medium"), (7, "high"), (8, "high"),
     (9, "very high"), (10, "very high")],
)  # fmt: skip
def test_ons4_positive_bands(value, band):
    for item in ("life_satisfaction", "worthwhile", "happiness"):
        assert ons4_band(item, value) == band


@pytest.mark.parametrize(
    ("value", "band"),
    [(0, "very low"), (1, "very low"), (2, "low"), (3, "low"), (4, "medium"), (5, "medium"),
     (6, "high"), (10, "high")],
)  # fmt: skip
def test_ons4_anxiety_bands_run_the_other_way(value, band):
    assert ons4_band("anxiety", value) == band


def test_ons4_scores_every_item():
    scored = score_ons4({"life_satisfaction": 7, "worthwhile": 9, "happiness": 3, "anxiety": 6})
    assert scored["worthwhile"] == {"value": 9, "band": "very high"}
    assert scored["anxiety"]["band"] == "high"


@pytest.mark.parametrize(
    "answers",
    [
        {"life_satisfaction": 7, "worthwhile": 9, "happiness": 3},  # anxiety missing
        {"life_satisfaction": 7, "worthwhile": 9, "happiness": 3, "anxiety": 11},
        {"life_satisfaction": 7, "worthwhile": 9, "happiness": 3, "anxiety": None},
        {"life_satisfaction": "7", "worthwhile": 9, "happiness": 3, "anxiety": 1},
        {"life_satisfaction": True, "worthwhile": 9, "happiness": 3, "anxiety": 1},
    ],
)
def test_ons4_refuses_missing_or_out_of_range(answers):
    with pytest.raises(Incomplete):
        score_ons4(answers)


def test_ucla3_totals_3_to_9_and_keeps_the_direct_question():
    low = {"lack_companionship": 1, "left_out": 1, "isolated": 1, "how_often_lonely": "never"}
    high = {
        "lack_companionship": 3,
        "left_out": 3,
        "isolated": 3,
        "how_often_lonely": "often_always",
    }
    assert score_loneliness(low) == {"ucla3": 3, "how_often_lonely": "never"}
    assert score_loneliness(high)["ucla3"] == 9
    with pytest.raises(Incomplete):
        score_loneliness({**low, "isolated": 0})
    with pytest.raises(Incomplete):
        score_loneliness({**low, "how_often_lonely": "sometimes"})


def test_swemwbs_uses_the_published_conversion_table():
    assert len(SWEMWBS_METRIC) == 29
    assert score_swemwbs({f"item_{n}": 1 for n in range(1, 8)}) == {"raw": 7, "metric": 7.00}
    assert score_swemwbs({f"item_{n}": 5 for n in range(1, 8)}) == {"raw": 35, "metric": 35.00}
    answers = {f"item_{n}": v for n, v in zip(range(1, 8), [3, 3, 3, 4, 4, 3, 3], strict=True)}
    assert score_swemwbs(answers) == {"raw": 23, "metric": 20.73}
    answers["item_7"] = 6
    with pytest.raises(Incomplete):
        score_swemwbs(answers)


def test_swemwbs_table_rises_monotonically():
    values = [SWEMWBS_METRIC[raw] for raw in range(7, 36)]
    assert values == sorted(values) and len(set(values)) == len(values)


def test_lsns6_total_and_the_isolation_threshold():
    names = ("relatives_seen", "relatives_private", "relatives_help",
             "friends_seen", "friends_private", "friends_help")  # fmt: skip
    eleven = dict(zip(names, [3, 2, 2, 2, 1, 1], strict=True))
    assert score_lsns6(eleven) == {
        "total": 11, "family": 7, "friends": 4, "at_risk_of_isolation": True
    }  # fmt: skip
    twelve = {**eleven, "friends_help": 2}
    assert score_lsns6(twelve)["at_risk_of_isolation"] is False
    assert score_lsns6(dict.fromkeys(names, 5))["total"] == 30
    with pytest.raises(Incomplete):
        score_lsns6({**eleven, "friends_help": 6})

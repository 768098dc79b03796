"""Suggestions carry plain-English reasons and cautions; content, not just presence."""

from kinfolk.matching import Atmosphere, Matcher, MatchingConfig

from .helpers import household, sam


def only_suggestion(person, carer, config=None):
    (suggestion,) = Matcher([person], [carer], config or MatchingConfig()).suggest_for_person(
        person.id
    )
    return suggestion


def test_shared_interests_and_closeness_are_reasons():
    s = only_suggestion(sam(), household())
    assert "Both love gardening" in s.reasons
    sister = next(r for r in s.reasons if "Sam's sister" in r)
    assert sister.endswith("minutes from Sam's sister")
    assert int(sister.split()[0]) <= 15


def test_travel_minutes_follow_the_configured_speed():
    slow = only_suggestion(sam(), household(), MatchingConfig(travel_km_per_hour=10))
    fast = only_suggestion(sam(), household(), MatchingConfig(travel_km_per_hour=60))

    def mins(s):
        return int(next(r for r in s.reasons + s.cautions if "sister" in r).split()[0])

    assert mins(slow) > mins(fast)


def test_cautions_name_what_a_person_would_want_to_know():
    person = sam(atmosphere=Atmosphere.QUIET, faith="Muslim", faith_important=True, diet="halal")
    s = only_suggestion(
        person, household(atmosphere=Atmosphere.LIVELY, pets="a dog", children_at_home=True)
    )
    assert "A lively home; Sam prefers quiet" in s.cautions
    assert any("Muslim faith matters" in c for c in s.cautions)
    assert "Does not usually cook halal food" in s.cautions


def test_language_faith_and_diet_reasons():
    person = sam(
        languages=frozenset({"English", "Polish"}),
        faith="Christian",
        faith_important=True,
        diet="vegetarian",
    )
    s = only_suggestion(
        person,
        household(
            languages=frozenset({"English", "Polish"}),
            faith="Christian",
            diets=frozenset({"vegetarian"}),
        ),
    )
    assert "Speaks Polish, like Sam" in s.reasons
    assert "Shares Sam's Christian faith" in s.reasons
    assert "Cooks vegetarian food" in s.reasons[:4] or len(s.reasons) == 4


def test_confidence_with_needs_is_a_reason():
    s = only_suggestion(sam(), household())
    assert any(r == "Confident supporting learning disability" for r in s.reasons)


def test_scores_are_in_range_and_reciprocal():
    s = only_suggestion(sam(), household())
    assert 0 <= s.person_fit <= 1 and 0 <= s.carer_fit <= 1
    harmonic = 2 * s.person_fit * s.carer_fit / (s.person_fit + s.carer_fit)
    assert abs(s.score - harmonic) < 1e-3

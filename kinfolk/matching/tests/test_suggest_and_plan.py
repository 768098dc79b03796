"""Suggestions and plans on synthetic regions: consistent, deterministic, stable."""

import numpy as np
import pytest

from kinfolk.matching import Matcher, MatchingConfig, max_welfare_plan, stable_plan
from kinfolk.matching.assess import assess, nearby_pairs, possible_pairs
from kinfolk.matching.plan import carer_capacity
from kinfolk.matching.synthetic import synthetic_region


@pytest.fixture(scope="module")
def matcher():
    region = synthetic_region(400, 250, seed=3)
    return Matcher(region.people, region.carers)


def test_the_fast_path_agrees_with_the_full_assessment(matcher):
    I, J, km = nearby_pairs(matcher.tables, matcher.config)
    full = assess(matcher.tables, matcher.config, I, J)
    fast = possible_pairs(matcher.tables, matcher.config, I, J, km)
    assert set(zip(fast.person.tolist(), fast.carer.tolist(), strict=True)) == set(
        zip(I[full.possible].tolist(), J[full.possible].tolist(), strict=True)
    )
    assert len(fast.person) > 0


def test_pairs_beyond_a_persons_radius_could_never_be_possible(matcher):
    everyone = np.repeat(np.arange(len(matcher.people)), len(matcher.carers))
    households = np.tile(np.arange(len(matcher.carers)), len(matcher.people))
    full = assess(matcher.tables, matcher.config, everyone, households, check_radius=True)
    I, J, _ = nearby_pairs(matcher.tables, matcher.config)
    assert set(
        zip(everyone[full.possible].tolist(), households[full.possible].tolist(), strict=True)
    ) <= set(zip(I.tolist(), J.tolist(), strict=True))


def test_top_k_for_a_person_is_ordered_and_deterministic(matcher):
    person = matcher.people[0].id
    first = matcher.suggest_for_person(person, k=5)
    assert first == matcher.suggest_for_person(person, k=5)
    scores = [s.score for s in first]
    assert scores == sorted(scores, reverse=True)
    assert all(matcher.why_not(person, s.carer_id).possible for s in first)


def test_ties_are_broken_by_carer_id():
    from .helpers import household, sam

    twins = [household(id="b"), household(id="a"), household(id="c")]
    ranked = Matcher([sam()], twins).suggest_for_person("sam")
    assert [s.carer_id for s in ranked] == ["a", "b", "c"]


def test_top_k_for_a_carer(matcher):
    carer = next(c for c in matcher.carers if matcher.suggest_for_carer(c.id, k=3))
    suggestions = matcher.suggest_for_carer(carer.id, k=3)
    assert all(s.carer_id == carer.id for s in suggestions)
    assert all(matcher.why_not(s.person_id, carer.id).possible for s in suggestions)


def test_everyone_top_k_matches_one_by_one(matcher):
    I, J, S = matcher.top_k_all(3)
    for i in range(20):
        expected = [s.carer_id for s in matcher.suggest_for_person(matcher.people[i].id, k=3)]
        assert [matcher.carers[j].id for j in J[I == i]] == expected


def test_the_stable_plan_respects_capacity_and_has_no_blocking_pairs(matcher):
    plan = stable_plan(matcher)
    assert plan.blocking_pairs == 0 and plan.introductions
    limit = matcher.config.introduction_limit_per_carer
    for carer in matcher.carers:
        taken = sum(1 for c in plan.introductions.values() if c == carer.id)
        assert taken <= carer_capacity(carer, limit)
    for person_id, carer_id in plan.introductions.items():
        assert matcher.why_not(person_id, carer_id).possible
    assert set(plan.introductions) | set(plan.unplanned) == {p.id for p in matcher.people}
    assert set(plan.unplanned.values()) <= {"no_suitable_household", "suitable_households_full"}


def test_the_introduction_limit_caps_a_carer():
    from dataclasses import replace

    from .helpers import household, sam

    people = [replace(sam(), id=f"p{i}") for i in range(4)]
    carer = household(places=3, introductions_in_progress=1)
    plan = stable_plan(Matcher(people, [carer], MatchingConfig(introduction_limit_per_carer=2)))
    assert len(plan.introductions) == 1
    assert set(plan.unplanned.values()) == {"suitable_households_full"}


def test_max_welfare_costs_stability_but_never_less_welfare(matcher):
    stable, best = stable_plan(matcher), max_welfare_plan(matcher)
    assert best.total_welfare >= stable.total_welfare - 1e-6
    for carer in matcher.carers:
        taken = sum(1 for c in best.introductions.values() if c == carer.id)
        assert taken <= carer_capacity(carer, matcher.config.introduction_limit_per_carer)


def test_weights_are_a_scheme_setting():
    with pytest.raises(ValueError):
        MatchingConfig(person_side={"interests": -1.0})
    config = MatchingConfig(combine="minimum")
    region = synthetic_region(50, 30, seed=5)
    for s in Matcher(region.people, region.carers, config).suggest_for_person(region.people[0].id):
        assert s.score == pytest.approx(min(s.person_fit, s.carer_fit), abs=1e-3)

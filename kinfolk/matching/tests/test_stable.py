"""The introduction plan is stable, within capacity, only pairs acceptable pairs, and equals
the `matching` package's resident-optimal solution."""

import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from kinfolk.matching.stable import count_blocking_pairs, mutual_lists, stable_matching


@st.composite
def instances(draw):
    people = draw(st.integers(1, 12))
    carers = draw(st.integers(1, 6))
    person_prefs = [
        draw(st.permutations(range(carers)))[: draw(st.integers(0, carers))] for _ in range(people)
    ]
    carer_prefs = [
        draw(st.permutations(range(people)))[: draw(st.integers(0, people))] for _ in range(carers)
    ]
    capacity = [draw(st.integers(0, 3)) for _ in range(carers)]
    return person_prefs, carer_prefs, capacity


def _acceptable(person_prefs, carer_prefs, p, c):
    return c in person_prefs[p] and p in carer_prefs[c]


@settings(max_examples=150, deadline=None)
@given(instances())
def test_the_plan_is_stable_within_capacity_and_only_pairs_acceptable_pairs(instance):
    person_prefs, carer_prefs, capacity = instance
    result = stable_matching(person_prefs, carer_prefs, capacity)
    assert result.blocking_pairs == 0
    for c, cap in enumerate(capacity):
        assert result.person_match.count(c) <= cap
    for p, c in enumerate(result.person_match):
        if c >= 0:
            assert _acceptable(person_prefs, carer_prefs, p, c)


@settings(max_examples=100, deadline=None)
@given(instances())
def test_the_blocking_pair_counter_catches_an_unstable_matching(instance):
    person_prefs, carer_prefs, capacity = instance
    empty = [-1] * len(person_prefs)
    mutual = mutual_lists(person_prefs, carer_prefs)
    expected = sum(1 for p, cs in enumerate(mutual.carers) for c in cs if capacity[c] > 0)
    assert count_blocking_pairs(person_prefs, carer_prefs, capacity, empty) == expected


def _package_solution(person_prefs, carer_prefs, capacity):
    from matching.games import HospitalResident

    mutual = mutual_lists(person_prefs, carer_prefs)
    residents = {f"p{p}": [f"c{c}" for c in cs] for p, cs in enumerate(mutual.carers)}
    listed = {c for cs in mutual.carers for c in cs}
    hospitals = {
        f"c{c}": [f"p{p}" for p in ranking if c in mutual.carers[p]]
        for c, ranking in enumerate(carer_prefs)
        if c in listed
    }
    capacities = {f"c{c}": capacity[c] for c in listed}
    residents = {r: prefs for r, prefs in residents.items() if prefs}
    if not residents:
        return [-1] * len(person_prefs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = HospitalResident.create_from_dictionaries(residents, hospitals, capacities)
        solution = game.solve(optimal="resident")
    match = [-1] * len(person_prefs)
    for hospital, matched in solution.items():
        for resident in matched:
            match[int(resident.name[1:])] = int(hospital.name[1:])
    return match


@settings(max_examples=100, deadline=None)
@given(instances())
def test_equals_the_matching_packages_resident_optimal_solution(instance):
    person_prefs, carer_prefs, capacity = instance
    # The package does not accept a capacity of 0; such households take no one in either.
    capacity = [max(1, c) for c in capacity]
    ours = stable_matching(person_prefs, carer_prefs, capacity).person_match
    assert ours == _package_solution(person_prefs, carer_prefs, capacity)


def test_ties_cannot_exist_and_the_result_is_person_optimal():
    # Two people both want carer 0 first; carer 0 prefers person 1 and has one place.
    result = stable_matching([[0, 1], [0, 1]], [[1, 0], [0, 1]], [1, 1])
    assert result.person_match == [1, 0] and result.blocking_pairs == 0

"""Statistical disclosure control: nothing suppressed can be worked out from what is published.

The attacker here knows the rule, sees every published count, and knows counts are whole
numbers of 0 or more. For every suppressed count (and every never-published count of 1 to 4)
it works out the smallest and largest value consistent with everything published, using
linear programming over all the total-and-parts relations at once; a count whose smallest
and largest values are the same has been found out.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from kinfolk.core import disclosure
from kinfolk.core.disclosure import SUPPRESSED, is_small, mean_of, mean_of_shown, protect


def attack(counts, relations, published, unpublished=()):
    """Smallest and largest value of each hidden count, given the published ones."""
    hidden = sorted(
        [k for k in counts if published.get(k) is None or k in set(unpublished)], key=repr
    )
    if not hidden:
        return {}
    index = {k: i for i, k in enumerate(hidden)}
    rows, rhs = [], []
    for total, parts in relations:
        row = np.zeros(len(hidden))
        known = 0.0
        for key, sign in ((total, 1), *((p, -1) for p in parts)):
            if key in index:
                row[index[key]] += sign
            else:
                known += sign * published[key]
        rows.append(row)
        rhs.append(-known)
    ranges = {}
    for key, i in index.items():
        goal = np.zeros(len(hidden))
        goal[i] = 1
        found = []
        for sign in (1, -1):
            result = linprog(
                sign * goal,
                A_eq=np.array(rows) if rows else None,
                b_eq=np.array(rhs) if rows else None,
                bounds=[(0, None)] * len(hidden),
                method="highs",
            )
            found.append(None if result.status == 3 else sign * result.fun)  # 3: unbounded
        ranges[key] = tuple(found)
    return ranges


def assert_nothing_found_out(counts, relations, unpublished=()):
    published = protect(counts, relations, unpublished)
    for key, value in published.items():
        assert value is None or not is_small(value), f"{key} published as {value}"
        assert value is None or value == counts[key]
    protected = {k for k, v in published.items() if v is None}
    protected |= {k for k in unpublished if is_small(counts[k])}
    ranges = attack(counts, relations, published, unpublished)
    for key in protected:
        low, high = ranges[key]
        assert low is not None
        assert high is None or high - low >= 1 - 1e-6, (
            f"{key} (really {counts[key]}) can be worked out: {low}..{high}; {published}"
        )
    return published


# --- the rule, by example -----------------------------------------------------------------


def test_counts_of_one_to_four_are_suppressed_and_zero_is_shown():
    published = protect({"a": 0, "b": 1, "c": 4, "d": 5})
    assert published == {"a": 0, "b": None, "c": None, "d": 5}


def test_one_suppressed_part_of_a_shown_total_takes_the_next_smallest_with_it():
    counts = {"total": 29, "a": 3, "b": 6, "c": 20}
    published = protect(counts, [("total", ["a", "b", "c"])])
    assert published == {"total": 29, "a": None, "b": None, "c": 20}


def test_zero_is_never_the_second_suppressed_cell():
    counts = {"total": 23, "a": 0, "b": 3, "c": 20}
    published = protect(counts, [("total", ["a", "b", "c"])])
    assert published == {"total": 23, "a": 0, "b": None, "c": None}


def test_a_small_count_that_is_never_published_is_protected_too():
    # 7 people, 5 with an answer: publishing both would give away the 2 without one.
    counts = {"people": 7, "answered": 5, "unanswered": 2}
    published = protect(counts, [("people", ["answered", "unanswered"])], ["unanswered"])
    assert published == {"people": 7, "answered": None}


def test_a_chain_of_relations_cannot_be_solved():
    # Every relation has two unknowns, yet adding them up would solve a cell: the audit
    # catches what the one-relation rule misses.
    counts = {"r1": 10, "r2": 10, "c1": 6, "c2": 14, "a": 3, "b": 7, "x": 3, "y": 7, "g": 20}
    relations = [
        ("r1", ["a", "b"]),
        ("r2", ["x", "y"]),
        ("c1", ["a", "x"]),
        ("c2", ["b", "y"]),
        ("g", ["r1", "r2"]),
    ]
    assert_nothing_found_out(counts, relations)


def test_sums_that_share_a_never_shown_count_are_solved_together():
    # "u" is never shown and appears in two sums; the attacker may combine them.
    counts = {"t": 3, "a": 3, "z": 0, "u": 0, "t2": 9, "b": 9}
    relations = [("t", ["a", "z", "u"]), ("t2", ["u", "b"])]
    published = assert_nothing_found_out(counts, relations, unpublished=["u"])
    assert published["a"] is None


def test_a_relation_naming_a_missing_count_is_refused():
    with pytest.raises(ValueError, match="no count"):
        protect({"a": 1}, [("total", ["a"])])


def test_means_rest_on_five_or_more_and_read_suppressed_in_words():
    assert mean_of([1, 2, 3, 4], None).shown == SUPPRESSED
    assert mean_of([1, 2, 3, 4, 5], 5).shown == "+3.0 (5 people)"
    assert mean_of([], 0).shown == "No data"
    assert mean_of([1, 2, 3, 4, 5, 6], None).value is None  # its count was suppressed
    with pytest.raises(ValueError):
        mean_of([1, 2, 3, 4, 5], 6)


def test_the_total_of_means_is_made_from_shown_means_only():
    shown = mean_of([1.0] * 5, 5)
    hidden = mean_of([9.0] * 3, None)
    total = mean_of_shown([shown, hidden])
    assert (total.value, total.people) == (1.0, 5)


def test_a_median_needs_five_values():
    assert disclosure.median_of([1, 2, 3, 4]) is None
    assert disclosure.median_of([5, 1, 4, 2, 3]) == 3
    assert disclosure.median_of([1, 2, 3, 4, 5, 6]) == 3.5


# --- the rule, against random small areas --------------------------------------------------

small_counts = st.one_of(st.integers(0, 6), st.integers(0, 30))


@st.composite
def small_areas(draw):
    """Services (rows) by months or groups (columns), with row, column and area totals, and
    per service a never-published count of people without an answer."""
    rows = draw(st.integers(1, 4))
    columns = draw(st.integers(1, 4))
    counts = {}
    for r in range(rows):
        for c in range(columns):
            counts[("cell", r, c)] = draw(small_counts)
    relations = []
    for r in range(rows):
        cells = [("cell", r, c) for c in range(columns)]
        counts[("service", r)] = sum(counts[k] for k in cells)
        relations.append((("service", r), cells))
    for c in range(columns):
        cells = [("cell", r, c) for r in range(rows)]
        counts[("month", c)] = sum(counts[k] for k in cells)
        relations.append((("month", c), cells))
    counts["area"] = sum(counts[("service", r)] for r in range(rows))
    relations.append(("area", [("service", r) for r in range(rows)]))
    relations.append(("area", [("month", c) for c in range(columns)]))
    unpublished = []
    if draw(st.booleans()):
        for r in range(rows):
            missing = draw(st.integers(0, min(6, counts[("service", r)])))
            counts[("answered", r)] = counts[("service", r)] - missing
            counts[("unanswered", r)] = missing
            relations.append((("service", r), [("answered", r), ("unanswered", r)]))
            unpublished.append(("unanswered", r))
    return counts, relations, unpublished


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_areas())
def test_no_suppressed_count_in_a_random_small_area_can_be_worked_out(area):
    counts, relations, unpublished = area
    assert_nothing_found_out(counts, relations, unpublished)


@st.composite
def groups_with_values(draw):
    groups = draw(st.integers(1, 5))
    return [
        [float(x) for x in draw(st.lists(st.integers(-6, 6), max_size=9))] for _ in range(groups)
    ]


@settings(max_examples=200, deadline=None)
@given(groups_with_values())
def test_the_area_mean_minus_the_shown_means_leaves_nothing(groups):
    means = [mean_of(values, disclosure.count_shown(len(values))) for values in groups]
    area = mean_of_shown(means)
    shown = [m for m in means if m.people]
    for values, mean in zip(groups, means, strict=True):
        assert mean.people is None or mean.people == 0 or mean.people >= 5
        assert (mean.value is None) == (len(values) < 5)
    # Differencing: the area's people and sum, less the shown groups', is exactly nothing.
    assert area.people - sum(m.people for m in shown) == 0
    if area.people:
        residue = area.value * area.people - sum(m.value * m.people for m in shown)
        assert abs(residue) <= 0.005 * area.people + 0.005 * sum(m.people for m in shown)


def test_a_figure_pinned_by_counts_never_being_below_zero_is_protected():
    """Found by the random test: plain algebra left two unknowns, but with every count 0 or
    more the area total of 10 fixed the second service at 5."""
    counts = {
        ("cell", 0, 0): 1, ("cell", 0, 1): 4, ("cell", 1, 0): 0, ("cell", 1, 1): 5,
        ("service", 0): 5, ("service", 1): 5, ("month", 0): 1, ("month", 1): 9, "area": 10,
        ("answered", 0): 5, ("unanswered", 0): 0, ("answered", 1): 5, ("unanswered", 1): 0,
    }  # fmt: skip
    relations = [
        (("service", 0), [("cell", 0, 0), ("cell", 0, 1)]),
        (("service", 1), [("cell", 1, 0), ("cell", 1, 1)]),
        (("month", 0), [("cell", 0, 0), ("cell", 1, 0)]),
        (("month", 1), [("cell", 0, 1), ("cell", 1, 1)]),
        ("area", [("service", 0), ("service", 1)]),
        ("area", [("month", 0), ("month", 1)]),
        (("service", 0), [("answered", 0), ("unanswered", 0)]),
        (("service", 1), [("answered", 1), ("unanswered", 1)]),
    ]
    assert_nothing_found_out(counts, relations, [("unanswered", 0), ("unanswered", 1)])

"""Statistical disclosure control: the one rule every published table follows.

A published table must not let anyone find out about a person. The rule, in full:

1. A count of 1 to 4 is never published: it is suppressed (primary suppression).
   0 is published: it says a category is empty, which names no one.
2. Where counts add up (a total and its parts), no suppressed count may be worked out from
   the others. While some total-and-parts relation has exactly one unknown count in it, the
   smallest other non-zero count in that relation is suppressed too (secondary suppression).
   Then every suppressed count is checked against all the relations at once (the same
   arithmetic an attacker would do, including that no count is below 0); any that can
   still be worked out gets another neighbour suppressed, until none can.
3. Counts that are never published (such as "people without an answer") are unknowns too;
   if one of them is 1 to 4 it is protected in the same way.
4. A mean (or median) is published only when it rests on 5 or more people; it is suppressed
   whenever the count of people behind it is suppressed.
5. A total of means (the area row) is made only from the figures that are published, so
   subtracting the shown figures from it leaves nothing.
6. Reports by period use whole financial years that never overlap. A year still going is
   shown to the end of its last complete quarter, and a count that moved by 1 to 4 since the
   quarter before is suppressed too (with its neighbours, by rule 2), so subtracting one
   quarter's figures from the next reveals no small group (`protect_over_time`).

Suppressed figures read "Suppressed" in words on pages, in CSV files and in the API.
Pure Python: no Django, so every report and its tests share it.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

SUPPRESS_BELOW = 5
SUPPRESSED = "Suppressed"
EXPLANATION = (
    "Suppressed means fewer than 5 people, or hidden so that a number under 5 cannot be "
    "worked out from the other figures."
)

Key = Hashable
Relation = tuple[Key, Sequence[Key]]  # (total, parts): total == sum(parts)


def is_small(count: int) -> bool:
    """True for the counts that identify people: 1 to 4."""
    return 0 < count < SUPPRESS_BELOW


def words(value, unit: str = "") -> str:
    """A published figure in words: the number, or 'Suppressed'."""
    if value is None:
        return SUPPRESSED
    return f"{value}{unit}"


def protect(
    counts: Mapping[Key, int],
    relations: Iterable[Relation] = (),
    unpublished: Iterable[Key] = (),
    withheld: Iterable[Key] = (),
) -> dict[Key, int | None]:
    """Every published count, or None where it is suppressed, by the rule above. `withheld`
    counts are suppressed as if they were small (see `protect_over_time`).

    The answer depends only on the arguments, so it is remembered: a report shown again on
    unchanged figures does not solve the same linear programmes again."""
    return dict(
        _protected(
            tuple(counts.items()),
            tuple((total, tuple(parts)) for total, parts in relations),
            frozenset(unpublished),
            frozenset(withheld),
        )
    )


def protect_over_time(
    tables: Sequence[Mapping[Key, int]],
    relations: Iterable[Relation] = (),
    unpublished: Iterable[Key] = (),
) -> dict[Key, int | None]:
    """The last of a run of tables of the same counts, each a later cut of the same figures
    (a year to the end of each quarter), as published after all the earlier ones were: a count
    that moved by 1 to 4 since it was last shown is withheld, so subtracting one cut from the
    next never reveals a small group (rule 6)."""
    relations = [(total, tuple(parts)) for total, parts in relations]
    last_shown: dict = {}
    shown: dict = {}
    for counts in tables:
        moved = {
            k for k, v in counts.items() if k in last_shown and is_small(abs(v - last_shown[k]))
        }
        shown = protect(counts, relations, unpublished, withheld=moved)
        last_shown.update({k: v for k, v in shown.items() if v is not None})
    return shown


@lru_cache(maxsize=4096)
def _protected(
    counts: tuple, relations: tuple, never_shown: frozenset, withheld: frozenset
) -> tuple:
    counts = dict(counts)
    for total, parts in relations:
        for key in (total, *parts):
            if key not in counts:
                raise ValueError(f"A relation names {key!r}, which has no count.")
    suppressed = {
        k for k, v in counts.items() if k not in never_shown and (is_small(v) or k in withheld)
    }
    guarded = suppressed | {k for k in never_shown if is_small(counts[k])}
    while True:
        unknown = suppressed | never_shown
        extra = _single_unknowns(counts, relations, unknown, guarded)
        if extra is None:
            extra = _recoverable_neighbour(counts, relations, unknown, guarded)
        if extra is None:
            break
        suppressed.add(extra)
        guarded.add(extra)
    return tuple(
        (k, None if k in suppressed else v) for k, v in counts.items() if k not in never_shown
    )


def _smallest_shown(counts, cells, unknown):
    candidates = [c for c in cells if c not in unknown and counts[c] > 0]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (counts[c], repr(c)))


def _single_unknowns(counts, relations, unknown, guarded):
    """A cell to suppress because some relation has exactly one protected unknown."""
    for total, parts in relations:
        cells = (total, *parts)
        hidden = [c for c in cells if c in unknown]
        if len(hidden) == 1 and hidden[0] in guarded:
            found = _smallest_shown(counts, cells, unknown)
            if found is not None:
                return found
    return None


def _recoverable_neighbour(counts, relations, unknown, guarded):
    """A cell to suppress because a protected unknown can be solved from all relations: a
    shown figure in a relation with it or, failing that, in any relation with an unknown.
    Each step hides one more non-zero figure, and once every non-zero figure beside an
    unknown is hidden nothing non-zero can be solved, so this ends."""
    solvable = recoverable(relations, unknown) & guarded
    if not solvable:
        solvable = pinned_by_bounds(counts, relations, unknown) & guarded
    solvable = sorted(solvable, key=repr)
    if not solvable:
        return None
    for key in solvable:
        for total, parts in relations:
            cells = (total, *parts)
            if key in cells:
                found = _smallest_shown(counts, cells, unknown)
                if found is not None:
                    return found
    beside_unknowns = {
        c
        for total, parts in relations
        if any(c in unknown for c in (total, *parts))
        for c in (total, *parts)
    }
    return _smallest_shown(counts, beside_unknowns, unknown)


def recoverable(relations: Iterable[Relation], unknown: set) -> set:
    """The unknowns whose exact value follows from the published counts by adding and
    subtracting relations (exact linear algebra over the rationals)."""
    order = sorted(unknown, key=repr)
    index = {k: i for i, k in enumerate(order)}
    rows = []
    for total, parts in relations:
        row = [Fraction(0)] * len(order)
        for key, sign in ((total, 1), *((p, -1) for p in parts)):
            if key in index:
                row[index[key]] += sign
        if any(row):
            rows.append(row)
    basis = _echelon(rows)
    return {k for k in order if _in_span(basis, index[k], len(order))}


def pinned_by_bounds(counts: Mapping[Key, int], relations, unknown: set) -> set:
    """The unknowns an attacker can pin to one value once counts are known to be 0 or more:
    the smallest and largest value each unknown can take, given the published counts, by
    linear programming (a total of 5 whose other parts are all shown fixes the last one,
    even when plain algebra leaves two unknowns)."""
    import numpy as np
    from scipy.optimize import linprog

    order = sorted(unknown, key=repr)
    if not order:
        return set()
    index = {k: i for i, k in enumerate(order)}
    rows, rhs = [], []
    for total, parts in relations:
        row, known = np.zeros(len(order)), 0.0
        for key, sign in ((total, 1), *((p, -1) for p in parts)):
            if key in index:
                row[index[key]] += sign
            else:
                known += sign * counts[key]
        if row.any():
            rows.append(row)
            rhs.append(-known)
    if not rows:
        return set()
    pinned = set()
    for key, i in index.items():
        goal = np.zeros(len(order))
        goal[i] = 1
        low, high = (
            linprog(sign * goal, A_eq=np.array(rows), b_eq=np.array(rhs),
                    bounds=[(0, None)] * len(order), method="highs")
            for sign in (1, -1)
        )  # fmt: skip
        if low.status == 0 and high.status == 0 and (-high.fun) - low.fun < 1 - 1e-6:
            pinned.add(key)
    return pinned


def _echelon(rows):
    """Reduced row echelon form: list of (pivot column, row)."""
    basis: list[tuple[int, list]] = []
    for row in rows:
        row = _reduce(basis, row)
        pivot = next((i for i, x in enumerate(row) if x), None)
        if pivot is None:
            continue
        row = [x / row[pivot] for x in row]
        basis = [(p, _eliminate(r, row, pivot)) for p, r in basis]
        basis.append((pivot, row))
    return basis


def _eliminate(row, by, pivot):
    factor = row[pivot]
    return [a - factor * b for a, b in zip(row, by, strict=True)] if factor else row


def _reduce(basis, row):
    for pivot, base in basis:
        row = _eliminate(row, base, pivot)
    return row


def _in_span(basis, column: int, width: int) -> bool:
    unit = [Fraction(int(i == column)) for i in range(width)]
    return not any(_reduce(basis, unit))


@dataclass(frozen=True)
class Mean:
    """A mean and the number of people it rests on; both None when suppressed."""

    value: float | None
    people: int | None
    total: float = 0.0  # the exact sum behind a published mean, for the area row
    signed: bool = True  # a change (+1.0) rather than a level (5.0)

    @property
    def suppressed(self) -> bool:
        return self.people is None

    @property
    def shown(self) -> str:
        if self.people is None:
            return SUPPRESSED
        if self.people == 0:
            return "No data"
        return f"{self.value:{'+' if self.signed else ''}.1f} ({self.people} people)"


NO_DATA = Mean(None, 0)


def count_shown(count: int) -> int | None:
    """A count on its own (in no relation): None when it is 1 to 4."""
    return None if is_small(count) else count


def mean_of(values: Sequence[float], people: int | None, signed: bool = True) -> Mean:
    """The mean of the values, given how many people they rest on as published (None when
    that count was suppressed). Only published for 5 or more people."""
    if people is None or (people and people < SUPPRESS_BELOW):
        return Mean(None, None)
    if people != len(values):
        raise ValueError("The published count must be the number of values.")
    if people == 0:
        return NO_DATA
    total = float(sum(values))
    return Mean(round(total / people, 2), people, total, signed)


def mean_of_shown(means: Iterable[Mean]) -> Mean:
    """A total made only from published means, so differencing it reveals nothing."""
    shown = [m for m in means if m.people]
    people = sum(m.people for m in shown)
    if not people:
        return NO_DATA
    total = sum(m.total for m in shown)
    return Mean(round(total / people, 2), people, total)


def median_of(values: Sequence[float]) -> float | None:
    """The median, published only when it rests on 5 or more values."""
    if len(values) < SUPPRESS_BELOW:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True)
class Line:
    """One published figure of a report: the same on the page, in the CSV and in the API."""

    section: str
    label: str
    value: int | float | None  # None when suppressed (or not enough yet)
    shown: str  # in words: the number, or "Suppressed"


def count_line(section: str, label: str, value: int | None) -> Line:
    """A published count (already through `protect`) as a line of a report."""
    return Line(section, label, value, words(value))


CSV_HEADER = ["section", "figure", "value"]


def csv_rows(lines: Iterable[Line]) -> list[list[str]]:
    """A report's lines as CSV rows, suppressed figures in words."""
    return [[line.section, line.label, line.shown] for line in lines]


def api_rows(lines: Iterable[Line]) -> list[dict]:
    """A report's lines for the API: the value (null when suppressed) and the words."""
    return [
        {"section": x.section, "figure": x.label, "value": x.value, "shown": x.shown} for x in lines
    ]


def sections(lines: Iterable[Line]) -> list[tuple[str, list[Line]]]:
    """Lines grouped by section, in order, for a page."""
    grouped: dict[str, list[Line]] = {}
    for line in lines:
        grouped.setdefault(line.section, []).append(line)
    return list(grouped.items())

"""Person-proposing deferred acceptance with carer capacities (many-to-one), and its checks.

Preferences are strict lists. A pair is acceptable only when each lists the other. The result
is the person-optimal stable matching, which is unique for strict preferences: so ties in any
score must be broken before the lists are built (plan.py breaks them by id).
"""

import heapq
from dataclasses import dataclass


@dataclass
class Mutual:
    """Each person's list kept to carers who list them too, with the carer's rank of them."""

    carers: list[list[int]]
    ranks: list[list[int]]  # ranks[p][k]: where carers[p][k] ranks person p (0 = first)


@dataclass
class StableResult:
    person_match: list[int]  # carer index for each person, or -1
    blocking_pairs: int


def mutual_lists(person_prefs: list[list[int]], carer_prefs: list[list[int]]) -> Mutual:
    """Keep only pairs that each side lists, in the person's order."""
    carer_rank = [dict(zip(prefs, range(len(prefs)), strict=True)) for prefs in carer_prefs]
    carers, ranks = [], []
    for p, prefs in enumerate(person_prefs):
        found = [carer_rank[c].get(p) for c in prefs]
        if None in found:
            kept = [(c, r) for c, r in zip(prefs, found, strict=True) if r is not None]
            carers.append([c for c, _ in kept])
            ranks.append([r for _, r in kept])
        else:
            carers.append(list(prefs))
            ranks.append(found)
    return Mutual(carers, ranks)


def deferred_acceptance_on(mutual: Mutual, capacity: list[int]) -> list[int]:
    """The person-optimal stable matching: each person's carer index, or -1."""
    lists, ranks = mutual.carers, mutual.ranks
    match = [-1] * len(lists)
    next_choice = [0] * len(lists)
    held: list[list[tuple[int, int]]] = [[] for _ in capacity]  # max-heap of (-rank, person)
    free = list(range(len(lists) - 1, -1, -1))
    while free:
        p = free.pop()
        prefs, prank = lists[p], ranks[p]
        k = next_choice[p]
        while k < len(prefs):
            c, rank = prefs[k], prank[k]
            k += 1
            room = capacity[c]
            if room <= 0:
                continue
            slot = held[c]
            if len(slot) < room:
                heapq.heappush(slot, (-rank, p))
                match[p] = c
                break
            if rank < -slot[0][0]:
                worst = heapq.heapreplace(slot, (-rank, p))[1]
                match[p] = c
                match[worst] = -1
                free.append(worst)
                break
        next_choice[p] = k
    return match


def count_blocking_on(mutual: Mutual, capacity: list[int], match: list[int]) -> int:
    """Acceptable pairs who would both rather be together than with what they have."""
    load = [0] * len(capacity)
    worst = [-1] * len(capacity)
    for p, c in enumerate(match):
        if c >= 0:
            load[c] += 1
            rank = mutual.ranks[p][mutual.carers[p].index(c)]
            if rank > worst[c]:
                worst[c] = rank
    blocking = 0
    for p, prefs in enumerate(mutual.carers):
        current, prank = match[p], mutual.ranks[p]
        for k, c in enumerate(prefs):
            if c == current:
                break  # everything after is worse for p
            if capacity[c] > 0 and (load[c] < capacity[c] or prank[k] < worst[c]):
                blocking += 1
    return blocking


def deferred_acceptance(person_prefs, carer_prefs, capacity) -> list[int]:
    """The person-optimal stable matching from raw preference lists."""
    return deferred_acceptance_on(mutual_lists(person_prefs, carer_prefs), capacity)


def count_blocking_pairs(person_prefs, carer_prefs, capacity, match) -> int:
    """Blocking pairs of a matching under raw preference lists."""
    return count_blocking_on(mutual_lists(person_prefs, carer_prefs), capacity, match)


def stable_matching(person_prefs, carer_prefs, capacity) -> StableResult:
    """Deferred acceptance plus a check that no pair blocks it."""
    mutual = mutual_lists(person_prefs, carer_prefs)
    match = deferred_acceptance_on(mutual, capacity)
    return StableResult(match, count_blocking_on(mutual, capacity, match))

"""A scheme-wide round of introductions: stable (people's preferences lead) and max-welfare."""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from .stable import count_blocking_pairs, stable_matching
from .suggest import Matcher, top_k_positions

UNPLANNED_NO_SUITABLE = "no_suitable_household"
UNPLANNED_HOUSEHOLDS_FULL = "suitable_households_full"


@dataclass
class IntroductionPlan:
    """Who might be introduced to whom. A suggestion for people to consider, never a placement."""

    introductions: dict[str, str]  # person id -> carer id
    unplanned: dict[str, str]  # person id -> why (a reason code)
    blocking_pairs: int
    total_welfare: float  # sum of reciprocal scores of planned pairs


def carer_capacity(carer, limit: int) -> int:
    """Introductions this household can take in this round.

    Day support needs no free bedroom, so a household with none can still take one
    introduction; pairs that need a free place are already excluded when it has none.
    """
    return max(0, min(max(carer.free_places, 1), limit - carer.introductions_in_progress))


def preference_lists(matcher: Matcher, assessment=None):
    """Strict lists from fit scores; ties broken by the other side's id (documented)."""
    a = assessment or matcher.assess_all()
    keep = a.possible
    I, J = a.person[keep], a.carer[keep]
    pf, cf, score = a.person_fit[keep], a.carer_fit[keep], a.score[keep]
    # People rank by how well the household suits them; only their best few are listed.
    length = matcher.config.plan_list_length
    listed = top_k_positions(I, J, pf, length, matcher._carer_order())
    person_prefs: list[list[int]] = [[] for _ in matcher.people]
    for i, j in zip(I[listed].tolist(), J[listed].tolist(), strict=True):
        person_prefs[i].append(j)
    # Carers rank the people who listed them by how well each suits what they offer.
    person_order = np.empty(len(matcher.people), dtype=np.int64)
    person_order[
        np.argsort(np.array([p.id for p in matcher.people], dtype=object), kind="stable")
    ] = np.arange(len(matcher.people))
    CI, CJ, CF, CS = I[listed], J[listed], cf[listed], score[listed]
    order = np.lexsort((person_order[CI], -CF, CJ))
    carer_prefs: list[list[int]] = [[] for _ in matcher.carers]
    for i, j in zip(CI[order].tolist(), CJ[order].tolist(), strict=True):
        carer_prefs[j].append(i)
    pair_score = dict(zip(zip(CI.tolist(), CJ.tolist(), strict=True), CS.tolist(), strict=True))
    return person_prefs, carer_prefs, pair_score


def stable_plan(matcher: Matcher, assessment=None) -> IntroductionPlan:
    """Person-proposing deferred acceptance over the scheme, within each carer's capacity."""
    person_prefs, carer_prefs, pair_score = preference_lists(matcher, assessment)
    capacity = [
        carer_capacity(c, matcher.config.introduction_limit_per_carer) for c in matcher.carers
    ]
    result = stable_matching(person_prefs, carer_prefs, capacity)
    match, blocking = result.person_match, result.blocking_pairs
    return _plan(matcher, match, person_prefs, blocking, pair_score)


def max_welfare_plan(matcher: Matcher, assessment=None) -> IntroductionPlan:
    """The plan with the highest total reciprocal score (a linear programme; integral here)."""
    person_prefs, carer_prefs, pair_score = preference_lists(matcher, assessment)
    capacity = [
        carer_capacity(c, matcher.config.introduction_limit_per_carer) for c in matcher.carers
    ]
    pairs = list(pair_score)
    match = [-1] * len(matcher.people)
    if pairs:
        P = np.array([p for p, _ in pairs])
        C = np.array([c for _, c in pairs])
        n = len(pairs)
        rows = np.concatenate([P, len(matcher.people) + C])
        A = coo_matrix(
            (np.ones(2 * n), (rows, np.r_[np.arange(n), np.arange(n)])),
            shape=(len(matcher.people) + len(matcher.carers), n),
        ).tocsr()
        b = np.r_[np.ones(len(matcher.people)), np.array(capacity, dtype=float)]
        # Bipartite b-matching is totally unimodular, so the LP optimum is a 0/1 plan.
        result = linprog(
            -np.array([pair_score[p] for p in pairs]), A_ub=A, b_ub=b, bounds=(0, 1), method="highs"
        )
        for k in np.flatnonzero(result.x > 0.5):
            match[P[k]] = int(C[k])
    blocking = count_blocking_pairs(person_prefs, carer_prefs, capacity, match)
    return _plan(matcher, match, person_prefs, blocking, pair_score)


def _plan(matcher, match, person_prefs, blocking, pair_score) -> IntroductionPlan:
    introductions, unplanned, welfare = {}, {}, 0.0
    for i, j in enumerate(match):
        person_id = matcher.people[i].id
        if j >= 0:
            introductions[person_id] = matcher.carers[j].id
            welfare += pair_score[(i, j)]
        else:
            unplanned[person_id] = (
                UNPLANNED_HOUSEHOLDS_FULL if person_prefs[i] else UNPLANNED_NO_SUITABLE
            )
    return IntroductionPlan(introductions, unplanned, blocking, round(welfare, 4))

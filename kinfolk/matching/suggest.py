"""Suggestions with reasons: top-k carers for a person, top-k people for a carer, and why not."""

from dataclasses import dataclass, field

import numpy as np

from .assess import PairAssessment, assess, nearby_pairs, possible_pairs, radius_of
from .config import MatchingConfig
from .explain import exclusion_reasons, fit_reasons
from .profiles import CarerHousehold, PersonProfile
from .tables import (
    Tables,
    build_tables,
    carer_columns,
    horizon_after,
    person_columns,
    put_at,
    put_row,
)


@dataclass(frozen=True)
class Suggestion:
    """A household that might suit a person (or a person a household might suit), and why."""

    person_id: str
    carer_id: str
    score: float  # reciprocal: high only if both sides would likely say yes
    person_fit: float
    carer_fit: float
    reasons: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()


@dataclass(frozen=True)
class WhyNot:
    """The answer to "why is this carer not suggested?"."""

    person_id: str
    carer_id: str
    possible: bool
    exclusions: tuple[tuple[str, str], ...] = ()  # (reason code, plain-English sentence)
    score: float | None = None
    rank: int | None = None  # where the household would stand among the person's suggestions


@dataclass
class Matcher:
    """A region's profiles prepared for matching under one scheme's configuration."""

    people: list[PersonProfile]
    carers: list[CarerHousehold]
    config: MatchingConfig = field(default_factory=MatchingConfig)
    tables: Tables = field(init=False)

    def __post_init__(self):
        self._build(list(self.people), list(self.carers))

    def _build(self, people: list, carers: list) -> None:
        """Build the region's tables (left as they were if the profiles are refused)."""
        person_index = {p.id: i for i, p in enumerate(people)}
        carer_index = {c.id: j for j, c in enumerate(carers)}
        if len(person_index) != len(people) or len(carer_index) != len(carers):
            raise ValueError("Person and carer ids must be unique.")
        self.tables = build_tables(people, carers, km_per_hour=self.config.travel_km_per_hour)
        self.people, self.carers = people, carers
        self.person_index, self.carer_index = person_index, carer_index

    # --- one profile changed --------------------------------------------------------------

    def refresh_person(self, person: PersonProfile) -> None:
        """Take in one person's changed (or new) profile: only their row of the tables is
        built again, and what was kept about them (how far to look) is worked out again.
        Their next suggestions, and every household's, see the change."""
        i = self.person_index.get(person.id, len(self.people))
        t = self.tables
        if not t.words.take_in(person) or horizon_after(t, i, person) != t.horizon_start:
            self._build(_replaced(list(self.people), i, person), self.carers)
            return
        put_row(t, person_columns([person], t.words, t.horizon_start, t.km_per_minute), i)
        self.people = _replaced(self.people, i, person)
        self.tables.people = self.people
        self.person_index[person.id] = i
        if getattr(t, "_radius", None) is not None:  # how far to look, kept per person
            radius = radius_of(t, np.array([i]), self.config)
            t._radius = put_at(t._radius, radius, i)

    def refresh_carer(self, carer: CarerHousehold) -> None:
        """Take in one household's changed (or new) profile: only its row is built again, and
        the map of households is redrawn when one moved or joined."""
        j = self.carer_index.get(carer.id, len(self.carers))
        t = self.tables
        if not t.words.take_in(carer):
            self._build(self.people, _replaced(list(self.carers), j, carer))
            return
        moved = j == len(self.carers) or self.carers[j].location != carer.location
        put_row(t, carer_columns([carer], t.words, t.horizon_start, t.km_per_minute), j)
        self.carers = _replaced(self.carers, j, carer)
        self.tables.carers = self.carers
        self.carer_index[carer.id] = j
        if moved:
            t._carer_tree = None  # the k-d tree of homes is built again when next needed

    # --- everyone at once -------------------------------------------------------------

    def assess_all(self) -> PairAssessment:
        """Every possible pair in the region (those passing all hard constraints), with fit."""
        return possible_pairs(self.tables, self.config, *nearby_pairs(self.tables, self.config))

    def top_k_all(self, k: int = 10, assessment: PairAssessment | None = None):
        """The k best possible carers for every person: (person index, carer index, score)."""
        a = assessment or self.assess_all()
        keep = a.possible
        I, J, S = a.person[keep], a.carer[keep], a.score[keep]
        return _top_k_groups(I, J, S, k, self._carer_order())

    # --- one person or one carer --------------------------------------------------------

    def suggest_for_person(self, person_id: str, k: int = 10) -> list[Suggestion]:
        """The k households that might best suit this person, with reasons and cautions."""
        i = self.person_index[person_id]
        a = possible_pairs(
            self.tables, self.config, *nearby_pairs(self.tables, self.config, np.array([i]))
        )
        return self._suggestions(a, k, by_person=True)

    def suggest_for_carer(self, carer_id: str, k: int = 10) -> list[Suggestion]:
        """The k people this household might best suit, with reasons and cautions."""
        j = self.carer_index[carer_id]
        I = np.arange(len(self.people))
        J = np.full(len(I), j)
        a = assess(self.tables, self.config, I, J, check_radius=True)
        return self._suggestions(a, k, by_person=False)

    def why_not(self, person_id: str, carer_id: str) -> WhyNot:
        """Whether this household could be suggested for this person, and if not, why."""
        i, j = self.person_index[person_id], self.carer_index[carer_id]
        a = assess(self.tables, self.config, np.array([i]), np.array([j]), check_radius=True)
        person, carer = self.people[i], self.carers[j]
        bits = int(a.exclusions[0])
        if bits:
            return WhyNot(
                person_id,
                carer_id,
                False,
                tuple(
                    exclusion_reasons(
                        person, carer, bits, float(a.km[0]), self.config.travel_km_per_hour
                    )
                ),
            )
        ranked = self.suggest_for_person(person_id, k=len(self.carers))
        rank = next((n for n, s in enumerate(ranked, 1) if s.carer_id == carer_id), None)
        return WhyNot(person_id, carer_id, True, (), float(a.score[0]), rank)

    # --- helpers --------------------------------------------------------------------------

    def _carer_order(self) -> np.ndarray:
        """Each carer's position when ids are sorted: the deterministic tie-break."""
        order = np.empty(len(self.carers), dtype=np.int64)
        order[np.argsort(np.array([c.id for c in self.carers], dtype=object), kind="stable")] = (
            np.arange(len(self.carers))
        )
        return order

    def _suggestions(self, a: PairAssessment, k: int, by_person: bool) -> list[Suggestion]:
        possible = np.flatnonzero(a.possible)
        if by_person:
            tie = self._carer_order()[a.carer[possible]]
        else:
            tie = np.array([self.people[i].id for i in a.person[possible]], dtype=object)
            tie = np.argsort(np.argsort(tie, kind="stable"), kind="stable")
        order = np.lexsort((tie, -a.score[possible]))[:k]
        chosen = possible[order]
        out = []
        for kk in chosen:
            person, carer = self.people[a.person[kk]], self.carers[a.carer[kk]]
            reasons, cautions = fit_reasons(person, carer, a, kk, self.config.travel_km_per_hour)
            out.append(
                Suggestion(
                    person.id,
                    carer.id,
                    round(float(a.score[kk]), 4),
                    round(float(a.person_fit[kk]), 4),
                    round(float(a.carer_fit[kk]), 4),
                    tuple(reasons[:4]),
                    tuple(cautions[:3]),
                )
            )
        return out


def _replaced(items: list, index: int, item) -> list:
    """The list with `item` at `index` (added, one past the end), changed in place."""
    if index == len(items):
        items.append(item)
    else:
        items[index] = item
    return items


def top_k_positions(I, J, S, k, carer_order) -> np.ndarray:
    """Positions of each person's k best pairs (score descending, then carer id), in order."""
    order = np.lexsort((carer_order[J], -S, I))
    grouped = I[order]
    starts = (
        np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
        if len(I)
        else np.zeros(0, dtype=np.int64)
    )
    group_start = np.repeat(starts, np.diff(np.r_[starts, len(I)]))
    return order[(np.arange(len(I)) - group_start) < k]


def _top_k_groups(I, J, S, k, carer_order):
    """Per person, the k best (person index, carer index, score)."""
    keep = top_k_positions(I, J, S, k, carer_order)
    return I[keep], J[keep], S[keep]

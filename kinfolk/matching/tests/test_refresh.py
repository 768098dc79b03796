"""One profile changed: refreshing its row gives exactly what building the region again gives,
for that profile and for everyone else (nothing kept goes stale: not the map of homes, not how
far each person looks, not the words)."""

from dataclasses import replace
from datetime import timedelta

import pytest

from kinfolk.matching import (
    ArrangementType,
    Atmosphere,
    DateRange,
    Gender,
    Location,
    Matcher,
    SupportNeed,
)
from kinfolk.matching.synthetic import synthetic_region

K = 1000  # every suggestion, not just the first few


@pytest.fixture
def region():
    return synthetic_region(400, 250, seed=5)


def _prepared(region) -> Matcher:
    matcher = Matcher(region.people, region.carers)
    matcher.assess_all()  # keeps the map of homes and how far each person looks, as in use
    matcher.suggest_for_person(region.people[0].id)
    return matcher


def _built_again(matcher: Matcher) -> Matcher:
    return Matcher(list(matcher.people), list(matcher.carers), matcher.config)


def _same_for(refreshed: Matcher, fresh: Matcher, people, carers) -> None:
    for person in people:
        assert refreshed.suggest_for_person(person, k=K) == fresh.suggest_for_person(person, k=K)
    for carer in carers:
        assert refreshed.suggest_for_carer(carer, k=K) == fresh.suggest_for_carer(carer, k=K)


def _others(region, n=25):
    return [p.id for p in region.people[1:n]], [c.id for c in region.carers[1:n]]


def test_a_person_who_moved_and_changed_their_mind(region):
    matcher = _prepared(region)
    before = next(p for p in region.people if len(matcher.suggest_for_person(p.id, k=K)) >= 3)
    changed = replace(
        before,
        location=Location(before.location.lat + 0.02, before.location.lon - 0.03),
        arrangement_types=frozenset({ArrangementType.DAY_SUPPORT, ArrangementType.LONG_TERM}),
        needs=frozenset({SupportNeed.LEARNING_DISABILITY}),
        interests=frozenset({"gardening", "a word nobody used before"}),
        atmosphere=Atmosphere.QUIET if before.atmosphere != Atmosphere.QUIET else Atmosphere.LIVELY,
        places_that_matter=(),
    )
    old = matcher.suggest_for_person(changed.id, k=K)
    matcher.refresh_person(changed)
    fresh = _built_again(matcher)
    assert matcher.suggest_for_person(changed.id, k=K) != old  # the change shows
    people, carers = _others(region)
    _same_for(matcher, fresh, [changed.id, *people], carers)


def test_a_household_that_moved_offers_more_and_changed_its_interests(region):
    matcher = _prepared(region)
    before = region.carers[3]
    movers = [p for p in region.people if matcher.suggest_for_person(p.id, k=K)][:10]
    changed = _able_to_offer_anything(
        before,
        location=movers[0].location,  # next door to people who had suggestions before
        interests=frozenset({"birdwatching", "another new word"}),
        languages=frozenset({"English", "Urdu"}),
    )
    matcher.refresh_carer(changed)
    fresh = _built_again(matcher)
    people, carers = _others(region, n=60)  # people's searches use the map of homes
    _same_for(matcher, fresh, [p.id for p in movers] + people, [changed.id, *carers])


def test_someone_who_will_travel_further_for_day_support(region):
    """How far to look is kept per person; it is worked out again for the changed one."""
    matcher = _prepared(region)
    for person in [p for p in region.people if ArrangementType.DAY_SUPPORT in p.arrangement_types]:
        matcher.refresh_person(replace(person, max_day_support_minutes=120))
    fresh = _built_again(matcher)
    people = [p.id for p in region.people if ArrangementType.DAY_SUPPORT in p.arrangement_types]
    _same_for(matcher, fresh, people, [])


def test_someone_new_and_a_new_household(region):
    matcher = _prepared(region)
    newcomer = replace(region.people[11], id="someone-new")
    household = _able_to_offer_anything(
        region.carers[12],
        id="a-new-household",
        location=newcomer.location,
        available=newcomer.short_break_dates,
    )
    matcher.refresh_person(newcomer)
    matcher.refresh_carer(household)
    fresh = _built_again(matcher)
    assert any(s.carer_id == household.id for s in fresh.suggest_for_person(newcomer.id, k=K))
    people, carers = _others(region)
    _same_for(matcher, fresh, [newcomer.id, *people], [household.id, *carers])


def _able_to_offer_anything(carer, **changes):
    return replace(
        carer,
        approved_types=frozenset(ArrangementType),
        approved_needs=frozenset(SupportNeed),
        places=3,
        people_living_there=0,
        carer_genders=frozenset(Gender),
        pets="",
        smokes=False,
        children_at_home=False,
        step_free=True,
        ground_floor_bedroom=True,
        own_bathroom=True,
        min_age=18,
        max_age=120,
        **changes,
    )


def test_dates_beyond_what_the_tables_cover_build_the_region_again(region):
    matcher = _prepared(region)
    early = matcher.tables.horizon_start - timedelta(days=30)
    person = next(p for p in region.people if ArrangementType.SHORT_BREAKS in p.arrangement_types)
    changed = replace(person, short_break_dates=(DateRange(early, early + timedelta(days=60)),))
    matcher.refresh_person(changed)
    assert matcher.tables.horizon_start == early
    people, carers = _others(region)
    _same_for(matcher, _built_again(matcher), [changed.id, *people], carers)


def test_too_many_words_build_the_region_again(region):
    matcher = _prepared(region)
    crowded = replace(region.people[2], languages=frozenset(f"language {n}" for n in range(70)))
    with pytest.raises(ValueError, match="At most 64"):
        matcher.refresh_person(crowded)  # as building the region with it would say


def test_days_and_places_become_the_same_columns_as_one_at_a_time(region):
    """Building tables a range and a column at a time gives what the plain way gives."""
    import numpy as np

    from kinfolk.matching.geo import unit_vectors
    from kinfolk.matching.tables import HORIZON_DAYS, HORIZON_WORDS, MAX_PLACES, _day_bits

    matcher = Matcher(region.people, region.carers)
    t = matcher.tables
    for row, person in enumerate(region.people):
        words = [0] * HORIZON_WORDS
        for span in person.short_break_dates:
            first = max((span.start - t.horizon_start).days, 0)
            last = min((span.end - t.horizon_start).days, HORIZON_DAYS - 1)
            for day in range(first, last + 1):
                words[day // 64] |= 1 << (day % 64)
        assert _day_bits(person.short_break_dates, t.horizon_start) == words
        assert [int(w) for w in t.p_dates[row]] == words
        for col in range(MAX_PLACES):
            if col < len(person.places_that_matter):
                place = person.places_that_matter[col].location
                expected = unit_vectors(np.array([place.lat]), np.array([place.lon]))[0]
                assert np.array_equal(t.p_place_xyz[row, col], expected)
            else:
                assert np.isnan(t.p_place_max_km[row, col])
    assert any(p.short_break_dates for p in region.people)
    assert any(len(p.places_that_matter) > 1 for p in region.people)

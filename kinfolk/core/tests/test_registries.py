"""The registries through which apps above core add to the hub (kinfolk.core.registries)."""

import pytest

from kinfolk.core import registries
from kinfolk.core.registries import DemoPart, Home, HomeCard, RecordLink


@pytest.fixture
def empty(monkeypatch):
    for name in ("_home_cards", "_record_links", "_demo_parts"):
        monkeypatch.setattr(registries, name, {})


def test_cards_from_several_apps_come_in_page_order(empty):
    registries.register_home_cards("b", lambda home: [HomeCard("B1", "/b", order=20)])
    registries.register_home_cards(
        "a", lambda home: [HomeCard("A1", "/a", order=30), HomeCard("A0", "/a0", order=10)]
    )
    assert [card.text for card in registries.home_cards(Home(actor=None))] == ["A0", "B1", "A1"]


def test_registering_again_replaces_an_apps_cards(empty):
    registries.register_home_cards("a", lambda home: [HomeCard("old", "/")])
    registries.register_home_cards("a", lambda home: [HomeCard("new", "/")])
    assert [card.text for card in registries.home_cards(Home(actor=None))] == ["new"]


def test_record_links_are_asked_with_the_actor_and_the_person(empty):
    registries.register_record_links("a", lambda actor, person: [RecordLink(f"{person}", "/")])
    assert registries.record_links("someone", "Sam") == [RecordLink("Sam", "/")]


def test_demo_parts_run_in_their_order(empty):
    registries.register_demo_part(DemoPart("later", "x.later", order=60))
    registries.register_demo_part(DemoPart("first", "x.first", order=10))
    assert [part.key for part in registries.demo_parts()] == ["first", "later"]


def test_every_app_with_cards_or_a_demo_part_registers_them():
    from django.apps import apps

    apps_with_cards = set(registries._home_cards)
    apps_with_demo = {part.key for part in registries.demo_parts()}
    domain = {
        "accounts",
        "notifications",
        "people",
        "sharedlives",
        "wellbeing",
        "directory",
        "social_prescribing",
        "accountability",
        "family_carers",
        "budgets",
    }
    assert domain <= {config.label for config in apps.get_app_configs()}
    assert apps_with_cards == domain and apps_with_demo == domain
    assert set(registries._record_links) == {"sharedlives", "wellbeing", "family_carers", "budgets"}

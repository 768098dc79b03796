"""Searching by words the way people type them: word forms, the taxonomy's other words for a
category, small typos; a page with no results offers ways forward; the service page in full.

Runs on SQLite (FTS5) and on PostgreSQL (full-text search and pg_trgm) alike."""

import pytest
from django.db import connection
from django.test import Client

from kinfolk.directory import selectors
from kinfolk.directory.models import Organization, Service, TaxonomyTerm
from kinfolk.directory.services import refresh_search_text
from kinfolk.directory.tests.factories import service, term


@pytest.fixture
def directory(area):
    befriending = term("Befriending")
    befriending.synonyms = "lonely, loneliness, isolated, company, friendship"
    befriending.save()
    visits = service(area, "Befriending visits, Halifax", category=befriending, byday="MO,TH")
    phone = service(area, "Telephone befriending, Elland", category=befriending)
    walking = service(area, "Walking group, Todmorden", category=term("Being active"))
    choir = service(area, "Community choir, Halifax", byday="SA")
    return visits, phone, walking, choir


def names(found):
    return sorted(s.name for s in found)


BEFRIENDING = ["Befriending visits, Halifax", "Telephone befriending, Elland"]


@pytest.mark.parametrize("words", ["lonely", "loneliness", "company", "Lonely", "LONELINESS"])
def test_other_words_for_a_category_find_its_services(directory, words):
    assert names(selectors.search_services(search=words)) == BEFRIENDING


@pytest.mark.parametrize("words", ["walk", "walks", "walking", "walked", "befriend", "choirs"])
def test_word_forms_find_the_same_services(directory, words):
    found = names(selectors.search_services(search=words))
    assert found and all(words[:4].lower() in name.lower() for name in found)


@pytest.mark.parametrize(
    "typo, meant",
    [("walkng", ["Walking group, Todmorden"]), ("befrending", BEFRIENDING),
     ("Walkng group", ["Walking group, Todmorden"]),
     ("commnity choir", ["Community choir, Halifax"])],
)  # fmt: skip
def test_small_typos_still_find(directory, typo, meant):
    assert names(selectors.search_services(search=typo)) == meant


def test_stop_words_are_left_out(directory):
    assert names(selectors.search_services(search="walking for the")) == [
        "Walking group, Todmorden"
    ]


def test_unrelated_words_find_nothing(directory):
    assert names(selectors.search_services(search="xylophone")) == []
    assert names(selectors.search_services(search="walking choir")) == []


def test_a_typo_gets_a_spelling_suggestion(directory):
    assert selectors.spelling_suggestion("walkng") == "walking"
    assert selectors.spelling_suggestion("walkng group") == "walking group"
    assert selectors.spelling_suggestion("walking") is None
    assert selectors.spelling_suggestion("xylophone") is None


def test_search_punctuation_and_operators_are_words_not_syntax(directory):
    for words in ['"', "walking OR", "NEAR(", "a*", "-walking", "walk:*", "!", "'"]:
        list(selectors.search_services(search=words))  # no error


def test_a_search_finds_only_approved_active_services(directory, area):
    pending = service(area, "Befriending for the lonely", status="pending")
    assert pending.name not in names(selectors.search_services(search="lonely"))


def test_search_text_follows_edits(directory):
    visits = directory[0]
    visits.name = "Friendly calls"
    visits.save()
    refresh_search_text(visits)
    assert "Friendly calls" in names(selectors.search_services(search="calls"))
    Organization.objects.filter(pk=visits.organization_id).delete()
    assert names(selectors.search_services(search="calls")) == []


def test_sqlite_uses_fts5_and_postgres_full_text_search(directory):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM directory_service_fts")
            assert cursor.fetchone()[0] == 4
        else:
            cursor.execute("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")
            assert cursor.fetchone()[0] == 1


# The search page: people see results for what they meant, and ways forward when none.


def test_the_page_finds_befriending_for_lonely(directory, db):
    html = Client().get("/directory/", {"words": "lonely"}).content.decode()
    assert "2 results" in html and "Telephone befriending, Elland" in html


def test_the_page_says_which_spelling_it_searched_for(directory, db):
    html = Client().get("/directory/", {"words": "walkng"}).content.decode()
    assert "Walking group, Todmorden" in html
    assert "Showing results for <strong>walking</strong>" in html


def test_no_results_offers_ways_forward(directory, db):
    html = Client().get("/directory/", {"words": "xylophone"}).content.decode()
    assert "0 results" in html
    assert "No services match" in html
    assert "Browse by category" in html
    assert f"?category={TaxonomyTerm.objects.get(name='Befriending').pk}" in html
    assert "link worker" in html and "GP practice" in html
    assert "use fewer or different words, or take away a filter" in html


def test_no_results_for_a_typo_offers_the_spelling_it_probably_meant(directory, db):
    html = Client().get("/directory/", {"words": "walkng choir"}).content.decode()
    assert "0 results" in html
    assert 'href="?words=walking+choir">walking choir</a> instead' in html


def test_no_results_near_a_postcode_offers_a_wider_distance(directory, db):
    html = (
        Client()
        .get("/directory/", {"words": "choir", "postcode": "OL14 5AB", "distance": "1"})
        .content.decode()
    )
    assert "0 results" in html
    assert "Search within 25 km" in html and "distance=25" in html


def test_back_to_search_keeps_the_search(directory, db):
    visits = directory[0]
    html = Client().get("/directory/", {"words": "lonely", "day": "MO"}).content.decode()
    assert f"/directory/services/{visits.pk}/?words=lonely&amp;day=MO" in html
    page = Client().get(f"/directory/services/{visits.pk}/", {"words": "lonely", "day": "MO"})
    assert 'href="/directory/?words=lonely&amp;day=MO">Back to search' in page.content.decode()


def test_back_to_search_carries_only_search_fields(directory, db):
    visits = directory[0]
    page = (
        Client()
        .get(
            f"/directory/services/{visits.pk}/", {"words": "lonely", "next": "https://evil.example"}
        )
        .content.decode()
    )
    assert 'href="/directory/?words=lonely">Back to search' in page
    assert "evil.example" not in page


def test_the_service_page_shows_days_access_website_and_directions(directory, db):
    visits = directory[0]
    visits.url = "https://befriending.example.org/visits"
    visits.save()
    location = visits.at_locations.get().location
    location.accessibility = "Ramp at the side door, accessible toilet"
    location.save()
    html = Client().get(f"/directory/services/{visits.pk}/").content.decode()
    assert "Mondays and Thursdays, 10:00 to 12:00" in html
    assert "Step-free access" in html and "Ramp at the side door" in html
    assert 'href="https://befriending.example.org/visits"' in html
    assert "How to get there" in html
    assert "https://www.openstreetmap.org/directions?to=53.7235%2C-1.864" in html
    assert "https://www.traveline.info/" in html


def test_the_service_page_falls_back_to_the_organisations_website(directory, db):
    phone = directory[1]
    Organization.objects.filter(pk=phone.organization_id).update(website="https://org.example")
    html = Client().get(f"/directory/services/{phone.pk}/").content.decode()
    assert 'href="https://org.example"' in html


def test_in_the_demo_directory_lonely_and_company_find_every_befriending_service(area):
    import random

    from kinfolk.directory.demo import load_directory

    load_directory(area, random.Random(7))
    befriending = set(
        selectors.search_services(taxonomy_term_id=TaxonomyTerm.objects.get(code="befriending").pk)
    )
    assert befriending
    for words in ("lonely", "loneliness", "company", "befriending"):
        assert befriending <= set(selectors.search_services(search=words)), words
    walking = set(selectors.search_services(search="walking"))
    assert walking and set(selectors.search_services(search="walkng")) == walking


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 triggers")
def test_sqlite_puts_the_search_index_back_when_a_migration_drops_its_triggers(directory, area):
    from django.core.management.sql import emit_post_migrate_signal

    with connection.cursor() as cursor:  # what a table rebuild in a migration does
        cursor.execute("DROP TRIGGER directory_service_search_insert")
    service(area, "Allotment project, Elland")
    assert names(selectors.search_services(search="allotment")) == []
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # after `migrate`
    assert names(selectors.search_services(search="allotment")) == ["Allotment project, Elland"]
    service(area, "Allotment society, Halifax")
    assert len(selectors.search_services(search="allotments")) == 2


def test_a_website_that_is_not_a_web_address_is_not_a_link(directory, db):
    phone = directory[1]
    Service.objects.filter(pk=phone.pk).update(url="javascript:alert(1)")
    html = Client().get(f"/directory/services/{phone.pk}/").content.decode()
    assert "javascript:" not in html

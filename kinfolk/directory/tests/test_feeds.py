"""Importing a feed is all or nothing, and says what is wrong where; export round-trips."""

import json

import pytest
from django.core.management import CommandError, call_command

from kinfolk.directory import feeds, oruk, selectors
from kinfolk.directory.models import Organization, Service
from kinfolk.directory.tests.factories import new_id, service, term


def _feed(n=2):
    taxonomy_id = new_id()
    return [
        {
            "id": new_id(),
            "name": f"Imported service {k}",
            "status": "active",
            "organization": {"id": new_id(), "name": f"Org {k}", "description": "A group"},
            "schedules": [{"id": new_id(), "byday": "MO", "opens_at": "10:00",
                           "closes_at": "12:00"}],
            "cost_options": [{"id": new_id(), "option": "per session", "amount": 2}],
            "service_at_locations": [
                {"id": new_id(), "location": {"id": new_id(), "location_type": "physical",
                                              "latitude": 53.72, "longitude": -1.86}}
            ],
            "attributes": [{"id": new_id(), "taxonomy_term": {
                "id": new_id(), "name": "Being active", "description": "Being active",
                "taxonomy_id": taxonomy_id, "taxonomy": "Categories"}}],
        }
        for k in range(n)
    ]  # fmt: skip


def test_a_good_feed_imports_everything(area):
    count = feeds.import_services(_feed(), area)
    assert count == 2 and Service.objects.count() == 2
    imported = selectors.service_get(Service.objects.first().pk)
    assert imported.schedules.get().byday == "MO"
    assert "being active" in imported.search_text


def test_a_bad_feed_imports_nothing_and_names_every_problem(area):
    feed = _feed(3)
    feed[0]["name"] = ""
    feed[1]["status"] = "open"
    feed[2]["service_at_locations"][0]["location"]["latitude"] = "north"
    with pytest.raises(feeds.Problems) as caught:
        feeds.import_services(feed, area)
    problems = caught.value.problems
    assert any(p.startswith(f"services[0] ({feed[0]['id']}): name: is required") for p in problems)
    assert any("services[1]" in p and "status" in p and "'open'" in p for p in problems)
    assert any("services[2]" in p and "latitude" in p for p in problems)
    assert Service.objects.count() == 0 and Organization.objects.count() == 0


def test_an_id_already_in_the_directory_is_refused(area):
    feed = _feed(1)
    feeds.import_services(feed, area)
    with pytest.raises(feeds.Problems, match="already in the directory"):
        feeds.import_services(feed, area)
    assert Service.objects.count() == 1


def test_json_export_reimports_elsewhere(area, other_area, tmp_path):
    service(area, "Walking group", category=term())
    path = tmp_path / "feed.json"
    call_command("directory_export", str(path))
    exported = json.loads(path.read_text())
    assert exported[0]["name"] == "Walking group"
    Organization.objects.all().delete()  # an import never adds to another area's organisation
    call_command("directory_import", str(path), area=other_area.slug)
    assert selectors.listed_services().get().name == "Walking group"


def test_datapackage_export_round_trips(area, tmp_path):
    original = service(area, "Community choir", category=term("Arts"), amount=3)
    before = oruk.service_full(selectors.service_get(original.pk))
    path = tmp_path / "directory.zip"
    call_command("directory_export", str(path))
    Service.objects.all().delete()
    Organization.objects.all().delete()
    call_command("directory_import", str(path), area=area.slug)
    after = oruk.service_full(selectors.service_get(original.pk))
    for key in ("name", "status", "organization_id"):
        assert after[key] == before[key]
    assert after["schedules"][0]["byday"] == before["schedules"][0]["byday"]
    assert after["attributes"][0]["taxonomy_term"]["name"] == "Arts"


def test_the_import_command_reports_problems_and_writes_nothing(area, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"not": "a feed"}')
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("directory_import", str(path), area=area.slug)

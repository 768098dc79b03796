"""`kinfolk directory-import` on a bad feed: a listed problem, a non-zero exit, nothing
written, never a traceback; and never attaching services to another area's organisation."""

import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from kinfolk.directory.models import (
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from kinfolk.directory.tests.factories import new_id, service
from kinfolk.directory.tests.test_feeds import _feed


def _counts():
    return tuple(
        m.objects.count()
        for m in (Organization, Service, Location, Schedule, ServiceAtLocation, TaxonomyTerm)
    )


def _refused(path, area, *expected) -> str:
    """Run the command in-process; it must refuse with a CommandError and change nothing."""
    before = _counts()
    with pytest.raises(CommandError) as caught:
        call_command("directory_import", str(path), area=area.slug, stdout=io.StringIO())
    message = str(caught.value)
    assert message.startswith("Nothing was imported"), message
    assert "Traceback" not in message
    for text in expected:
        assert text in message, message
    assert _counts() == before
    return message


def _json_file(tmp_path, data, name="feed.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


# --- not a feed at all -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("this is not JSON", "JSON"),
        ("", "JSON"),
        ('"a string"', "expected a list of services"),
        ("42", "expected a list of services"),
        ('{"contents": "nope"}', "expected a list of services"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_a_file_that_is_not_a_feed(area, tmp_path, content, expected):
    _refused(_json_file(tmp_path, content), area, expected)


def test_a_file_that_is_not_utf8(area, tmp_path):
    path = tmp_path / "feed.json"
    path.write_bytes(b'[{"name": "\xff\xfe caf\xe9"}]')
    _refused(path, area, "UTF-8")


def test_a_zip_that_is_not_a_zip(area, tmp_path):
    path = tmp_path / "feed.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    _refused(path, area, "zip")


# --- wrong shapes and types ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s.update(name=3), "name: must be text"),
        (lambda s: s.update(name=["a list"]), "name: must be text"),
        (lambda s: s.update(organization="Org"), "organization: must be an object"),
        (lambda s: s.update(schedules={"id": new_id()}), "schedules: must be a list"),
        (lambda s: s.update(schedules=["MO"]), "must be an object"),
        (lambda s: s.update(minimum_age="old"), "minimum_age"),
        (lambda s: s.update(status=True), "status"),
        (lambda s: s.pop("id"), "id: is required"),
        (lambda s: s["schedules"][0].pop("id"), "id: is required"),
        (lambda s: s["organization"].pop("id"), "organization_id: is required"),
        (lambda s: s.update(id="not-a-uuid"), "is not a UUID"),
    ],
)
def test_wrong_types_and_missing_ids(area, tmp_path, change, expected):
    feed = _feed(2)
    change(feed[1])
    _refused(_json_file(tmp_path, feed), area, expected)


def test_a_service_that_is_a_list_not_an_object(area, tmp_path):
    feed = _feed(1) + [["not", "an", "object"]]
    _refused(_json_file(tmp_path, feed), area, "services[1]: service: must be an object")


# --- duplicate and unknown ids ---------------------------------------------------------------


def test_duplicate_service_ids(area, tmp_path):
    feed = _feed(2)
    feed[1]["id"] = feed[0]["id"]
    _refused(_json_file(tmp_path, feed), area, "appears twice")


@pytest.mark.parametrize(
    "child", ["schedules", "cost_options", "service_at_locations", "attributes"]
)
def test_duplicate_ids_inside_a_feed(area, tmp_path, child):
    feed = _feed(2)
    feed[1][child][0]["id"] = feed[0][child][0]["id"]
    _refused(_json_file(tmp_path, feed), area, "appears twice")


def test_a_child_id_already_in_the_directory(area, tmp_path):
    existing = service(area, "Walking group")
    feed = _feed(1)
    feed[0]["schedules"][0]["id"] = str(existing.schedules.get().pk)
    _refused(_json_file(tmp_path, feed), area, "already in the directory")


def test_a_datapackage_referring_to_unknown_ids(area, tmp_path):
    path = tmp_path / "feed.zip"
    sid, oid = new_id(), new_id()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("organizations.csv", "id,name,description\n" + f"{new_id()},Org,Group\n")
        archive.writestr("services.csv", f"id,name,organization_id\n{sid},Walk,{oid}\n")
        archive.writestr(
            "service_at_locations.csv", f"id,service_id,location_id\n{new_id()},{sid},{new_id()}\n"
        )
    _refused(path, area, "organization", "location")


# --- huge strings and NUL characters ---------------------------------------------------------


def test_huge_strings(area, tmp_path):
    feed = _feed(1)
    feed[0]["name"] = "x" * 10_000
    feed[0]["description"] = "y" * 2_000_000
    _refused(
        _json_file(tmp_path, feed), area, "name: is longer than 200", "description: is longer than"
    )


def test_a_huge_csv_field(area, tmp_path):
    path = tmp_path / "feed.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("services.csv", f"id,name,description\n{new_id()},Walk,{'z' * 200_000}\n")
    _refused(path, area, "services.csv")


@pytest.mark.parametrize("where", ["name", "description", "organization", "schedule"])
def test_a_nul_character(area, tmp_path, where):
    feed = _feed(1)
    target = {
        "name": (feed[0], "name"),
        "description": (feed[0], "description"),
        "organization": (feed[0]["organization"], "name"),
        "schedule": (feed[0]["schedules"][0], "description"),
    }[where]
    target[0][target[1]] = "Walk\x00ing"
    _refused(_json_file(tmp_path, feed), area, "NUL")


# --- another area's organisation -------------------------------------------------------------


def test_services_are_never_attached_to_another_areas_organisation(area, other_area, tmp_path):
    theirs = service(other_area, "Their choir")
    feed = _feed(1)
    feed[0]["organization"]["id"] = str(theirs.organization_id)
    _refused(_json_file(tmp_path, feed), area, "belongs to another area")
    assert theirs.organization.services.count() == 1


def test_nor_to_another_areas_location(area, other_area, tmp_path):
    theirs = service(other_area, "Their choir")
    feed = _feed(1)
    sal = feed[0]["service_at_locations"][0]
    sal["location"]["id"] = str(theirs.at_locations.get().location_id)
    _refused(_json_file(tmp_path, feed), area, "belongs to another area")


def test_an_organisation_already_in_this_area_can_take_more_services(area, tmp_path):
    ours = service(area, "Our choir")
    feed = _feed(1)
    feed[0]["organization"]["id"] = str(ours.organization_id)
    call_command("directory_import", str(_json_file(tmp_path, feed)), area=area.slug,
                 stdout=io.StringIO())  # fmt: skip
    assert ours.organization.services.count() == 2

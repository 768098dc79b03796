"""The directory's published tables are shared by every area (docs/directory-and-social-
prescribing.md, "Which directory tables every area shares"): what an area owns is its
organisations, their evidence and its shortlists."""

from django.test import Client

from kinfolk.accounts.models import Role
from kinfolk.directory import selectors
from kinfolk.directory.models import Evidence, Organization
from kinfolk.directory.tests.factories import service

TABLES_WITHOUT_AN_AREA = {
    "Evidence", "Taxonomy", "TaxonomyTerm", "Service", "Attribute", "Location",
    "ServiceAtLocation", "Schedule", "CostOption", "Contact", "Phone", "Language", "Funding",
    "ServiceArea",
}  # fmt: skip


def test_these_are_the_directory_tables_without_an_area():
    from django.apps import apps

    without = {
        model.__name__
        for model in apps.get_app_config("directory").get_models()
        if "area" not in {field.name for field in model._meta.fields}
    }
    assert without == TABLES_WITHOUT_AN_AREA
    # In social prescribing only who speaks for an organisation has no area of its own.
    assert {
        model.__name__
        for model in apps.get_app_config("social_prescribing").get_models()
        if "area" not in {field.name for field in model._meta.fields}
    } == {"OrganizationMember"}


def test_the_public_directory_shows_approved_services_of_every_area(area, other_area):
    ours, theirs = service(area, "Our choir"), service(other_area, "Their choir")
    waiting = service(other_area, "Waiting choir", status="pending")
    assert set(selectors.listed_services()) == {ours, theirs}
    page = Client().get("/directory/", {"words": "choir"}).content.decode()
    assert "Our choir" in page and "Their choir" in page and "Waiting choir" not in page
    listed = Client().get("/openreferral/services").json()
    assert {s["name"] for s in listed["contents"]} == {"Our choir", "Their choir"}
    assert waiting.organization.listing_status == "pending"


def test_evidence_is_read_only_through_an_organisation_in_the_admins_area(
    area, other_area, make_member, signed_in_client
):
    theirs = service(other_area, "Their choir").organization
    Organization.objects.filter(pk=theirs.pk).update(listing_status="pending")
    Evidence.objects.create(organization=theirs, kind="insurance", expires_on="2030-01-01")
    admin = signed_in_client(make_member(Role.AREA_ADMIN, area))
    page = admin.get("/directory/listings/").content.decode()
    assert "Their choir" not in page and "1 January 2030" not in page
    assert list(selectors.organizations_in_area(area=area)) == []

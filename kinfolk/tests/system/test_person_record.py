"""A person views and edits their profile, shares it, and takes access away."""

import re

import pytest
from playwright.sync_api import expect

from kinfolk.accounts.models import Role
from kinfolk.people.models import Person
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory

from .conftest import axe_check, sign_in


@pytest.fixture
def sam(make_member, area):
    membership = make_member(Role.PERSON, area, display_name="Sam Okafor")
    return PersonFactory(
        area=area,
        user=membership.user,
        given_name="Sam",
        family_name="Okafor",
        what_matters_to_me="Seeing my sister",
    )


def test_a_person_views_and_edits_their_profile(page, sam):
    # Given Sam, signed in
    sign_in(page, sam.user.email)
    # When Sam opens their profile
    page.get_by_role("link", name="My profile").click()
    expect(page.get_by_role("heading", name="My profile")).to_be_visible()
    expect(page.get_by_text("Seeing my sister")).to_be_visible()
    axe_check(page)
    # And changes it with an NHS number that fails the check
    page.get_by_role("button", name="Change my profile").click()
    page.get_by_label("What matters to me").fill("My allotment and my sister")
    page.get_by_label("NHS number").fill("123 456 7890")
    page.get_by_role("button", name="Save").click()
    # Then the problem is explained and nothing is saved
    expect(page.get_by_role("alert").get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Enter a valid NHS number"))).to_be_visible()
    axe_check(page)
    sam.refresh_from_db()
    assert sam.what_matters_to_me == "Seeing my sister" and sam.nhs_number == ""
    # When Sam corrects it
    page.get_by_label("NHS number").fill("943 476 5919")
    page.get_by_role("button", name="Save").click()
    # Then the change shows on the profile
    expect(page.get_by_text("The changes have been saved.")).to_be_visible()
    expect(page.get_by_text("My allotment and my sister")).to_be_visible()
    expect(page.get_by_text("943 476 5919")).to_be_visible()
    axe_check(page)


def test_only_an_allocated_worker_sees_the_profile(new_page, sam, make_member, area):
    # Given one worker allocated to Sam and one who is not
    allocated = make_member(Role.SCHEME_WORKER, area, display_name="Priya Shah")
    other = make_member(Role.SCHEME_WORKER, area, display_name="Jo Bloggs")
    for member in (allocated, other):
        member.user.mfa_enabled, member.user.totp_secret = False, ""
    AssignmentFactory(person=sam, worker=allocated.user)
    with _demo_mode():
        page = new_page()
        sign_in(page, allocated.user.email)
        # When the allocated worker opens Sam from their caseload
        page.get_by_role("link", name="Sam Okafor").click()
        # Then they see the record
        expect(page.get_by_role("heading", name="Sam Okafor")).to_be_visible()
        axe_check(page)
        # When the other worker goes to the same address
        url = page.url
        page = new_page()
        sign_in(page, other.user.email)
        page.goto(url)
        # Then they are refused with a page that explains why
        expect(page.get_by_role("heading", name="You cannot see this page")).to_be_visible()
        axe_check(page)


def test_a_person_shares_their_record_and_takes_access_away(new_page, sam, make_member, area):
    # Given Sam and their sister Grace, who has a representative account
    grace = make_member(Role.REPRESENTATIVE, area, display_name="Grace Okafor")
    page = new_page()
    sign_in(page, sam.user.email)
    page.get_by_role("link", name="Who can see my record").click()
    expect(page.get_by_role("heading", name="Who can see my record")).to_be_visible()
    axe_check(page)
    # When Sam tries an address with no account
    page.get_by_label("Their email address").fill("nobody@example.test")
    page.get_by_label("Who are they to you?").select_option("family")
    page.get_by_label("See my record", exact=True).check()
    page.get_by_role("button", name="Give access").click()
    # Then it is explained and nothing is shared
    expect(page.get_by_text("We could not find").first).to_be_visible()
    axe_check(page)
    # When Sam gives Grace access to see the record
    page.get_by_label("Their email address").fill(grace.user.email)
    page.get_by_label("Who are they to you?").select_option("family")
    page.get_by_label("See my record", exact=True).check()
    page.get_by_role("button", name="Give access").click()
    expect(page.get_by_text("Grace Okafor can now see the record.")).to_be_visible()
    expect(page.get_by_role("cell", name="Grace Okafor (Family)")).to_be_visible()
    axe_check(page)
    # Then Grace sees Sam on her home page and can open the record
    grace_page = new_page()
    sign_in(grace_page, grace.user.email)
    grace_page.get_by_role("link", name="Sam Okafor").click()
    expect(grace_page.get_by_text("Seeing my sister")).to_be_visible()
    record_url = grace_page.url
    axe_check(grace_page)
    # When Sam takes the access away, after a page that says what will happen
    page.get_by_role("link", name=re.compile("Take away access")).click()
    expect(
        page.get_by_role("heading", name="Stop Grace Okafor seeing your record?")
    ).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Take away access").click()
    expect(page.get_by_text("Grace Okafor can no longer see the record.")).to_be_visible()
    axe_check(page)
    # Then Grace is refused at once
    grace_page.goto(record_url)
    expect(grace_page.get_by_role("heading", name="You cannot see this page")).to_be_visible()
    # And Sam can see who looked at the record
    page.get_by_role("link", name="See who has looked at my record").click()
    expect(page.get_by_role("cell", name=re.compile("Grace Okafor")).first).to_be_visible()
    axe_check(page)
    assert Person.objects.get(pk=sam.pk).grants.filter(revoked_at__isnull=True).count() == 0


def _demo_mode():
    from django.test import override_settings

    # Workers here have no authenticator; demo mode lets them in without one.
    return override_settings(KINFOLK_DEMO=True)

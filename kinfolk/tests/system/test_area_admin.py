"""The area admin runs the area; emergency access is reported to them."""

from django.test import override_settings
from playwright.sync_api import expect

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import PersonFactory

from .conftest import axe_check, sign_in


@override_settings(KINFOLK_DEMO=True)
def test_emergency_access_is_reasoned_time_limited_and_reported(new_page, make_member, area):
    # Given a link worker who is not allocated to Ravi, and the area admin
    ravi = PersonFactory(area=area, given_name="Ravi", family_name="Patel")
    worker = make_member(Role.LINK_WORKER, area, display_name="Kwame Mensah")
    admin = make_member(Role.AREA_ADMIN, area, display_name="Helen Price")
    page = new_page()
    sign_in(page, worker.user.email)
    # When the worker opens emergency access with too short a reason
    page.goto(f"/people/{ravi.pk}/emergency-access/")
    expect(page.get_by_role("heading", name="Emergency access")).to_be_visible()
    axe_check(page)
    page.get_by_label("Why do you need to see this record now?").fill("urgent")
    page.get_by_role("button", name="Open emergency access").click()
    expect(page.get_by_text("at least 20 characters").first).to_be_visible()
    # And then with a real reason
    page.get_by_label("Why do you need to see this record now?").fill(
        "A&E rang at 2am asking for Ravi's medication list"
    )
    page.get_by_role("button", name="Open emergency access").click()
    # Then they see the record, with a warning that access is time-limited
    expect(page.get_by_role("heading", name="Ravi Patel")).to_be_visible()
    expect(page.get_by_text("You are using emergency access")).to_be_visible()
    axe_check(page)
    # And the area admin sees it on the report
    admin_page = new_page()
    sign_in(admin_page, admin.user.email)
    admin_page.get_by_role("link", name="Emergency access report").click()
    expect(
        admin_page.get_by_role("cell", name="A&E rang at 2am asking for Ravi's medication list")
    ).to_be_visible()
    axe_check(admin_page)
    # And the memberships page lists who holds which role
    admin_page.goto("/accounts/memberships/")
    expect(admin_page.get_by_role("cell", name="Kwame Mensah", exact=True)).to_be_visible()
    axe_check(admin_page)

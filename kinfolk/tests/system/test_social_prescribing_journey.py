"""A GP refers; a link worker contacts the person; they choose a walking group from the
directory; the group accepts; ONS4 is followed up; the GP sees the outcome. Axe on every page."""

import re

from django.test import override_settings
from playwright.sync_api import expect

from kinfolk.accounts.models import Role
from kinfolk.directory.tests.factories import service
from kinfolk.social_prescribing.models import OrganizationMember, Referral
from kinfolk.social_prescribing.services import practice_record

from .conftest import axe_check, choose, sign_in, staff_without_authenticator


def _ons4(page, life: str, anxious: str):
    choose(page, "Who is answering?", "The person, with someone helping")
    choose(page, "Overall, how satisfied are you with your life nowadays?", life)
    choose(page, re.compile("things you do in your life are worthwhile"), life)
    choose(page, "Overall, how happy did you feel yesterday?", life)
    choose(page, "Overall, how anxious did you feel yesterday?", anxious)
    axe_check(page)
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()


def test_from_gp_referral_to_outcome(new_page, area, make_member):
    gp = staff_without_authenticator(make_member, area, Role.REFERRER, "Dr Tom Whitfield")
    link = staff_without_authenticator(make_member, area, Role.LINK_WORKER, "Kwame Mensah")
    walker = staff_without_authenticator(
        make_member, area, Role.COMMUNITY_ORGANISATION_MEMBER, "Lucy Barker"
    )
    walk = service(area, "Walking group, Halifax")
    OrganizationMember.objects.create(organization=walk.organization, user=walker)
    practice_record(area=area, ods_code="B82005", name="Calder Health Centre")
    with override_settings(KINFOLK_DEMO=True):
        # The GP refers Joan, with her consent.
        doctor = new_page()
        sign_in(doctor, gp.email)
        doctor.get_by_role("link", name="Refer to social prescribing").click()
        axe_check(doctor)
        doctor.get_by_label("First name (someone new)").fill("Joan")
        doctor.get_by_label("Last name (someone new)").fill("Pickles")
        doctor.get_by_label("Your practice or team").select_option(
            label="Calder Health Centre (B82005)"
        )
        doctor.get_by_label("Loneliness or isolation").check()
        doctor.get_by_label(re.compile("What matters to them")).fill("Getting out of the house")
        doctor.get_by_role("button", name="Send the referral").click()
        expect(doctor.get_by_role("alert")).to_contain_text("agreed to the referral")
        axe_check(doctor)
        assert not Referral.objects.exists()
        doctor.get_by_label(re.compile("They agreed to be referred")).check()
        doctor.get_by_role("button", name="Send the referral").click()
        expect(
            doctor.get_by_text(re.compile(r"Joan Pickles is referred: reference SP-\d{6}\."))
        ).to_be_visible()
        axe_check(doctor)

        # The link worker takes the referral, talks with Joan, records ONS4 and a goal.
        worker = new_page()
        sign_in(worker, link.email)
        worker.get_by_role("link", name="Social prescribing").first.click()
        axe_check(worker)
        # Taking asks first, on a page that shows the referral.
        worker.get_by_role("link", name="Take Joan Pickles").click()
        expect(worker.get_by_role("heading", name="Take Joan's referral?")).to_be_visible()
        expect(
            worker.get_by_text("Dr Tom Whitfield, Calder Health Centre (B82005)")
        ).to_be_visible()
        axe_check(worker)
        worker.get_by_role("button", name="Take Joan's referral").click()
        axe_check(worker)
        referral_url = worker.url
        worker.get_by_label("What you talked about").fill(
            "Joan used to walk with her late husband."
        )
        worker.get_by_role("button", name="Record the conversation").click()
        expect(worker.get_by_text("The conversation is recorded.")).to_be_visible()
        worker.get_by_label("A goal, in their words").fill("Walk with other people every week")
        worker.get_by_role("button", name="Add the goal").click()
        worker.get_by_role("link", name="their wellbeing page").click()
        _ons4(worker, "4", "7")
        worker.goto(referral_url)
        worker.get_by_role("button", name="Use the latest as the start").click()
        expect(worker.get_by_text("The ONS4 answers are linked.")).to_be_visible()
        # Joan chooses the walking group from the directory.
        worker.get_by_label("Find in the directory").fill("walking")
        worker.get_by_role("button", name="Find").click()
        expect(worker.get_by_text(re.compile("1 service matches “walking”"))).to_be_visible()
        axe_check(worker)
        worker.get_by_label("Walking group, Halifax (Walking group, Halifax people)").check()
        worker.get_by_label("They agreed that the organisation may phone or email them").check()
        worker.get_by_role("button", name="Send to the organisation").click()
        expect(worker.get_by_text(re.compile("Sent to the organisation"))).to_be_visible()
        axe_check(worker)

        # The walking group accepts, and Joan starts going.
        group = new_page()
        sign_in(group, walker.email)
        group.get_by_role("link", name="Requests from link workers").click()
        axe_check(group)
        group.get_by_role("button", name="Accept Joan").click()
        expect(group.get_by_text("How to reach Joan")).to_be_visible()
        axe_check(group)
        group.get_by_role("button", name=re.compile("They have started coming")).click()
        expect(group.get_by_text("They are connected.")).to_be_visible()
        axe_check(group)

        # Follow-up ONS4, then the link worker closes the loop.
        worker.goto(referral_url)
        worker.get_by_role("link", name="their wellbeing page").click()
        _ons4(worker, "7", "3")
        worker.goto(referral_url)
        worker.get_by_role("button", name="Use the latest as the follow-up").click()
        worker.get_by_role("link", name="Close the referral and tell the referrer").click()
        expect(worker.get_by_text("Close Joan's referral?")).to_be_visible()
        expect(
            worker.get_by_text(re.compile("the change in Joan's wellbeing scores"))
        ).to_be_visible()
        axe_check(worker)
        worker.get_by_label("Summary for the referrer").fill("Walking twice a week with the group.")
        worker.get_by_role("button", name="Close and tell the referrer").click()
        expect(worker.get_by_text(re.compile("The referral is closed"))).to_be_visible()
        axe_check(worker)

        # The GP sees the outcome.
        doctor.get_by_role("link", name="Home").first.click()
        doctor.get_by_role("link", name="My social prescribing referrals").click()
        expect(doctor.get_by_text("Closed", exact=True)).to_be_visible()
        expect(doctor.get_by_text(re.compile("life satisfaction \\+3"))).to_have_count(2)
        expect(doctor.get_by_text(re.compile("now connected"))).to_be_visible()
        axe_check(doctor)


def test_the_directory_search_is_public_and_accessible(page, area):
    service(area, "Walking group, Halifax")
    service(area, "Community choir, Elland", lat=53.685, lon=-1.84, amount=3)
    page.goto("/directory/")
    axe_check(page)
    page.get_by_label("What are you looking for?").fill("choir")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 result")).to_be_visible()
    axe_check(page)
    page.get_by_label("What are you looking for?").fill("")
    page.get_by_label("Near a postcode (optional)").fill("HX1 2AB")
    page.get_by_label("Within").select_option(label="10 km")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="by distance").click()
    expect(page.get_by_role("heading", name="Within 1 km")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Walking group, Halifax").click()
    expect(page.get_by_role("heading", name=re.compile("Walking group"))).to_be_visible()
    axe_check(page)

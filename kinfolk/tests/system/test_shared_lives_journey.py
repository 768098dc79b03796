"""The whole Shared Lives journey in a real browser, with an axe check on every page visited:
referral -> home first -> assessment -> suggestions -> both say yes -> each side's own word
after each meeting -> both agree -> signed agreement -> arrangement -> 4-week review."""

import re
from datetime import date

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
from kinfolk.sharedlives.models import Arrangement, ArrangementReview, Stage
from kinfolk.sharedlives.tests.factories import CarerFactory, trained

from .conftest import axe_check, choose, enter_date, sign_in, staff_without_authenticator


@pytest.fixture
def scheme(area, make_member):
    worker = staff_without_authenticator(make_member, area, Role.SCHEME_WORKER, "Priya Shah")
    sam = make_member(Role.PERSON, area, display_name="Sam Okafor")
    bernadette = make_member(Role.SHARED_LIVES_CARER, area, display_name="Bernadette Hughes")
    person = PersonFactory(area=area, user=sam.user, given_name="Sam", family_name="Okafor")
    AssignmentFactory(person=person, worker=worker)
    trained(CarerFactory(area=area, user=bernadette.user, name="The Hughes household"))
    trained(CarerFactory(area=area, name="The Ahmed household", approved_types=["short_breaks"]))
    return worker, sam.user, bernadette.user, person


def _visit(page, name: str, role: str = "link") -> None:
    page.get_by_role(role, name=name).first.click()
    axe_check(page)


def test_from_referral_to_the_four_week_review(new_page, scheme):
    worker, sam, bernadette, person = scheme
    with override_settings(KINFOLK_DEMO=True):  # workers here have no authenticator app
        # A scheme worker refers Sam, who has a home and family to support them there.
        staff = new_page()
        sign_in(staff, worker.email)
        _visit(staff, "Sam Okafor")
        _visit(staff, "Refer to Shared Lives", "button")
        choose(staff, "Who made the referral?", "A worker")
        choose(staff, "Does the person have their own home?", "Yes")
        choose(staff, "Is their family able and willing to support them there?", "Yes")
        staff.get_by_role("button", name="Record the referral").click()
        # Home first: no suggestions until Sam's own choice is written down.
        expect(staff.get_by_text(re.compile("record Sam's own choice")).first).to_be_visible()
        axe_check(staff)
        staff.get_by_label(re.compile("own choice to look at Shared Lives")).fill(
            "I love my mum but I want a family life of my own, with a garden"
        )
        staff.get_by_role("button", name="Record their choice").click()
        expect(staff.get_by_text(re.compile("Record the assessment first")).first).to_be_visible()
        # The assessment visit.
        _visit(staff, "Record the assessment", "button")
        enter_date(staff, "Date of the assessment visit", date.today())
        staff.get_by_label("Postcode where they live now").fill("HX1 2AB")
        staff.get_by_label("Living with a household").check()
        staff.get_by_label("Learning disability").check()
        staff.get_by_label("Interests").fill("gardening, cooking")
        choose(staff, "What kind of home suits them?", "Either")
        choose(staff, "Their daily rhythm", "Flexible")
        staff.get_by_label(re.compile("happy for suitable approved carers")).check()
        staff.get_by_role("button", name="Save the assessment").click()
        # Suggestions, with reasons; and why another household is not suggested.
        suggestion = staff.locator(".kinfolk-suggestions li").filter(
            has_text="The Hughes household"
        )
        expect(suggestion).to_contain_text("Both love cooking and gardening")
        axe_check(staff)
        staff.get_by_label("Which household?").select_option(label="The Ahmed household")
        staff.get_by_role("button", name="Ask why").click()
        expect(staff.locator("#why-not")).to_contain_text(
            "the household is approved for short breaks"
        )
        axe_check(staff)

        # Sam sees every suitable household and says yes to meeting the Hughes household.
        own = new_page()
        sign_in(own, sam.email)
        _visit(own, "My matches")
        own.get_by_role("button", name="I would like to meet The Hughes household").click()
        expect(own.get_by_text("We are waiting for the other side.")).to_be_visible()
        axe_check(own)

        # Bernadette is told in the header, on every page, and her notifications say who asked.
        carer = new_page()
        sign_in(carer, bernadette.email)
        expect(carer.get_by_role("link", name="Notifications (1 new)")).to_be_visible()
        _visit(carer, "Notifications (1 new)")
        expect(carer.get_by_text("Sam would like to meet you.")).to_be_visible()
        carer.get_by_role("button", name="Sam would like to meet you.").click()
        expect(carer.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
        # She sees the request and says yes too: the introduction is proposed.
        carer.goto(carer.url.split("/shared-lives/")[0] + "/")
        _visit(carer, "Introduction requests")
        _visit(carer, "See the request and answer Sam")
        carer.get_by_role("button", name="Yes, I would like to meet").click()
        expect(carer.get_by_text("Now: Introduction meeting")).to_be_visible()
        axe_check(carer)

        # After each meeting, each side says for itself whether to carry on, in its words.
        staff.goto(carer.url)
        axe_check(staff)
        for stage in ("introduction meeting", "tea visit", "overnight or trial stay"):
            for side in (own, carer):
                side.goto(staff.url)
                expect(side.get_by_text("Whose view is this?")).to_have_count(0)
                choose(side, "Would you like to carry on to the next step?", "Yes")
                side.get_by_label(f"How did the {stage} go for you?").fill("Lovely")
                side.get_by_role("button", name="Send my answer").click()
                expect(side.get_by_text("Thank you: it has been recorded.")).to_be_visible()
        staff.reload()
        expect(staff.get_by_text("Now: Deciding together")).to_be_visible()
        axe_check(staff)

        # Each side agrees for themselves.
        for page in (own, carer):
            page.goto(staff.url)
            page.get_by_role("button", name="I agree to the arrangement").click()
            expect(page.get_by_text("Your agreement has been recorded.")).to_be_visible()
            axe_check(page)

        # The worker records the signed agreement and licence, and the arrangement starts.
        staff.reload()
        _visit(staff, "Record the signed agreement and start", "button")
        for label in (
            "Start date",
            "Date the person signed the Shared Lives Arrangement Agreement",
            "Date the carer signed the Shared Lives Arrangement Agreement",
        ):
            enter_date(staff, label, date.today())
        staff.get_by_role("button", name="Start the arrangement").click()
        # Without the licence, nothing starts and the reason is clear.
        expect(staff.get_by_role("alert")).to_contain_text("Licence Agreement")
        axe_check(staff)
        assert not Arrangement.objects.exists()
        enter_date(staff, re.compile("person signed the Licence"), date.today())
        enter_date(staff, re.compile("carer signed the Licence"), date.today())
        staff.get_by_role("button", name="Start the arrangement").click()
        expect(staff.get_by_text("The arrangement has started.")).to_be_visible()
        expect(staff.get_by_role("cell", name="4-week review")).to_be_visible()
        axe_check(staff)

        # The 4-week review.
        _visit(staff, "Record the 4-week review", "button")
        staff.get_by_label("The person's view").fill("I like Sunday dinners and the garden.")
        staff.get_by_label("The carer's view").fill(
            "Sam has settled in; visits to mum on Wednesdays."
        )
        staff.get_by_role("button", name="Record the review").click()
        expect(staff.get_by_text("The 4-week review is recorded.")).to_be_visible()
        axe_check(staff)

    arrangement = Arrangement.objects.get()
    assert arrangement.introduction.stage == Stage.ARRANGED
    assert ArrangementReview.objects.get(arrangement=arrangement, kind="four_week").done_on

"""The scheme worker facilitates, in a real browser with axe on every new page: what is due in
the next 60 days, the scheme-wide introduction plan, and an annual review in both sides' words
that sends the household back to panel."""

from datetime import date, timedelta

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
from kinfolk.sharedlives.models import ArrangementReview, Carer, Introduction, TrainingRecord
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory, trained
from kinfolk.sharedlives.tests.journeys import agreed, start

from .conftest import axe_check, choose, sign_in, staff_without_authenticator


@pytest.fixture
def scheme(area, make_member, actor_for):
    worker = staff_without_authenticator(make_member, area, Role.SCHEME_WORKER, "Priya Shah")
    sam = make_member(Role.PERSON, area, display_name="Sam Okafor")
    carer_member = make_member(Role.SHARED_LIVES_CARER, area, display_name="Bernadette Hughes")
    person = PersonFactory(area=area, user=sam.user, given_name="Sam", family_name="Okafor")
    AssignmentFactory(person=person, worker=worker)
    referral = ReferralFactory(person=person, created_by=worker)
    hughes = trained(CarerFactory(area=area, user=carer_member.user, name="The Hughes household"))
    ahmed = trained(CarerFactory(area=area, name="The Ahmed household"))
    TrainingRecord.objects.filter(carer=ahmed, course="first_aid").update(
        expires_on=date.today() + timedelta(days=30)
    )
    ReferralFactory(
        person=PersonFactory(area=area, given_name="Ada"), created_by=worker, interests=["cooking"]
    )
    s = type("S", (), {})()
    s.you, s.carer_actor = actor_for(sam), actor_for(carer_member)
    s.worker = actor_for(worker.memberships.get())
    s.referral, s.carer = referral, hughes
    arrangement = start(s, agreed(s))
    annual = arrangement.reviews.get(kind="annual")
    ArrangementReview.objects.filter(pk=annual.pk).update(due_on=date.today() - timedelta(days=2))
    ArrangementReview.objects.filter(arrangement=arrangement).exclude(pk=annual.pk).update(
        done_on=date.today() - timedelta(days=30), notes="Going well"
    )
    return worker, arrangement


def test_the_worker_sees_what_is_due_the_plan_and_sends_a_household_back_to_panel(new_page, scheme):
    worker, arrangement = scheme
    introductions_before = Introduction.objects.count()
    with override_settings(KINFOLK_DEMO=True):
        staff = new_page()
        sign_in(staff, worker.email)
        staff.goto("/shared-lives/")
        staff.get_by_role("link", name="Due in the next 60 days").click()
        rows = staff.locator("tbody tr")
        expect(rows.first).to_contain_text("Overdue by 2 days")
        expect(rows.first).to_contain_text("Annual review")
        expect(
            staff.get_by_role("row").filter(has_text="First aid training runs out")
        ).to_contain_text("30 days left")
        axe_check(staff)

        staff.goto("/shared-lives/")
        staff.get_by_role("link", name="If everyone waiting were introduced now").click()
        expect(staff.get_by_text("A suggestion, never a decision")).to_be_visible()
        expect(
            staff.get_by_test_id("plan-pairs").locator("> li").filter(has_text="Ada and")
        ).to_contain_text("Why it might suit")
        expect(staff.locator("main").get_by_role("button")).to_have_count(0)
        axe_check(staff)

        staff.goto(f"/shared-lives/arrangements/{arrangement.pk}/")
        staff.get_by_role("button", name="Record the annual review").click()
        axe_check(staff)
        staff.get_by_label("The person's view").fill("I am happy here and want to stay.")
        staff.get_by_label("The carer's view").fill(
            "We would like panel to look at a second place."
        )
        staff.get_by_label("What is going well").fill("Sam goes to college by bus on his own.")
        staff.get_by_label("What to change").fill("The household's places, now the son has left.")
        staff.get_by_label("Actions agreed").fill("Worker books the next panel.")
        choose(
            staff,
            "Send the household back to panel?",
            "Yes: panel should look again at their approval",
        )
        staff.get_by_role("button", name="Record the review").click()
        expect(staff.get_by_text("The annual review is recorded.")).to_be_visible()
        expect(staff.get_by_text("I am happy here and want to stay.")).to_be_visible()
        axe_check(staff)

        staff.goto("/shared-lives/carers/")
        expect(staff.get_by_role("row").filter(has_text="The Hughes household")).to_contain_text(
            "Back to panel"
        )
        axe_check(staff)
    assert Carer.objects.get(name="The Hughes household").back_to_panel_because
    assert Introduction.objects.count() == introductions_before

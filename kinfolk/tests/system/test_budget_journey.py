"""A person agrees their support plan, a budget approver approves it, the manager records a
payment (after one that is too big), and the person sees it on their statement."""

from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from kinfolk.budgets import services
from kinfolk.budgets.models import Movement
from kinfolk.budgets.tests.factories import a_budget

from .conftest import axe_check, enter_date, sign_in


def _without_authenticator(user):
    user.mfa_enabled, user.totp_secret = False, ""
    user.save()


# Staff sign in without an authenticator in demo mode (two-step is tested in test_sign_in.py).
@override_settings(KINFOLK_DEMO=True)
def test_plan_agreed_approved_paid_and_on_the_statement(new_page, area):
    w = a_budget(area, approved=False, money_in=124_000)
    services.outcome_add(
        actor=w.you,
        budget=w.budget,
        wellbeing_area="participation",
        in_my_words="Get back to my allotment",
        support="A gardener",
        cost_pence=60_000,
    )
    for staff in (w.approver, w.manager):
        _without_authenticator(staff.user)

    # The person agrees their plan.
    you = new_page()
    sign_in(you, w.you.user.email)
    you.get_by_role("link", name="My budget").click()
    expect(you.get_by_role("heading", name="My budget")).to_be_visible()
    expect(you.get_by_text("£1,240.00 is left.", exact=True)).to_be_visible()
    axe_check(you)
    you.get_by_role("link", name="Agree my plan").click()
    expect(you.get_by_role("heading", name="Do you agree your plan?")).to_be_visible()
    axe_check(you)
    you.get_by_role("button", name="Yes, I agree").click()
    expect(you.get_by_text("The plan is agreed.")).to_be_visible()

    # A budget approver, someone else, approves it.
    approver = new_page()
    sign_in(approver, w.approver.user.email)
    approver.get_by_role("link", name="Support plans waiting for approval").click()
    axe_check(approver)
    approver.get_by_role("link", name=w.person.full_name).click()
    expect(
        approver.get_by_role("heading", name=f"Approve {w.person.full_name}'s plan?")
    ).to_be_visible()
    axe_check(approver)
    approver.get_by_role("button", name="Approve the plan").click()
    expect(approver.get_by_text("The plan is approved.")).to_be_visible()

    # The manager records a payment: too much first, refused by the amount; then right.
    manager = new_page()
    sign_in(manager, w.manager.user.email)
    manager.get_by_role("link", name="Budgets I manage").click()
    manager.get_by_role("link", name=w.person.full_name).click()
    axe_check(manager)
    manager.get_by_role("link", name="Record a payment").click()
    manager.get_by_label("Who is the payment to?").fill("Green Fingers gardening")
    manager.get_by_label("How much?").fill("£2,000")
    enter_date(manager, "When was it paid?", timezone.localdate())
    manager.get_by_role("button", name="Record the payment").click()
    expect(manager.get_by_role("alert")).to_contain_text(
        "There is £1,240.00 left; this payment is £2,000.00."
    )
    axe_check(manager)
    assert Movement.objects.filter(kind="payment").count() == 0
    manager.get_by_label("How much?").fill("60")
    manager.get_by_role("button", name="Record the payment").click()
    expect(
        manager.get_by_text("£60.00 paid to Green Fingers gardening is recorded.")
    ).to_be_visible()

    # The person sees it on their statement.
    you.get_by_role("link", name="Home").first.click()
    you.get_by_role("link", name="My budget").click()
    month = timezone.localdate().strftime("%B")
    expect(you.get_by_text(f"In {month}:")).to_contain_text(
        "You paid £60.00 to Green Fingers gardening. £1,180.00 is left."
    )
    axe_check(you)

"""Signing in, with two-step verification for staff; locked after repeated failures."""

import re

from playwright.sync_api import expect

from kinfolk.accounts.models import Role

from .conftest import axe_check, enter_code, sign_in


def test_a_scheme_worker_sets_up_and_then_uses_two_step_verification(page, make_member, area):
    # Given a scheme worker who has not set up two-step verification
    worker = make_member(Role.SCHEME_WORKER, area, display_name="Priya Shah")
    # When they sign in with their password
    sign_in(page, worker.user.email)
    # Then they must set it up before they get in
    expect(page).to_have_url(re.compile("/accounts/mfa/setup/$"))
    expect(page.get_by_role("heading", name="Set up two-step verification")).to_be_visible()
    axe_check(page)
    secret = page.get_by_test_id("totp-secret").inner_text().strip()
    page.get_by_label("Security code").fill("123456")
    page.get_by_role("button", name="Turn on two-step verification").click()
    expect(page.get_by_text("That code is not right").first).to_be_visible()
    import pyotp

    page.get_by_label("Security code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on two-step verification").click()
    # Then they see their recovery codes once, and go on to their home page
    expect(page.get_by_role("heading", name="Save your recovery codes")).to_be_visible()
    expect(page.get_by_test_id("recovery-code")).to_have_count(10)
    axe_check(page)
    page.get_by_role("button", name="I have saved my codes").click()
    expect(page.get_by_role("heading", name="Hello, Priya")).to_be_visible()
    expect(page.get_by_role("heading", name="Your caseload")).to_be_visible()
    axe_check(page)

    # When they sign out and back in
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    sign_in(page, worker.user.email)
    # Then they are asked for a code, and a wrong one is refused clearly
    expect(page.get_by_role("heading", name="Enter your security code")).to_be_visible()
    page.get_by_label("Security code").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert").get_by_text("There is a problem")).to_be_visible()
    axe_check(page)
    # And the code for the next time step (never the one already used) lets them in
    enter_code(page, secret, offset_seconds=30)
    expect(page.get_by_role("heading", name="Hello, Priya")).to_be_visible()


def test_five_wrong_passwords_lock_sign_in(page, make_member, area):
    # Given a person with an account
    person = make_member(Role.PERSON, area)
    # When someone tries five wrong passwords
    for _ in range(5):
        sign_in(page, person.user.email, "not-the-password")
        expect(page.get_by_text("The email address or password is not right").first).to_be_visible()
    # Then even the right password is refused for now, with a clear message
    sign_in(page, person.user.email)
    expect(page.get_by_text("too many attempts").first).to_be_visible()
    expect(page).to_have_url(re.compile("/accounts/login/$"))
    axe_check(page)


def test_sign_in_works_with_the_keyboard_alone(page, make_member, area):
    # Given a person on the sign-in page
    person = make_member(Role.PERSON, area)
    page.goto("/accounts/login/")
    # When they move with Tab and submit with Enter
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.get_by_text("Skip to main content")).to_be_focused()
    email = page.get_by_label("Email address")
    for _ in range(12):
        if page.evaluate("document.activeElement.id") == "id_email":
            break
        page.keyboard.press("Tab")
    expect(email).to_be_focused()
    page.keyboard.type(person.user.email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password", exact=True)).to_be_focused()
    page.keyboard.type("a-long-test-password")
    page.keyboard.press("Enter")
    # Then they are signed in
    expect(page.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    axe_check(page)


def test_a_person_who_forgot_their_password_resets_it_from_an_email(page, make_member, area):
    import re as regex

    from django.core import mail

    # Given a person who has forgotten their password
    person = make_member(Role.PERSON, area, display_name="Sam Okafor")
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgotten your password?").click()
    axe_check(page)
    # When they ask for a link
    page.get_by_label("Email address").fill(person.user.email)
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    # And open the link from the email and choose a new password
    link = regex.search(r"https?://\S+/accounts/password-reset/\S+/", mail.outbox[-1].body)[0]
    page.goto(link)
    page.get_by_label("New password").fill("short")
    page.get_by_role("button", name="Save new password").click()
    expect(page.get_by_role("alert").get_by_text("There is a problem")).to_be_visible()
    axe_check(page)
    page.get_by_label("New password").fill("heron-lantern-quietly-42")
    page.get_by_role("button", name="Save new password").click()
    # Then they can sign in with it, and the link does not work again
    expect(page.get_by_text("Your password has been changed")).to_be_visible()
    sign_in(page, person.user.email, "heron-lantern-quietly-42")
    expect(page.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    page.goto(link)
    expect(page.get_by_role("heading", name="This link no longer works")).to_be_visible()

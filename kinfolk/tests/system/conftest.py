"""System tests: Playwright drives Debian's Chromium against a live Kinfolk, across apps, as
people use it; axe checks the pages. Everything in this folder is marked `browser`."""

import os
from pathlib import Path

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from kinfolk.accounts.tests.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; the ORM calls our fixtures make
# from the test thread are still synchronous, so tell Django that is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("KINFOLK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(__file__).parent in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}: install Debian's chromium package "
            "(.ci/run does) or set KINFOLK_CHROMIUM."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open a fresh browser (its own cookies) at the live server."""
    contexts = []

    def open_page(viewport=None):
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport or {"width": 1200, "height": 900}
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def axe_violations(page) -> str:
    """axe's report of the page's WCAG 2.2 A/AA violations, or "" when it finds none."""
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return results.generate_report() if results.violations_count else ""


def axe_check(page) -> None:
    """Assert the page has no WCAG 2.2 A/AA violations that axe can find."""
    report = axe_violations(page)
    assert not report, f"{page.url}\n{report}"


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def enter_code(page, secret: str, offset_seconds: int = 0) -> None:
    import time

    page.get_by_label("Security code").fill(pyotp.TOTP(secret).at(time.time() + offset_seconds))
    page.get_by_role("button", name="Continue").click()


def choose(page, question, answer: str) -> None:
    """Tick one answer of a radio question, found by its question (the fieldset's legend)."""
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def staff_without_authenticator(make_member, area, role: str, name: str):
    """A staff user who signs in without an authenticator (tests run them in demo mode)."""
    member = make_member(role, area, display_name=name)
    member.user.mfa_enabled, member.user.totp_secret = False, ""
    member.user.save()
    return member.user


def enter_date(page, question, when) -> None:
    """Type a date into an NHS.UK date input (day, month, year), found by its question."""
    group = page.get_by_role("group", name=question)
    for part, value in (("Day", when.day), ("Month", when.month), ("Year", when.year)):
        group.get_by_label(part, exact=True).fill(str(value))

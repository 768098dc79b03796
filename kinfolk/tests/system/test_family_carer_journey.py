"""A family carer builds an emergency plan with two back-up contacts who confirm, and downloads
the card; at night a responder types the card number on a phone, sees the plan in the order
they need it, and records calling the first back-up contact; the carer is told."""

import re

from django.core import mail
from django.test import override_settings
from playwright.sync_api import expect

from kinfolk.accounts.models import Role
from kinfolk.accounts.tests.factories import PASSWORD, UserFactory
from kinfolk.family_carers.models import BackupContact, EmergencyCard, EmergencySettings
from kinfolk.notifications.models import Notification

from .conftest import axe_check, choose, sign_in, staff_without_authenticator

PHONE = {"width": 375, "height": 812}


def _no_sideways_scrolling(page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px at 375 px wide"


def _answer_yes(page) -> None:
    choose(page, "Your answer", "Yes")
    axe_check(page)
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text(re.compile("You are a confirmed back-up contact"))).to_be_visible()


def test_a_carers_plan_card_and_a_night_call(new_page, area, make_member):
    EmergencySettings.objects.create(area=area, twenty_four_hour_number="01632 960 000")
    joy = make_member(Role.FAMILY_CARER, area, display_name="Joy Adeyemi").user
    aisha = UserFactory(email="aisha@example.test", display_name="Aisha Begum")
    responder = staff_without_authenticator(
        make_member, area, Role.EMERGENCY_RESPONDER, "Dan Ellis"
    )
    with override_settings(KINFOLK_DEMO=True):
        # Joy writes the plan for her father.
        carer = new_page()
        sign_in(carer, joy.email)
        carer.get_by_role("link", name="My caring").click()
        axe_check(carer)
        carer.get_by_role("link", name="Add someone I care for").click()
        carer.get_by_label("Their name").fill("Samuel Adeyemi")
        axe_check(carer)
        carer.get_by_role("button", name="Continue").click()
        carer.get_by_label("How long they can be left alone").fill("About 2 hours")
        carer.get_by_label("Medicines and when they take them").fill("Metformin with breakfast")
        carer.get_by_label("Allergies").fill("Penicillin")
        axe_check(carer)
        carer.get_by_role("button", name="Save the plan").click()
        expect(carer.get_by_text("Your emergency plan is saved.")).to_be_visible()

        # Two back-up contacts: Aisha has an account, Tunde has none yet.
        for name, phone, email in (
            ("Aisha Begum", "07700 900 101", "aisha@example.test"),
            ("Tunde Adeyemi", "07700 900 102", "tunde@example.test"),
        ):
            carer.get_by_label("Their name").fill(name)
            carer.get_by_label("Phone number").fill(phone)
            carer.get_by_label("Email address").fill(email)
            carer.get_by_role("button", name="Ask them").click()
            expect(carer.get_by_text(f"We have asked {name}.")).to_be_visible()
        expect(carer.get_by_text("Not confirmed yet", exact=True)).to_have_count(2)
        axe_check(carer)

        # Aisha answers from her notification.
        link = Notification.objects.get(recipient=aisha).link
        neighbour = new_page()
        sign_in(neighbour, aisha.email)
        neighbour.goto(link)
        _answer_yes(neighbour)

        # Tunde makes an account from the email, signs in and answers.
        body = next(m.body for m in mail.outbox if "tunde@example.test" in m.to)
        brother = new_page()
        brother.goto(re.search(r"/family-carers/back-up/[\w-]+/", body).group(0))
        axe_check(brother)
        brother.get_by_label("Your name").fill("Tunde Adeyemi")
        brother.get_by_label("Choose a password").fill(PASSWORD)
        brother.get_by_role("button", name="Make my account").click()
        brother.get_by_label("Email address").fill("tunde@example.test")
        brother.get_by_label("Password", exact=True).fill(PASSWORD)
        brother.get_by_role("button", name="Sign in").click()
        _answer_yes(brother)
        assert BackupContact.objects.filter(confirmed_at__isnull=False).count() == 2

        # Joy sees them confirmed, gets her card and downloads it.
        carer.reload()
        expect(carer.get_by_text("Confirmed", exact=True)).to_have_count(2)
        carer.get_by_role("button", name="Get an emergency card").click()
        expect(carer.get_by_text("Your emergency card is ready.")).to_be_visible()
        axe_check(carer)
        with carer.expect_download() as download:
            carer.get_by_role("link", name="Download the card (PDF)").click()
        with open(download.value.path(), "rb") as pdf:
            assert pdf.read(4) == b"%PDF"
        number = EmergencyCard.objects.get(cancelled_at=None).grouped

        # 02:14: the responder, on a phone, types the number.
        phone = new_page(viewport=PHONE)
        sign_in(phone, responder.email)
        phone.get_by_role("link", name="Open an emergency plan with a card number").click()
        _no_sideways_scrolling(phone)
        axe_check(phone)
        phone.get_by_label("Card number").fill(number)
        phone.get_by_role("button", name="Open the plan").click()
        expect(
            phone.get_by_role("heading", name="Emergency plan for Samuel Adeyemi")
        ).to_be_visible()
        expect(phone.get_by_text("About 2 hours")).to_be_visible()
        call_aisha = phone.get_by_role("link", name="Call Aisha Begum: 07700 900 101")
        expect(call_aisha).to_have_attribute("href", "tel:07700900101")
        _no_sideways_scrolling(phone)
        axe_check(phone)
        choose(phone, "What did Aisha Begum say?", "Coming")
        phone.get_by_role("button", name="Record the call to Aisha Begum").click()
        expect(
            phone.get_by_text(re.compile(r"Called Aisha Begum at \d\d:\d\d: coming")).first
        ).to_be_visible()
        _no_sideways_scrolling(phone)
        axe_check(phone)

        # Joy is told, and sees who opened the plan and the call.
        carer.goto("/notifications/")
        expect(
            carer.get_by_text(re.compile("The emergency card was used: Dan Ellis"))
        ).to_be_visible()
        axe_check(carer)
        carer.go_back()
        carer.reload()
        expect(
            carer.get_by_text(re.compile(r"Called Aisha Begum at \d\d:\d\d: coming"))
        ).to_be_visible()

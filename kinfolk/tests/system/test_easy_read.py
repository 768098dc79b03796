"""Easy read in a real browser, as the demo person (Sam): on the easy-read "My matches" he
says "not for me" to one household and yes to meeting another; every easy-read page he can
reach passes axe."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import expect

from .conftest import axe_check, sign_in


@pytest.mark.django_db(transaction=True)
def test_sam_says_not_for_me_and_yes_in_easy_read(page):
    from kinfolk.people.models import Person
    from kinfolk.sharedlives.models import Introduction, NotForMe, Referral

    with override_settings(KINFOLK_DEMO=True):
        call_command("demo")
        sam = Person.objects.get(given_name="Sam", family_name="Okafor")
        referral = Referral.objects.get(person=sam)
        sign_in(page, "person@demo.kinfolk.test", settings.KINFOLK_DEMO_PASSWORD)

        # From the usual page to the easy-read one.
        page.goto(f"/shared-lives/people/{sam.pk}/matches/")
        page.get_by_role("link", name="Easy read").click()
        expect(page.get_by_role("heading", name="My matches", level=1)).to_be_visible()
        expect(page.get_by_text("Pictures: OpenMoji, CC BY-SA 4.0")).to_be_visible()
        axe_check(page)

        cards = page.locator(".nhsuk-card").filter(
            has=page.get_by_role("button", name="Not for me")
        )
        # Each card names the household with its postcode area: "The Brown household (HX1)".
        first, second = (cards.nth(n).locator("h3").inner_text() for n in (0, 1))
        second_name = second.split(" (")[0]
        cards.nth(0).get_by_role("button", name="Not for me").click()
        expect(page.get_by_text("It will not be suggested again")).to_be_visible()
        expect(page.get_by_role("heading", name="Families I said no to")).to_be_visible()
        axe_check(page)

        page.locator(".nhsuk-card").filter(has_text=second).get_by_role(
            "button", name="I would like to meet them"
        ).click()
        expect(page.get_by_role("heading", name=f"Me and {second_name}")).to_be_visible()
        # (the household may already have asked to meet Sam: then both have said yes)
        expect(
            page.get_by_text(re.compile("waiting for the other side|Both said yes"))
        ).to_be_visible()
        axe_check(page)

        assert NotForMe.objects.get(person=sam, undone_at=None).carer.told_apart == first
        chosen = Introduction.objects.get(
            person=sam,
            carer__name=second_name,
            carer__postcode__startswith=second.split("(")[1].rstrip(")"),
        )
        assert chosen.person_yes_at

        # The other easy-read pages Sam has.
        for path in (
            f"/shared-lives/referrals/{referral.pk}/easy-read/",
            f"/people/{sam.pk}/sharing/easy-read/",
            f"/wellbeing/people/{sam.pk}/easy-read/",
        ):
            page.goto(path)
            expect(page.get_by_text("Pictures: OpenMoji, CC BY-SA 4.0")).to_be_visible()
            axe_check(page)
        # Chromium has speech: the read-aloud button shows.
        expect(page.get_by_role("button", name="Read this page aloud")).to_be_visible()

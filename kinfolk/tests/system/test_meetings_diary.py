"""Meetings in the diary, in a real browser with axe on each page: the worker suggests a time for
the introduction meeting, the carer moves it, Sam says it suits him, the calendar file
downloads, and after the time the worker says it happened and each side is asked how it went."""

import re
from datetime import date, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
from kinfolk.sharedlives.introductions.services import interest_express
from kinfolk.sharedlives.models import Meeting
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory, trained

from .conftest import axe_check, enter_date, sign_in, staff_without_authenticator


@pytest.fixture
def introduction(area, make_member):
    worker = staff_without_authenticator(make_member, area, Role.SCHEME_WORKER, "Priya Shah")
    sam = make_member(Role.PERSON, area, display_name="Sam Okafor")
    bernadette = make_member(Role.SHARED_LIVES_CARER, area, display_name="Bernadette Hughes")
    person = PersonFactory(area=area, user=sam.user, given_name="Sam", family_name="Okafor")
    AssignmentFactory(person=person, worker=worker)
    referral = ReferralFactory(person=person, created_by=worker)
    carer = trained(CarerFactory(area=area, user=bernadette.user, name="The Hughes household"))
    interest_express(actor=Actor(sam.user, sam), referral=referral, carer=carer)
    found = interest_express(actor=Actor(bernadette.user, bernadette), referral=referral,
                             carer=carer)  # fmt: skip
    return found, worker, sam.user, bernadette.user


def _fill(page, day: date, starts: str, ends: str, place: str) -> None:
    enter_date(page, "Date", day)
    page.get_by_label("Start time").fill(starts)
    page.get_by_label("End time").fill(ends)
    page.get_by_label("Where").fill(place)


def test_suggested_moved_agreed_added_to_a_calendar_and_held(new_page, introduction):
    found, worker, sam, bernadette = introduction
    page_of_it = f"/shared-lives/introductions/{found.pk}/"
    next_week, later = date.today() + timedelta(days=7), date.today() + timedelta(days=8)
    with override_settings(KINFOLK_DEMO=True):  # the worker here has no authenticator app
        staff = new_page()
        sign_in(staff, worker.email)
        staff.goto(page_of_it)
        expect(
            staff.get_by_text(re.compile("Sam, The Hughes household or the scheme worker"))
        ).to_be_visible()
        axe_check(staff)
        staff.get_by_role(
            "button", name="Suggest a time and place for the introduction meeting"
        ).click()
        axe_check(staff)
        # A date in the past is refused, by its question, and nothing is stored.
        _fill(staff, date.today() - timedelta(days=1), "2pm", "4pm", "Café at the library")
        staff.get_by_role("button", name="Send the suggestion").click()
        expect(staff.get_by_role("alert")).to_contain_text("must be today or in the future")
        axe_check(staff)
        _fill(staff, next_week, "2pm", "4pm", "Café at the library")
        staff.get_by_role("button", name="Send the suggestion").click()
        expect(
            staff.get_by_text("Waiting for Sam to say whether this time suits them")
        ).to_be_visible()
        axe_check(staff)

        carer = new_page()
        sign_in(carer, bernadette.email)
        carer.goto(page_of_it)
        expect(carer.get_by_text("Suggested by the scheme worker.", exact=False)).to_be_visible()
        carer.get_by_role("link", name=re.compile("Suggest another time or place")).click()
        axe_check(carer)
        _fill(carer, later, "10:30am", "12 noon", "Our home, 4 Savile Park")
        carer.get_by_role("button", name="Send the suggestion").click()
        expect(carer.get_by_text("Suggested by you.", exact=False)).to_be_visible()
        axe_check(carer)

        person = new_page()
        sign_in(person, sam.email)
        person.goto(page_of_it)
        expect(
            person.get_by_text("Waiting for you to say whether this time suits you")
        ).to_be_visible()
        person.get_by_role("button", name="This time suits me").click()
        expect(person.get_by_text("Agreed: it suits both sides", exact=False)).to_be_visible()
        axe_check(person)
        with person.expect_download() as downloading:
            person.get_by_role("link", name=re.compile("Add to my calendar")).click()
        ics = downloading.value
        assert ics.suggested_filename.endswith(".ics")
        body = open(ics.path(), encoding="utf-8").read()
        assert "SUMMARY:Shared Lives introduction meeting" in body and "Sam" not in body
        person.get_by_role("link", name=re.compile("^Cancel")).click()
        expect(person.get_by_role("heading", level=1)).to_contain_text("Cancel the introduction")
        axe_check(person)
        person.goto("/")
        expect(person.get_by_text(re.compile("Introduction meeting: "))).to_be_visible()
        axe_check(person)

        # The time comes and goes.
        moment = timezone.now() - timedelta(hours=3)
        Meeting.objects.filter(status="accepted").update(
            starts_at=moment, ends_at=moment + timedelta(hours=1)
        )
        staff.goto(page_of_it)
        expect(staff.get_by_text("Has it happened?", exact=False).first).to_be_visible()
        staff.get_by_role("button", name="Yes, it happened").click()
        expect(
            staff.get_by_role("link", name="Say how the introduction meeting went")
        ).to_be_visible()
        axe_check(staff)
        assert Meeting.objects.filter(status="held").count() == 1

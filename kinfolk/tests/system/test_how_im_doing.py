"""A person answers ONS4 and the loneliness questions, changes their circle, sees the chart."""

import re

from playwright.sync_api import expect

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.wellbeing.models import CircleSnapshot, MeasureResponse

from .conftest import axe_check, choose, sign_in, staff_without_authenticator


def test_a_person_records_how_they_are_doing_and_sees_it(page, area, make_member):
    member = make_member(Role.PERSON, area, display_name="Sam Okafor")
    person = PersonFactory(area=area, user=member.user, given_name="Sam", family_name="Okafor")
    sign_in(page, member.user.email)
    page.get_by_role("link", name="How I'm doing").click()
    expect(page.get_by_role("heading", name="How I'm doing")).to_be_visible()
    axe_check(page)

    # ONS4: leaving a question out is refused, not scored.
    page.get_by_role("button", name="How I feel about my life").click()
    axe_check(page)
    choose(page, "Overall, how satisfied are you with your life nowadays?", "7")
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    axe_check(page)
    assert not MeasureResponse.objects.exists()
    choose(page, re.compile("things you do in your life are worthwhile"), "8")
    choose(page, "Overall, how happy did you feel yesterday?", "6")
    choose(page, "Overall, how anxious did you feel yesterday?", "3")
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()

    # Loneliness: the UCLA 3-item scale and the direct question.
    page.get_by_role("button", name="Loneliness").click()
    choose(page, "How often do you feel that you lack companionship?", "Some of the time")
    choose(page, "How often do you feel left out?", "Hardly ever or never")
    choose(page, "How often do you feel isolated from others?", "Some of the time")
    choose(page, "How often do you feel lonely?", "Occasionally")
    axe_check(page)
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()

    # The charts, with their meaning in words.
    expect(page.get_by_role("img", name=re.compile("Life satisfaction"))).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Loneliness"))).to_be_visible()
    expect(page.locator("figcaption", has_text="Life satisfaction")).to_contain_text(
        "The latest is 7"
    )
    expect(page.locator("figcaption", has_text="Loneliness")).to_contain_text("The latest is 5")
    axe_check(page)

    # The circle: add someone close, and see them in the picture and the table.
    page.get_by_role("link", name="Change my circle").click()
    page.get_by_label("Who are they?").fill("My sister Ama")
    page.get_by_label("They are", exact=True).select_option(label="Family")
    choose(page, "How close are they?", "Closest")
    page.get_by_label("How often are you in touch?").select_option(label="Every week")
    page.get_by_role("button", name="Add to the circle").click()
    expect(page.get_by_text("My sister Ama is in the circle.")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="See the circle as a picture").click()
    expect(page.get_by_role("img", name=re.compile("Sam's circle"))).to_be_visible()
    expect(page.get_by_role("cell", name="My sister Ama")).to_be_visible()
    axe_check(page)

    scores = {r.measure: r.score for r in MeasureResponse.objects.filter(person=person)}
    assert scores["ons4"]["life_satisfaction"] == {"value": 7, "band": "high"}
    assert scores["loneliness"] == {"ucla3": 5, "how_often_lonely": "occasionally"}
    assert CircleSnapshot.objects.get(person=person).members.get().name == "My sister Ama"


def test_a_commissioner_reads_the_connection_test(page, area, make_member):
    from datetime import date, timedelta

    from django.test import override_settings

    from kinfolk.wellbeing.models import Episode

    commissioner = staff_without_authenticator(make_member, area, Role.COMMISSIONER, "Martin Doyle")
    for n in range(6):
        Episode.objects.create(
            area=area, person=PersonFactory(area=area), kind="service",
            service="Riverside Day Centre", started_on=date.today() - timedelta(days=100 + n),
        )  # fmt: skip
    with override_settings(KINFOLK_DEMO=True):
        sign_in(page, commissioner.email)
        page.get_by_role("link", name="The connection test").click()
        expect(page.get_by_role("heading", name="The connection test")).to_be_visible()
        expect(page.get_by_role("cell", name=re.compile("Riverside Day Centre"))).to_be_visible()
        axe_check(page)

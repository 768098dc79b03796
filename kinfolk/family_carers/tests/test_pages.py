"""The printable plan, the carer's own page, assessment requests, and the area's number."""

import pytest

from kinfolk.accounts.models import Role
from kinfolk.family_carers import notices
from kinfolk.family_carers.demo import PLAN
from kinfolk.family_carers.models import AssessmentRequest, EmergencySettings
from kinfolk.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_printable_page_holds_the_whole_plan(family, signed_in_client):
    page = signed_in_client(family.carer).get(f"/family-carers/plans/{family.cared_for.pk}/print/")
    text = page.content.decode()
    for value in PLAN.values():
        assert value in text
    assert "Aisha Begum" in text and "07700 900 101" in text
    assert "01632 960 000" in text
    assert "family_carers/family_carers.css" in text


def test_the_print_stylesheet_hides_the_site_around_the_plan():
    from pathlib import Path

    css = (Path(__file__).parents[1] / "static/family_carers/family_carers.css").read_text()
    assert "@media print" in css and ".nhsuk-header" in css
    assert "size: A4" in css and "columns: 2" in css


def test_a_carer_adds_someone_known_only_in_their_plan(area, make_member, signed_in_client):
    client = signed_in_client(make_member(Role.FAMILY_CARER, area))
    response = client.post(
        "/family-carers/add/", {"name": "Mum", "what_i_do": "Shopping"}, follow=True
    )
    assert "Emergency plan for Mum" in response.content.decode()
    assert "Mum" in client.get("/family-carers/").content.decode()


def test_the_add_form_says_what_is_missing(area, make_member, signed_in_client):
    client = signed_in_client(make_member(Role.FAMILY_CARER, area))
    page = client.post("/family-carers/add/", {"name": ""}).content.decode()
    assert "There is a problem" in page and "Enter their name" in page


def test_the_carers_page_links_to_their_own_wellbeing_when_they_have_a_record(
    area, make_member, signed_in_client
):
    from kinfolk.people.tests.factories import PersonFactory

    member = make_member(Role.FAMILY_CARER, area)
    me = PersonFactory(area=area, user=member.user)
    page = signed_in_client(member).get("/family-carers/").content.decode()
    assert f"/wellbeing/people/{me.pk}/" in page


def test_a_carers_assessment_request_reaches_the_areas_workers(
    family, make_member, other_area, signed_in_client
):
    carer = signed_in_client(family.carer)
    carer.post("/family-carers/assessment/", {"what_to_talk_about": "Nights are hard"})
    request = AssessmentRequest.objects.get()
    worker = signed_in_client(make_member(Role.SCHEME_WORKER, family.area))
    page = worker.get("/family-carers/assessment-requests/").content.decode()
    assert "Joy Adeyemi" in page and "Nights are hard" in page
    worker.post(f"/family-carers/assessment-requests/{request.pk}/", {"status": "booked"})
    assert "Assessment booked" in carer.get("/family-carers/assessment/").content.decode()
    assert Notification.objects.filter(
        recipient=family.carer.user, event=notices.ASSESSMENT_NEWS
    ).exists()
    elsewhere = signed_in_client(make_member(Role.SCHEME_WORKER, other_area))
    assert (
        "Nights are hard"
        not in elsewhere.get("/family-carers/assessment-requests/").content.decode()
    )
    assert (
        elsewhere.post(
            f"/family-carers/assessment-requests/{request.pk}/", {"status": "done"}
        ).status_code
        == 404
    )
    person = signed_in_client(make_member(Role.PERSON, family.area))
    assert person.get("/family-carers/assessment-requests/").status_code == 403


def test_the_area_admin_sets_the_24_hour_number(area, make_member, signed_in_client):
    admin = signed_in_client(make_member(Role.AREA_ADMIN, area))
    admin.post(
        "/family-carers/emergency-number/",
        {"team_name": "Calder carers emergency team", "twenty_four_hour_number": "01632 960 999"},
    )
    assert EmergencySettings.objects.get(area=area).twenty_four_hour_number == "01632 960 999"
    carer = signed_in_client(make_member(Role.FAMILY_CARER, area))
    assert carer.get("/family-carers/emergency-number/").status_code == 403


def test_home_cards(family, signed_in_client):
    assert (
        "Open an emergency plan with a card number"
        in signed_in_client(family.responder).get("/").content.decode()
    )
    assert (
        "Open an emergency plan with a card number"
        in signed_in_client(family.aisha).get("/").content.decode()
    )
    assert "My caring" in signed_in_client(family.carer).get("/").content.decode()


def test_the_demo_part_makes_a_plan_with_two_confirmed_contacts_and_a_card(area, make_member):
    import random

    from faker import Faker

    from kinfolk.core.registries import DemoArea
    from kinfolk.family_carers.demo import load_demo
    from kinfolk.family_carers.models import BackupContact, CaredFor, EmergencyCard

    carer = make_member(Role.FAMILY_CARER, area).user
    demo = DemoArea(
        area=area,
        rng=random.Random(1),
        fake=Faker("en_GB"),
        people_wanted=1,
        carers_wanted=1,
        sign_ins={Role.FAMILY_CARER: carer},
    )
    load_demo(demo)
    load_demo(demo)
    assert CaredFor.objects.filter(carer=carer).count() == 1
    assert BackupContact.objects.filter(confirmed_at__isnull=False).count() == 2
    assert EmergencyCard.objects.filter(cancelled_at__isnull=True).count() == 1


def test_the_demo_has_joys_plan_and_the_sign_ins_the_readme_lists(db):
    from django.core.management import call_command

    from kinfolk.accounts.demo import demo_email
    from kinfolk.accounts.models import User
    from kinfolk.family_carers.models import BackupContact, CaredFor, EmergencyCard

    call_command("demo", people=20, carers=5)
    joy = User.objects.get(email=demo_email(Role.FAMILY_CARER))
    plan = CaredFor.objects.get(carer=joy).plan
    assert plan.medicines and plan.allergies
    confirmed = BackupContact.objects.filter(plan=plan, confirmed_at__isnull=False)
    assert confirmed.count() == 2
    aisha = User.objects.get(email="backup-contact-1@demo.kinfolk.test")
    assert aisha.check_password("kinfolk-demo") and confirmed.filter(user=aisha).exists()
    assert EmergencyCard.objects.filter(plan=plan, cancelled_at__isnull=True).count() == 1
    responder = User.objects.get(email=demo_email(Role.EMERGENCY_RESPONDER))
    assert responder.check_password("kinfolk-demo")
    assert EmergencySettings.objects.get(area=plan.area).twenty_four_hour_number

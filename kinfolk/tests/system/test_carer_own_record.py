"""A Shared Lives carer's own record in a real browser, with an axe check on every page: the
scheme invites the carer, the carer chooses a password, fills in the household's profile, adds
a photo and reads a payment statement; the scheme sees what is waiting to be checked."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.sharedlives.models import Arrangement, Introduction, Stage
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory, trained

from .conftest import axe_check, choose, sign_in, staff_without_authenticator

PASSWORD = "carrots and a piano 42"


@pytest.fixture
def household(area, make_member):
    worker = staff_without_authenticator(make_member, area, Role.SCHEME_WORKER, "Priya Shah")
    carer = trained(CarerFactory(area=area, user=None, name="The Hughes household"))
    person = PersonFactory(area=area, given_name="Sam", family_name="Okafor")
    return worker, carer, person, ReferralFactory(person=person, created_by=worker)


def _short_breaks(carer, person, referral, worker) -> Arrangement:
    """Short breaks with the household since before last month: last month has a statement."""
    now, started = timezone.now(), date.today().replace(day=1) - timedelta(days=45)
    both = dict(area=carer.area, person=person, carer=carer, arrangement_type="short_breaks")
    introduction = Introduction.objects.create(
        **both, referral=referral, first_interest_from="person", person_yes_at=now,
        carer_yes_at=now, stage=Stage.ARRANGED, person_agreed_at=now, carer_agreed_at=now,
    )  # fmt: skip
    return Arrangement.objects.create(
        **both, introduction=introduction, starts_on=started, person_agreed_at=now,
        carer_agreed_at=now, agreement_signed_by_person_on=started,
        agreement_signed_by_carer_on=started, nights_or_sessions_per_month=4, created_by=worker,
    )  # fmt: skip


def _photo() -> bytes:
    out = BytesIO()
    Image.new("RGB", (800, 600), (90, 160, 80)).save(out, format="JPEG")
    return out.getvalue()


def test_a_carer_is_invited_and_keeps_their_own_record(new_page, household, area):
    worker, carer, person, referral = household
    with override_settings(KINFOLK_DEMO=True):  # the worker has no authenticator app
        staff = new_page()
        sign_in(staff, worker.email)
        staff.goto(f"/shared-lives/carers/{carer.pk}/")
        axe_check(staff)
        staff.get_by_label("Carer's full name").fill("Bernadette Hughes")
        staff.get_by_label("Carer's email address").fill("bernadette@example.test")
        staff.get_by_role("button", name="Invite the carer").click()
        expect(
            staff.get_by_text(re.compile("emailed a link to choose their password"))
        ).to_be_visible()

    (invitation,) = mail.outbox
    link = re.search(r"https?://\S+/accounts/password-reset/\S+/", invitation.body).group(0)
    carer_page = new_page()
    carer_page.goto(link)
    axe_check(carer_page)
    carer_page.get_by_label("New password").fill(PASSWORD)
    carer_page.get_by_role("button", name="Save new password").click()
    sign_in(carer_page, "bernadette@example.test", PASSWORD)
    carer_page.get_by_role("link", name="My household").first.click()
    expect(carer_page.get_by_role("heading", name=re.compile("My household"))).to_be_visible()
    axe_check(carer_page)

    # The household's profile: a description applies at once, a pet waits for the scheme.
    carer_page.get_by_role("link", name="Change our household's profile").click()
    axe_check(carer_page)
    carer_page.get_by_label("Pets").fill("A greyhound called Pip")
    carer_page.get_by_label("What do you enjoy doing?").fill("gardening, the piano")
    carer_page.get_by_label("About us, in our own words").fill("Retired, with a big garden.")
    choose(carer_page, "Are you an early riser or a night owl?", "An early riser")
    carer_page.get_by_role("button", name="Save").click()
    expect(
        carer_page.get_by_text(re.compile("checked by your Shared Lives scheme"))
    ).to_be_visible()
    expect(carer_page.get_by_text("Retired, with a big garden.")).to_be_visible()
    waiting = carer_page.get_by_role("table", name=re.compile("Changes waiting to be checked"))
    expect(waiting).to_contain_text("A greyhound called Pip")
    axe_check(carer_page)

    # A photo, with everyone's agreement.
    carer_page.get_by_role("link", name="Our photos").click()
    carer_page.locator("input[type=file][name=photo]").set_input_files(
        files=[{"name": "garden.jpg", "mimeType": "image/jpeg", "buffer": _photo()}]
    )
    carer_page.get_by_label("What does the photo show?").fill("Our back garden")
    carer_page.get_by_label("Everyone in this photo agreed to it being shown").check()
    carer_page.get_by_role("button", name="Add the photo").click()
    expect(carer_page.get_by_text("The photo has been added.")).to_be_visible()
    expect(carer_page.get_by_role("img", name="Our back garden")).to_be_visible()
    axe_check(carer_page)

    # A payment statement for last month.
    _short_breaks(carer, person, referral, worker)
    carer_page.goto("/shared-lives/my-household/")
    last_month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%B %Y")
    carer_page.get_by_role("link", name=last_month).click()
    expect(
        carer_page.get_by_role("heading", name=f"Payment statement for {last_month}")
    ).to_be_visible()
    expect(carer_page.get_by_role("table")).to_contain_text("Sam")
    axe_check(carer_page)

    # The scheme sees what is waiting, and accepts it.
    with override_settings(KINFOLK_DEMO=True):
        staff.goto(f"/shared-lives/carers/{carer.pk}/")
        expect(staff.get_by_role("table", name=re.compile("Changes waiting"))).to_contain_text(
            "A greyhound called Pip"
        )
        axe_check(staff)
        staff.get_by_role("button", name="Accept the changes").click()
        expect(staff.get_by_text(re.compile("Matching uses them from now on"))).to_be_visible()


def test_someone_applies_online_to_be_a_carer(page, area):
    page.goto(f"/shared-lives/become-a-carer/{area.slug}/")
    axe_check(page)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter your name")
    axe_check(page)
    page.get_by_label("Your name").fill("Ama Mensah")
    page.get_by_label("Email address").fill("ama@example.test")
    page.get_by_label("Your postcode").fill("HX1 2AB")
    page.get_by_label(re.compile("Tell us a little about you")).fill("Me and two cats")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Thank you for applying")).to_be_visible()
    axe_check(page)

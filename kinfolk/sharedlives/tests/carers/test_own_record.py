"""The carer's own record: invited by the scheme (or applying online), keeping the household's
profile (what the scheme must check waits for it), photos only the right people see, and
payment statements from the scheme's own payment schedule."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from kinfolk.accounts.models import Membership, Role, User
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.notifications.models import Notification
from kinfolk.sharedlives import policy
from kinfolk.sharedlives.arrangements.selectors import carer_statement, monthly_schedule
from kinfolk.sharedlives.carers.services import (
    carer_apply,
    carer_invite,
    household_change_accept,
    household_change_return,
    household_photo_add,
    household_photo_remove,
    household_profile_save,
)
from kinfolk.sharedlives.models import Carer, HouseholdPhoto, ProfileChange, Stage
from kinfolk.sharedlives.statements import STATEMENT_READY, statements_ready
from kinfolk.sharedlives.tests.factories import CarerFactory
from kinfolk.sharedlives.tests.journeys import agreed, both_say_yes, start


@pytest.fixture(autouse=True)
def _no_applications_counted_yet():
    from django.core.cache import cache

    cache.clear()


LINK = re.compile(r"https?://\S+/accounts/password-reset/\S+/")


def _link_for(uidb64, token):
    return f"http://testserver{reverse('accounts:password_reset_confirm', args=[uidb64, token])}"


def _profile(carer, **changes) -> dict:
    wanted = {name: getattr(carer, name) for name in policy.HOUSEHOLD_PROFILE}
    wanted.update(changes)
    return wanted


def _jpeg_with_gps(size=(2400, 1600)) -> bytes:
    image = Image.new("RGB", size, (40, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (53.0, 43.0, 24.0)  # latitude
    gps[3], gps[4] = "W", (1.0, 51.0, 50.0)  # longitude
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _upload(data: bytes, name="garden.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


# --- being invited, or applying -------------------------------------------------------------


def test_an_invited_carer_chooses_a_password_and_signs_in_to_their_own_household(scheme):
    s = scheme
    household = CarerFactory(area=s.carer.area, name="The Patel household", user=None)
    carer_invite(
        actor=s.worker,
        carer=household,
        name="Asha Patel",
        email="Asha@Example.test",
        link_for=_link_for,
    )
    household.refresh_from_db()
    user = User.objects.get(email="asha@example.test")
    assert household.user == user
    assert Membership.objects.filter(
        user=user, area=household.area, role=Role.SHARED_LIVES_CARER
    ).exists()
    assert not user.has_usable_password()
    (sent,) = mail.outbox
    assert sent.to == ["asha@example.test"]
    assert "keep The Patel household's Shared Lives record" in sent.body
    link = LINK.search(sent.body).group(0).replace("http://testserver", "")
    browser = Client()
    chosen = browser.post(
        link,
        {
            "new_password": "a fresh long passphrase 7",
            "new_password_again": "a fresh long passphrase 7",
        },
    )
    assert chosen.status_code == 302, chosen.content[:500]
    assert (
        browser.post(
            reverse("accounts:login"),
            {"email": "asha@example.test", "password": "a fresh long passphrase 7"},
        ).status_code
        == 302
    )
    page = browser.get(reverse("sharedlives:my_household")).content.decode()
    assert "The Patel household" in page and "My household" in page
    assert "The Hughes household" not in page
    # The link works once.
    assert browser.get(link).status_code == 400


def test_someone_with_an_account_is_given_the_carer_role_and_told_to_sign_in(
    scheme, area, make_member
):
    s = scheme
    existing = make_member(Role.PERSON, area, email="joe@example.test").user
    household = CarerFactory(area=area, user=None, name="The Byrne household")
    carer_invite(
        actor=s.worker,
        carer=household,
        name="Joe Byrne",
        email="joe@example.test",
        link_for=_link_for,
    )
    household.refresh_from_db()
    assert household.user == existing
    assert existing.memberships.filter(area=area, role=Role.SHARED_LIVES_CARER).exists()
    (sent,) = mail.outbox
    assert "Sign in with the password you already have" in sent.body
    assert not LINK.search(sent.body)


def test_only_a_scheme_worker_of_the_area_invites(scheme, other_area, make_member, actor_for):
    s = scheme
    household = CarerFactory(area=s.carer.area, user=None)
    for someone in (s.carer_actor, s.you, s.representative):
        with pytest.raises(PermissionDenied):
            carer_invite(
                actor=someone,
                carer=household,
                name="A B",
                email="ab@example.test",
                link_for=_link_for,
            )
    elsewhere = actor_for(make_member(Role.SCHEME_WORKER, other_area))
    with pytest.raises(PermissionDenied):
        carer_invite(
            actor=elsewhere,
            carer=household,
            name="A B",
            email="ab@example.test",
            link_for=_link_for,
        )
    assert mail.outbox == []
    household.refresh_from_db()
    assert household.user is None


def test_an_email_already_a_carer_elsewhere_in_the_area_is_refused_clearly(scheme):
    s = scheme
    household = CarerFactory(area=s.carer.area, user=None)
    linked = CarerFactory(area=s.carer.area, name="The Byrne household", user=s.you.user)
    with pytest.raises(ValidationError, match="already signs in as"):
        carer_invite(
            actor=s.worker, carer=linked, name="Joe", email="joe@example.test", link_for=_link_for
        )
    with pytest.raises(ValidationError, match="is already the carer of The Hughes household"):
        carer_invite(
            actor=s.worker,
            carer=household,
            name="Bernadette",
            email=s.carer_actor.user.email.upper(),
            link_for=_link_for,
        )
    household.refresh_from_db()
    assert household.user is None and mail.outbox == []


def test_the_invite_form_on_the_household_page(scheme, signed_in_client):
    s = scheme
    household = CarerFactory(area=s.carer.area, user=None, name="The Okoro household")
    client = signed_in_client(s.worker.membership)
    page = client.get(reverse("sharedlives:carer", args=[household.pk])).content.decode()
    assert "Nobody signs in for this household yet" in page
    done = client.post(
        reverse("sharedlives:carer_invite", args=[household.pk]),
        {"name": "Femi Okoro", "email": "femi@example.test"},
        follow=True,
    )
    assert "emailed a link to choose their password" in done.content.decode()
    assert "Femi Okoro signs in as femi@example.test" in done.content.decode()
    refused = client.post(
        reverse("sharedlives:carer_invite", args=[household.pk]),
        {"name": "Femi Okoro", "email": "not-an-email"},
        follow=True,
    )
    assert "Enter a valid email address" in refused.content.decode()


def test_applying_online_makes_an_enquiry_the_scheme_sees(scheme, area, signed_in_client):
    public = Client()
    url = reverse("sharedlives:carer_apply", args=[area.slug])
    refused = public.post(
        url, {"name": "Ama Mensah", "email": "ama@example.test", "postcode": "ZZ9 9ZZ"}
    )
    assert "postcode" in refused.content.decode().lower()
    assert not Carer.objects.filter(contact_email="ama@example.test").exists()
    done = public.post(
        url,
        {
            "name": "Ama Mensah",
            "email": "ama@example.test",
            "postcode": "HX1 2AB",
            "words": "Me and my two cats, a spare room",
        },
        follow=True,
    )
    assert "Thank you for applying" in done.content.decode()
    enquiry = Carer.objects.get(contact_email="ama@example.test")
    assert enquiry.status == "enquiry" and enquiry.user is None
    listing = signed_in_client(scheme.worker.membership).get(reverse("sharedlives:carers"))
    assert "Ama Mensah" in listing.content.decode()
    page = signed_in_client(scheme.worker.membership).get(
        reverse("sharedlives:carer", args=[enquiry.pk])
    )
    assert "Me and my two cats, a spare room" in page.content.decode()
    assert 'value="ama@example.test"' in page.content.decode()  # the invite is ready to send


def test_one_address_applies_a_few_times_an_hour_then_is_told_to_wait(area):
    for n in range(5):
        carer_apply(
            area=area,
            name=f"Person {n}",
            email=f"p{n}@example.test",
            postcode="HX1 2AB",
            from_address="203.0.113.9",
        )
    with pytest.raises(ValidationError, match="Try again later"):
        carer_apply(
            area=area,
            name="Person 6",
            email="p6@example.test",
            postcode="HX1 2AB",
            from_address="203.0.113.9",
        )
    assert Carer.objects.count() == 5
    carer_apply(
        area=area,
        name="Someone else",
        email="s@example.test",
        postcode="HX1 2AB",
        from_address="198.51.100.7",
    )


def test_applying_needs_a_name_and_an_email(area):
    with pytest.raises(ValidationError) as refused:
        carer_apply(area=area, name=" ", email="nope", postcode="HX1 2AB")
    assert "name" in refused.value.message_dict
    assert not Carer.objects.exists()


# --- who sees the household's own pages -----------------------------------------------------


def test_a_carer_sees_only_their_own_household(scheme, signed_in_client, other_area, make_member):
    s = scheme
    own = signed_in_client(s.carer_actor.membership)
    page = own.get(reverse("sharedlives:my_household")).content.decode()
    assert "The Hughes household" in page and "The Ahmed household" not in page
    other = Carer.objects.get(name="The Ahmed household")
    assert own.get(reverse("sharedlives:carer", args=[other.pk])).status_code == 403
    assert own.get(reverse("sharedlives:household_photos", args=[other.pk])).status_code == 403
    for someone in (s.you, s.representative, s.worker):
        assert signed_in_client(someone.membership).get(
            reverse("sharedlives:my_household")
        ).status_code in (403, 404)
    # A carer in another area with the same household id sees nothing of it.
    elsewhere = make_member(Role.SHARED_LIVES_CARER, other_area)
    assert (
        signed_in_client(elsewhere).get(reverse("sharedlives:carer", args=[s.carer.pk])).status_code
        == 404
    )
    no_household = signed_in_client(elsewhere).get(reverse("sharedlives:my_household"))
    assert "not linked to a household yet" in no_household.content.decode()
    assert "The Hughes household" not in no_household.content.decode()


def test_reading_my_household_is_audited(scheme, signed_in_client):
    s = scheme
    signed_in_client(s.carer_actor.membership).get(reverse("sharedlives:my_household"))
    assert AuditLog.objects.filter(
        actor=s.carer_actor.user,
        action=AuditAction.VIEW,
        target_type="carer",
        target_id=str(s.carer.pk),
    ).exists()


# --- the household's profile, and what the scheme checks ------------------------------------


def test_descriptive_changes_apply_at_once_and_checked_ones_wait(scheme):
    s = scheme
    carer = s.carer
    outcome = household_profile_save(
        actor=s.carer_actor,
        carer=carer,
        wanted=_profile(
            carer,
            interests=["baking", "birdwatching"],
            profile="We love a Sunday roast.",
            pets="A dog called Biscuit",
            smokes=True,
            max_age=70,
        ),
    )
    assert outcome == {
        "applied": ["interests", "profile"],
        "waiting": ["max_age", "pets", "smokes"],
    }
    carer.refresh_from_db()
    assert carer.interests == ["baking", "birdwatching"]
    assert carer.profile == "We love a Sunday roast."
    # Matching still sees the household as the scheme last checked it.
    assert carer.pets == "" and carer.smokes is False and carer.max_age == 120
    change = ProfileChange.objects.get(carer=carer, status="pending")
    assert change.changes == {"pets": "A dog called Biscuit", "smokes": True, "max_age": 70}


def test_the_scheme_accepts_or_returns_the_changes(scheme):
    s = scheme
    carer = s.carer
    household_profile_save(
        actor=s.carer_actor, carer=carer, wanted=_profile(carer, pets="A dog", step_free=True)
    )
    change = ProfileChange.objects.get(carer=carer, status="pending")
    for someone in (s.carer_actor, s.you, s.other_carer_actor):
        with pytest.raises(PermissionDenied):
            household_change_accept(actor=someone, change=change)
    household_change_accept(actor=s.worker, change=change)
    carer.refresh_from_db()
    assert carer.pets == "A dog" and carer.step_free is True
    told = Notification.objects.get(recipient=s.carer_actor.user)
    assert "accepted" in told.text
    with pytest.raises(ValidationError, match="already been dealt with"):
        household_change_accept(actor=s.worker, change=change)

    household_profile_save(
        actor=s.carer_actor, carer=carer, wanted=_profile(carer, children_at_home=True)
    )
    change = ProfileChange.objects.get(carer=carer, status="pending")
    with pytest.raises(ValidationError):
        household_change_return(actor=s.worker, change=change, reason="  ")
    household_change_return(
        actor=s.worker, change=change, reason="Tell us the children's ages, please"
    )
    carer.refresh_from_db()
    assert carer.children_at_home is False
    assert ProfileChange.objects.get(pk=change.pk).status == "returned"
    returned = Notification.objects.filter(recipient=s.carer_actor.user).order_by("-pk").first()
    assert "sent back" in returned.text


def test_the_carer_reads_why_their_changes_went_back(scheme, signed_in_client):
    s = scheme
    household_profile_save(
        actor=s.carer_actor, carer=s.carer, wanted=_profile(s.carer, smokes=True)
    )
    change = ProfileChange.objects.get(carer=s.carer, status="pending")
    household_change_return(actor=s.worker, change=change, reason="Is that <b>indoors</b>?")
    page = signed_in_client(s.carer_actor.membership).get(reverse("sharedlives:my_household"))
    text = page.content.decode()
    assert "Your scheme sent back your last changes" in text
    assert "Why: Is that &lt;b&gt;indoors&lt;/b&gt;?" in text and "&lt;p&gt;" not in text


def test_only_the_household_keeps_its_profile(scheme):
    s = scheme
    for someone in (s.worker, s.you, s.other_carer_actor):
        with pytest.raises(PermissionDenied):
            household_profile_save(
                actor=someone, carer=s.carer, wanted=_profile(s.carer, interests=["darts"])
            )
    s.carer.refresh_from_db()
    assert s.carer.interests == ["gardening", "cooking"]


def test_ages_are_refused_clearly(scheme):
    s = scheme
    with pytest.raises(ValidationError) as refused:
        household_profile_save(
            actor=s.carer_actor, carer=s.carer, wanted=_profile(s.carer, min_age=16)
        )
    assert "18 or more" in str(refused.value)
    assert not ProfileChange.objects.exists()


def test_both_see_what_is_waiting_on_their_pages(scheme, signed_in_client):
    s = scheme
    carer_client = signed_in_client(s.carer_actor.membership)
    form = carer_client.get(reverse("sharedlives:my_household_profile")).content.decode()
    for group in (
        "Your home",
        "Who lives here",
        "What you enjoy",
        "Food and faith",
        "Who you feel confident supporting",
        "A typical day",
        "About us in your own words",
    ):
        assert f"<h2>{group}</h2>" in form
    answers = {
        "step_free": "no",
        "ground_floor_bedroom": "no",
        "own_bathroom": "no",
        "smokes": "no",
        "pets": "Two cats",
        "household_members": "Me (64) and Joe (66)",
        "children_at_home": "no",
        "carer_genders": ["female"],
        "interests": "gardening, cooking",
        "atmosphere": "quiet",
        "languages": "English",
        "diets": "vegetarian",
        "faith": "",
        "confident_with": ["learning_disability"],
        "skills": "",
        "min_age": "18",
        "max_age": "120",
        "daily_rhythm": "early_riser",
        "day_support_travel_minutes": "30",
        "profile": "Retired, with a big vegetable garden.",
    }
    saved = carer_client.post(reverse("sharedlives:my_household_profile"), answers, follow=True)
    text = saved.content.decode()
    assert "Some changes will be checked by your Shared Lives scheme" in text
    assert "Changes waiting to be checked" in text and "Two cats" in text
    s.carer.refresh_from_db()
    assert s.carer.profile == "Retired, with a big vegetable garden." and s.carer.pets == ""
    worker_page = (
        signed_in_client(s.worker.membership)
        .get(reverse("sharedlives:carer", args=[s.carer.pk]))
        .content.decode()
    )
    assert "Changes waiting to be checked" in worker_page and "Two cats" in worker_page
    assert "Accept the changes" in worker_page
    # A question left out is named in the error summary and changes nothing.
    broken = carer_client.post(
        reverse("sharedlives:my_household_profile"),
        {**answers, "max_age": "", "profile": "Changed"},
    )
    assert "nhsuk-error-summary" in broken.content.decode()
    s.carer.refresh_from_db()
    assert s.carer.profile == "Retired, with a big vegetable garden."


# --- photos ---------------------------------------------------------------------------------


def test_a_photo_is_resized_and_loses_its_location(scheme):
    s = scheme
    raw = _jpeg_with_gps()
    assert Image.open(BytesIO(raw)).getexif().get_ifd(0x8825)  # the upload has a location
    photo = household_photo_add(
        actor=s.carer_actor,
        carer=s.carer,
        photo=_upload(raw),
        caption="Our back garden",
        everyone_agreed=True,
    )
    kept = Image.open(BytesIO(bytes(HouseholdPhoto.objects.get(pk=photo.pk).image)))
    assert kept.format == "JPEG"
    assert max(kept.size) == 1200 and (photo.width, photo.height) == kept.size
    exif = kept.getexif()
    assert not exif.get_ifd(0x8825) and 0x010F not in exif and 0x8825 not in exif
    assert "exif" not in kept.info


def test_bad_files_are_refused_clearly_and_change_nothing(scheme, monkeypatch):
    s = scheme
    with pytest.raises(ValidationError, match="must be a photo"):
        household_photo_add(
            actor=s.carer_actor,
            carer=s.carer,
            photo=_upload(b"%PDF-1.4 not a photo", "letter.pdf"),
            caption="A letter",
            everyone_agreed=True,
        )
    big = _upload(_jpeg_with_gps((50, 50)))
    big.size = 11 * 1024 * 1024
    with pytest.raises(ValidationError, match="smaller than 10 MB"):
        household_photo_add(
            actor=s.carer_actor, carer=s.carer, photo=big, caption="Big", everyone_agreed=True
        )
    with pytest.raises(ValidationError, match="everyone in the photo agreed"):
        household_photo_add(
            actor=s.carer_actor,
            carer=s.carer,
            photo=_upload(_jpeg_with_gps((50, 50))),
            caption="Us",
            everyone_agreed=False,
        )
    assert not HouseholdPhoto.objects.exists()


def test_the_upload_page_says_what_is_wrong_by_the_question(scheme, signed_in_client):
    s = scheme
    client = signed_in_client(s.carer_actor.membership)
    url = reverse("sharedlives:household_photos", args=[s.carer.pk])
    page = client.post(
        url, {"photo": _upload(b"hello", "notes.txt"), "caption": "Notes", "everyone_agreed": "on"}
    ).content.decode()
    assert "nhsuk-error-summary" in page and "must be a photo" in page
    assert not HouseholdPhoto.objects.exists()
    done = client.post(
        url,
        {
            "photo": _upload(_jpeg_with_gps((300, 200))),
            "caption": "The spare room",
            "everyone_agreed": "on",
        },
        follow=True,
    )
    assert "The photo has been added" in done.content.decode()
    assert 'alt="The spare room"' in done.content.decode()


def test_photos_are_seen_only_by_the_household_its_scheme_and_people_introduced(
    scheme, signed_in_client, other_area, make_member
):
    s = scheme
    photo = household_photo_add(
        actor=s.carer_actor,
        carer=s.carer,
        photo=_upload(_jpeg_with_gps((300, 200))),
        caption="Us",
        everyone_agreed=True,
    )
    url = reverse("sharedlives:household_photo", args=[s.carer.pk, photo.pk])

    def status(actor):
        return signed_in_client(actor.membership).get(url).status_code

    assert status(s.carer_actor) == 200 and status(s.worker) == 200
    response = signed_in_client(s.carer_actor.membership).get(url)
    assert response["Content-Type"] == "image/jpeg" and "no-store" in response["Cache-Control"]
    # Not yet introduced: only interest from one side.
    assert status(s.you) == 403 and status(s.representative) == 403
    assert status(s.other_carer_actor) == 403
    elsewhere = make_member(Role.SCHEME_WORKER, other_area)
    assert signed_in_client(elsewhere).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # signed out: to sign in
    # Once both said yes (past interest), the person and who acts for them see it.
    introduction = both_say_yes(s)
    assert introduction.stage == Stage.INTRODUCTION
    assert status(s.you) == 200 and status(s.representative) == 200
    assert AuditLog.objects.filter(
        actor=s.you.user, target_type="household_photo", action=AuditAction.VIEW
    ).exists()


def test_the_carer_removes_a_photo_and_nobody_else_can(scheme):
    s = scheme
    photo = household_photo_add(
        actor=s.carer_actor,
        carer=s.carer,
        photo=_upload(_jpeg_with_gps((300, 200))),
        caption="Us",
        everyone_agreed=True,
    )
    for someone in (s.worker, s.other_carer_actor, s.you):
        with pytest.raises(PermissionDenied):
            household_photo_remove(actor=someone, photo=photo)
    household_photo_remove(actor=s.carer_actor, photo=photo)
    assert not HouseholdPhoto.objects.exists()


# --- payment statements ---------------------------------------------------------------------


def test_the_statement_is_the_payment_schedule_for_the_household(scheme, signed_in_client):
    s = scheme
    starts = date.today().replace(day=1) - timedelta(days=40)
    arrangement = start(s, agreed(s), starts_on=starts)
    month = (date.today().replace(day=1) - timedelta(days=1)).replace(day=1)
    (line,) = carer_statement(carer=s.carer, month=month)
    (scheduled,) = [
        x
        for x in monthly_schedule(area=s.carer.area, month=month)
        if x.arrangement.pk == arrangement.pk
    ]
    assert (line.amount_pence, line.quantity, line.rate_pence) == (
        scheduled.amount_pence,
        scheduled.quantity,
        scheduled.rate_pence,
    )
    page = (
        signed_in_client(s.carer_actor.membership)
        .get(reverse("sharedlives:my_statement") + f"?month={month:%Y-%m}")
        .content.decode()
    )
    assert f"Payment statement for {month:%B %Y}" in page
    assert scheduled.amount in page and "Sam" in page
    home = signed_in_client(s.carer_actor.membership).get(reverse("sharedlives:my_household"))
    assert f"{month:%B %Y}" in home.content.decode()
    assert "Shared Lives Arrangement Agreement: you signed on" in home.content.decode()
    # Another carer's statement has none of it.
    other = Carer.objects.get(name="The Ahmed household")
    assert carer_statement(carer=other, month=month) == []


def test_carers_are_told_once_that_their_statement_is_ready(scheme):
    s = scheme
    start(s, agreed(s), starts_on=date.today().replace(day=1) - timedelta(days=40))
    first_of_this_month = date.today().replace(day=1)
    assert statements_ready(first_of_this_month) == "told:1"
    assert statements_ready(first_of_this_month) == "told:0"
    (told,) = Notification.objects.filter(event=STATEMENT_READY)
    assert told.recipient == s.carer_actor.user
    assert "£" not in told.text and "Sam" not in told.text
    from kinfolk.notifications.events import event

    assert event(STATEMENT_READY).message.endswith("Sign in to see it.")


# --- the demo -------------------------------------------------------------------------------


def test_the_demo_carer_signs_in_to_their_household_with_a_photo(db):
    from django.core.management import call_command

    from kinfolk.accounts.demo import demo_email

    call_command("demo", people=20, carers=5)
    user = User.objects.get(email=demo_email(Role.SHARED_LIVES_CARER))
    client = Client()
    assert (
        client.post(
            reverse("accounts:login"), {"email": user.email, "password": "kinfolk-demo"}
        ).status_code
        == 302
    )
    page = client.get(reverse("sharedlives:my_household")).content.decode()
    assert "a big vegetable garden" in page and "Bernadette (64) and Joe (66)" in page
    assert "A rescue greyhound called Pip" in page  # waiting for the scheme to check
    carer = Carer.objects.get(user=user)
    (photo,) = HouseholdPhoto.objects.filter(carer=carer)
    shown = client.get(reverse("sharedlives:household_photo", args=[carer.pk, photo.pk]))
    image = Image.open(BytesIO(shown.content))
    assert image.format == "JPEG" and max(image.size) == 1200


# --- the API --------------------------------------------------------------------------------


def test_the_api_keeps_the_profile_with_the_same_rules(scheme):
    import json

    from kinfolk.accounts.tests.factories import api_token_for

    s = scheme
    url = f"/api/v1/shared-lives/carers/{s.carer.pk}/profile"

    def call(actor, method="get", body=None):
        token = api_token_for(actor.membership)
        return getattr(Client(), method)(
            url,
            json.dumps(body) if body else None,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    changed = call(s.carer_actor, "patch", {"interests": ["darts"], "pets": "A cat"})
    assert changed.status_code == 200, changed.content
    assert changed.json()["interests"] == ["darts"]
    assert changed.json()["pets"] == ""  # waiting for the scheme
    assert changed.json()["waiting_for_the_scheme"] == {"pets": "A cat"}
    assert call(s.worker).json()["waiting_for_the_scheme"] == {"pets": "A cat"}
    assert call(s.worker, "patch", {"interests": ["chess"]}).status_code == 403
    assert call(s.other_carer_actor, "patch", {"interests": ["chess"]}).status_code == 403
    assert call(s.other_carer_actor).status_code == 403
    assert call(s.you).status_code == 403
    refused = call(s.carer_actor, "patch", {"atmosphere": "rowdy"})
    assert refused.status_code == 422 and "what your home is like" in refused.json()["detail"]
    s.carer.refresh_from_db()
    assert s.carer.interests == ["darts"] and s.carer.atmosphere == "any"

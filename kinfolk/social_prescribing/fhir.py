"""A social prescribing referral as a FHIR R4 Bundle: ServiceRequest, Patient, Task, Consent.

Export for the GP system and other link worker services: every entry has a urn:uuid fullUrl
(stable for the record), the Patient travels with the NHS number, and each resource declares
its UK Core profile. Import turns such a bundle from a referrer's system into a Kinfolk
referral, accepting the usual UK shapes of patient reference and refusing anything that does
not hold together, with a message saying what to fix.
"""

import uuid
from datetime import date

from django.core.exceptions import ValidationError

from .models import DECLINED_CODE, REFERRAL_CODE, Reason, Status

SNOMED = "http://snomed.info/sct"
NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"
ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code"
UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-"
REASON_SYSTEM = "urn:kinfolk:social-prescribing-reason"
# Fixed, so that the same record always gets the same UUID (uuid5 of area, kind and id).
RECORD_NAMESPACE = uuid.UUID("6c5ea3a7-dbfc-4b17-9205-9a1e4a726d89")
REFERRAL_DISPLAY = "Referral to social prescribing service"
DECLINED_DISPLAY = "Social prescribing declined"
TASK_STATUS = {
    Status.NEW: "requested",
    Status.CONTACTED: "in-progress",
    Status.CONNECTED: "in-progress",
    Status.CLOSED: "completed",
    Status.DECLINED: "rejected",
}
REQUEST_STATUS = {Status.CLOSED: "completed", Status.DECLINED: "revoked"}
REPRESENTATIVE = "Someone who can decide for them"


# --- Export -----------------------------------------------------------------------------------


def record_uuid(referral, kind: str) -> str:
    """A UUID for one resource of a referral, the same every time it is exported."""
    return str(uuid.uuid5(RECORD_NAMESPACE, f"{referral.area_id}/referral/{referral.pk}/{kind}"))


def _meta(kind: str) -> dict:
    return {"profile": [f"{UK_CORE}{kind}"]}


def _entry(resource: dict) -> dict:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def _patient(person) -> dict:
    patient = {
        "resourceType": "Patient",
        "id": str(person.pk),
        "meta": _meta("Patient"),
        "name": [
            {"use": "official", "family": person.family_name, "given": person.given_name.split()}
        ],
    }
    if person.nhs_number:
        patient["identifier"] = [{"system": NHS_NUMBER, "value": person.nhs_number}]
    if person.date_of_birth:
        patient["birthDate"] = person.date_of_birth.isoformat()
    if person.phone:
        patient["telecom"] = [{"system": "phone", "value": person.phone}]
    if person.postcode:
        patient["address"] = [{"postalCode": person.postcode}]
    return patient


def _reason(value: str) -> dict:
    label = Reason(value).label
    return {"coding": [{"system": REASON_SYSTEM, "code": value, "display": label}], "text": label}


def _organization(referral) -> dict:
    """The practice, by its ODS code when the referral has one."""
    organization = {"display": referral.practice}
    if referral.practice_code:
        organization["identifier"] = {"system": ODS_CODE, "value": referral.practice_code}
    return organization


def _service_request(referral, patient_ref: dict) -> dict:
    request = {
        "resourceType": "ServiceRequest",
        "id": record_uuid(referral, "ServiceRequest"),
        "meta": _meta("ServiceRequest"),
        "contained": [{
            "resourceType": "PractitionerRole", "id": "requester",
            "practitioner": {"display": referral.referrer.display_name},
            "organization": _organization(referral),
        }],
        "status": REQUEST_STATUS.get(referral.status, "active"),
        "intent": "order",
        # Always the referral: a decline is the Task's status reason, not a new request code.
        "code": {"coding": [{"system": SNOMED, "code": REFERRAL_CODE,
                             "display": REFERRAL_DISPLAY}]},
        "subject": patient_ref,
        "authoredOn": referral.received_at.isoformat(),
        "requester": {"reference": "#requester",
                      "display": f"{referral.referrer.display_name}, {referral.practice}"},
        "reasonCode": [_reason(r) for r in referral.reasons],
    }  # fmt: skip
    if referral.what_matters:
        request["note"] = [{"text": f"What matters to me: {referral.what_matters}"}]
    return request


def _task(referral, patient_ref: dict, request_url: str) -> dict:
    task = {
        "resourceType": "Task",
        "id": record_uuid(referral, "Task"),
        "meta": _meta("Task"),
        "status": TASK_STATUS[referral.status],
        "intent": "order",
        "code": {"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code",
                             "code": "fulfill"}]},
        "focus": {"reference": request_url},
        "for": patient_ref,
        "authoredOn": referral.received_at.isoformat(),
        "businessStatus": {"text": referral.get_status_display()},
    }  # fmt: skip
    if referral.status == Status.DECLINED:
        task["statusReason"] = {
            "coding": [{"system": SNOMED, "code": DECLINED_CODE, "display": DECLINED_DISPLAY}]
        }
        if referral.declined_reason:
            task["statusReason"]["text"] = referral.declined_reason
    if referral.link_worker:
        task["owner"] = {"display": referral.link_worker.display_name}
    return task


def _consent(referral, patient_ref: dict) -> dict:
    if referral.consent_given_by == "person":
        performer = {"reference": patient_ref["reference"], "display": patient_ref["display"]}
    else:
        performer = {"type": "RelatedPerson", "display": REPRESENTATIVE}
    return {
        "resourceType": "Consent",
        "id": record_uuid(referral, "Consent"),
        "meta": _meta("Consent"),
        "status": "active",
        "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
                              "code": "treatment"}]},
        "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
        "patient": patient_ref,
        "dateTime": referral.received_at.isoformat(),
        "performer": [performer],
        "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                                   "code": "OPTIN"}]},
    }  # fmt: skip


def bundle(referral) -> dict:
    """The referral as a collection Bundle another system can resolve without asking us."""
    person = referral.person
    patient = _entry(_patient(person))
    patient_ref = {"reference": patient["fullUrl"], "display": person.full_name}
    if person.nhs_number:  # for systems that match on the NHS number without resolving
        patient_ref["identifier"] = {"system": NHS_NUMBER, "value": person.nhs_number}
    request = _entry(_service_request(referral, patient_ref))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            request,
            patient,
            _entry(_task(referral, patient_ref, request["fullUrl"])),
            _entry(_consent(referral, patient_ref)),
        ],
    }


# --- Import -----------------------------------------------------------------------------------


def _obj(value) -> dict:
    return value if isinstance(value, dict) else {}


def _items(value) -> list:
    return value if isinstance(value, list) else []


def _str(value) -> str:
    return value.strip() if isinstance(value, str) else ""


class _Resources:
    """The bundle's resources, found by fullUrl, by Type/id, or contained in another."""

    def __init__(self, entries: list):
        self.by_url, self.listed = {}, []
        for entry in entries:
            resource = _obj(_obj(entry).get("resource"))
            kind, rid = _str(resource.get("resourceType")), _str(resource.get("id"))
            if not kind:
                continue
            self.listed.append(resource)
            for url in (_str(_obj(entry).get("fullUrl")), f"{kind}/{rid}" if rid else ""):
                if url:
                    self.by_url.setdefault(url, resource)

    def first(self, kind: str) -> dict | None:
        return next((r for r in self.listed if r.get("resourceType") == kind), None)

    def resolve(self, reference, container: dict) -> dict | None:
        target = _str(_obj(reference).get("reference"))
        if not target:
            return None
        if target.startswith("#"):
            contained = [_obj(r) for r in _items(container.get("contained"))]
            return next((r for r in contained if _str(r.get("id")) == target[1:]), None)
        if target in self.by_url:
            return self.by_url[target]
        if ":" in target or target.count("/") != 1:
            return None
        # A relative Type/id against entries whose fullUrl is the sender's absolute URL.
        return next((r for url, r in self.by_url.items() if url.endswith(f"/{target}")), None)


def _refuse(message: str, code: str):
    raise ValidationError(message, code=code)


def _nhs_number(identifiers: list) -> str:
    for identifier in identifiers:
        if _str(_obj(identifier).get("system")) == NHS_NUMBER:
            return _str(_obj(identifier).get("value"))
    return ""


def _name_from_patient(patient: dict) -> tuple[str, str]:
    names = [_obj(n) for n in _items(patient.get("name"))]
    name = next((n for n in names if n.get("use") == "official"), names[0] if names else {})
    given = " ".join(_str(g) for g in _items(name.get("given")) if _str(g))
    family = _str(name.get("family"))
    if given and family:
        return given, family
    return _name_from_text(_str(name.get("text")))


def _name_from_text(text: str) -> tuple[str, str]:
    if " " not in text:
        return "", ""
    given, family = text.rsplit(" ", 1)
    return given.strip(), family


def _birth_date(patient: dict) -> date | None:
    value = patient.get("birthDate")
    if value is None:
        return None
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _patient_details(patient: dict) -> dict:
    given, family = _name_from_patient(patient)
    born = _birth_date(patient)
    if patient.get("birthDate") is not None and born is None:
        _refuse("The Patient's birthDate must be a full date, like 1948-03-02.", "birth_date")
    phones = [_obj(t) for t in _items(patient.get("telecom")) if _obj(t).get("system") == "phone"]
    addresses = [_obj(a) for a in _items(patient.get("address"))]
    return {
        "given_name": given,
        "family_name": family,
        "nhs_number": _nhs_number(_items(patient.get("identifier"))),
        "date_of_birth": born,
        "phone": _str(phones[0].get("value")) if phones else "",
        "postcode": _str(addresses[0].get("postalCode")) if addresses else "",
    }


def _nhs_of(reference: dict, patient: dict | None) -> str:
    """The NHS number of a referenced patient: from the Patient, else from the reference."""
    found = _nhs_number(_items(patient.get("identifier"))) if patient is not None else ""
    return found or _nhs_number([reference.get("identifier")])


def _consent_is_for_the_subject(request: dict, consent: dict, resources: _Resources) -> None:
    subject, patient = _obj(request.get("subject")), _obj(consent.get("patient"))
    referred, consenting = resources.resolve(subject, request), resources.resolve(patient, consent)
    numbers = {_nhs_of(subject, referred), _nhs_of(patient, consenting)} - {""}
    different = referred is not None and consenting is not None and referred is not consenting
    if different or len(numbers) > 1:
        _refuse(
            "The Consent must be for the same patient as the ServiceRequest. Send the Consent "
            "that the person referred (or someone who can decide for them) gave.",
            "consent",
        )


def _person(request: dict, resources: _Resources) -> dict:
    """Who is referred: the Patient the subject points at, or the subject's own identifier and
    name (a logical reference)."""
    subject = _obj(request.get("subject"))
    patient = resources.resolve(subject, request)
    if patient is not None and patient.get("resourceType") != "Patient":
        _refuse("The ServiceRequest's subject must be a Patient.", "patient")
    if patient is not None:
        details = _patient_details(patient)
    else:
        given, family = _name_from_text(_str(subject.get("display")))
        details = {"given_name": given, "family_name": family}
    details["nhs_number"] = _nhs_of(subject, patient)
    if not (details["given_name"] and details["family_name"]):
        _refuse(
            "The bundle does not say who is referred. Include the Patient (with their name and "
            "NHS number) and point the ServiceRequest's subject at it by its fullUrl, or give "
            "the NHS number and full name in the subject.",
            "patient",
        )
    return {key: value for key, value in details.items() if value}


def _reasons(request: dict) -> list[str]:
    """Kinfolk's reasons, by code in REASON_SYSTEM or by label; anything else is refused,
    never guessed."""
    labels = {label.casefold(): value for value, label in Reason.choices}
    known, unknown = [], []
    for given in (_obj(r) for r in _items(request.get("reasonCode"))):
        codings = [_obj(c) for c in _items(given.get("coding"))]
        ours = [
            _str(c.get("code"))
            for c in codings
            if c.get("system") == REASON_SYSTEM and _str(c.get("code")) in Reason.values
        ]
        by_label = labels.get(_str(given.get("text")).casefold())
        if ours or by_label:
            known.append(ours[0] if ours else by_label)
        else:
            first = codings[0] if codings else {}
            unknown.append(
                _str(given.get("text"))
                or _str(first.get("display"))
                or f"{_str(first.get('system'))} {_str(first.get('code'))}".strip()
                or "(empty)"
            )
    choices = "; ".join(label for _, label in Reason.choices)
    if unknown:
        _refuse(
            f"Kinfolk does not know the reason for referral “{', '.join(unknown)}”. Send each "
            f"reason coded in {REASON_SYSTEM} or with one of these texts: {choices}.",
            "reasons",
        )
    if not known:
        _refuse(f"Give at least one reason for the referral (reasonCode): {choices}.", "reasons")
    return known


def _consent_given_by(consent: dict, resources: _Resources) -> str:
    """Who agreed, as the Consent's performer says: the Patient, or a RelatedPerson."""
    kinds = set()
    for performer in (_obj(p) for p in _items(consent.get("performer"))):
        resolved = resources.resolve(performer, consent)
        target = _str(performer.get("reference"))
        kind = (
            _str(resolved.get("resourceType")) if resolved is not None
            else _str(performer.get("type")) or target.split("/", 1)[0]
        )  # fmt: skip
        kinds.add(kind)
    if "Patient" in kinds:
        return "person"
    if "RelatedPerson" in kinds:
        return "representative"
    return _refuse(
        "The Consent must say who agreed to the referral: its performer is the Patient, or a "
        "RelatedPerson who can decide for them.",
        "consent_given_by",
    )


def _ods_code(*identifiers) -> str:
    """The ODS code among an organisation's identifiers (one, or a list), if there is one."""
    for identifier in identifiers:
        for given in _items(identifier) if isinstance(identifier, list) else [identifier]:
            one = _obj(given)
            if _str(one.get("system")) == ODS_CODE and _str(one.get("value")):
                return _str(one.get("value"))
    return ""


def _practice(request: dict, resources: _Resources) -> str:
    """The practice's ODS code, or failing that its name (matched to the area's list later)."""
    requester = _obj(request.get("requester"))
    role = _obj(resources.resolve(requester, request))
    if role.get("resourceType") == "Organization":
        return _ods_code(role.get("identifier")) or _str(role.get("name"))
    if role.get("resourceType") == "PractitionerRole":
        organization = _obj(role.get("organization"))
        found = _obj(resources.resolve(organization, role))
        return (
            _ods_code(organization.get("identifier"), found.get("identifier"))
            or _str(found.get("name"))
            or _str(organization.get("display"))
        )
    return (
        _ods_code(requester.get("identifier")) or _str(requester.get("display")).split(", ", 1)[-1]
    )


def referral_from_bundle(data) -> dict:
    """What referral_create needs, from a bundle; a clear error for each thing missing."""
    if _obj(data).get("resourceType") != "Bundle":
        _refuse("Send a FHIR Bundle.", "bundle")
    resources = _Resources(_items(data.get("entry")))
    request, consent = resources.first("ServiceRequest"), resources.first("Consent")
    if request is None:
        _refuse("The bundle has no ServiceRequest.", "service_request")
    codes = [_obj(c).get("code") for c in _items(_obj(request.get("code")).get("coding"))]
    if REFERRAL_CODE not in codes:
        _refuse(
            f"The ServiceRequest must be coded {REFERRAL_CODE} (referral to social prescribing).",
            "code",
        )
    status = _str(request.get("status"))
    if status != "active":
        _refuse(
            f"The ServiceRequest must be active to make a new referral (it is “{status}”).",
            "status",
        )
    if consent is None or consent.get("status") != "active":
        _refuse("The bundle must carry the person's active Consent.", "consent")
    _consent_is_for_the_subject(request, consent, resources)
    note = _str(_obj(next(iter(_items(request.get("note"))), {})).get("text"))
    return {
        "new_person": _person(request, resources),
        "reasons": _reasons(request),
        "what_matters": note.removeprefix("What matters to me: "),
        "practice": _practice(request, resources),
        "consent_recorded": True,
        "consent_given_by": _consent_given_by(consent, resources),
    }

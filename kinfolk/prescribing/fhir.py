"""A social prescribing referral as a FHIR R4 Bundle: ServiceRequest + Task (+ Consent).

Export for the GP system and other link worker services; import turns such a bundle from a
referrer's system into a Kinfolk referral, refusing anything that does not hold together.
"""

from django.core.exceptions import ValidationError

from .models import DECLINED_CODE, REFERRAL_CODE, Reason, Status

SNOMED = "http://snomed.info/sct"
NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"
TASK_STATUS = {
    Status.NEW: "requested",
    Status.CONTACTED: "in-progress",
    Status.CONNECTED: "in-progress",
    Status.CLOSED: "completed",
    Status.DECLINED: "rejected",
}
REQUEST_STATUS = {Status.CLOSED: "completed", Status.DECLINED: "revoked"}


def _patient(person) -> dict:
    reference = {"reference": f"urn:uuid:{person.pk}", "display": person.full_name}
    if person.nhs_number:
        reference["identifier"] = {"system": NHS_NUMBER, "value": person.nhs_number}
    return reference


def _display(referral) -> str:
    if referral.code == DECLINED_CODE:
        return "Social prescribing declined"
    return "Referral to social prescribing service"


def bundle(referral) -> dict:
    person = referral.person
    request_ref = f"urn:uuid:sr-{referral.pk}"
    service_request = {
        "resourceType": "ServiceRequest",
        "status": REQUEST_STATUS.get(referral.status, "active"),
        "intent": "order",
        "code": {
            "coding": [{"system": SNOMED, "code": referral.code, "display": _display(referral)}]
        },
        "subject": _patient(person),
        "authoredOn": referral.received_at.isoformat(),
        "requester": {"display": f"{referral.referrer.display_name}, {referral.practice}"},
        "reasonCode": [{"text": Reason(r).label} for r in referral.reasons],
    }  # fmt: skip
    if referral.what_matters:
        service_request["note"] = [{"text": f"What matters to me: {referral.what_matters}"}]
    task = {
        "resourceType": "Task",
        "status": TASK_STATUS[referral.status],
        "intent": "order",
        "focus": {"reference": request_ref},
        "for": _patient(person),
        "authoredOn": referral.received_at.isoformat(),
        "businessStatus": {"text": referral.get_status_display()},
    }
    if referral.link_worker:
        task["owner"] = {"display": referral.link_worker.display_name}
    consent = {
        "resourceType": "Consent",
        "status": "active",
        "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
                              "code": "treatment"}]},
        "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
        "patient": _patient(person),
        "dateTime": referral.received_at.isoformat(),
        "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                                   "code": "OPTIN"}]},
    }  # fmt: skip
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": request_ref, "resource": service_request},
            {"fullUrl": f"urn:uuid:task-{referral.pk}", "resource": task},
            {"fullUrl": f"urn:uuid:consent-{referral.pk}", "resource": consent},
        ],
    }


def _obj(value) -> dict:
    return value if isinstance(value, dict) else {}


def _items(value) -> list:
    return value if isinstance(value, list) else []


def _str(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def referral_from_bundle(data) -> dict:
    """What referral_create needs, from a bundle; a clear error for each thing missing."""
    if _obj(data).get("resourceType") != "Bundle":
        raise ValidationError("Send a FHIR Bundle.", code="bundle")
    resources = [_obj(_obj(e).get("resource")) for e in _items(data.get("entry"))]
    found = {r.get("resourceType"): r for r in resources if isinstance(r.get("resourceType"), str)}
    request, consent = found.get("ServiceRequest"), found.get("Consent")
    if request is None:
        raise ValidationError("The bundle has no ServiceRequest.", code="service_request")
    codes = [_obj(c).get("code") for c in _items(_obj(request.get("code")).get("coding"))]
    if REFERRAL_CODE not in codes:
        raise ValidationError(
            f"The ServiceRequest must be coded {REFERRAL_CODE} (referral to social prescribing).",
            code="code",
        )
    if consent is None or consent.get("status") != "active":
        raise ValidationError("The bundle must carry the person's active Consent.", code="consent")
    subject = _obj(request.get("subject"))
    identifier = _str(_obj(subject.get("identifier")).get("value"))
    display = _str(subject.get("display"))
    if " " not in display:
        raise ValidationError("The subject needs the person's full name (display).", code="name")
    given, family = display.rsplit(" ", 1)
    labels = {label.lower(): value for value, label in Reason.choices}
    reasons = [
        labels.get(_str(_obj(r).get("text")).lower()) for r in _items(request.get("reasonCode"))
    ]
    note = _str(_obj(next(iter(_items(request.get("note"))), {})).get("text"))
    practice = _str(_obj(request.get("requester")).get("display")).split(", ", 1)[-1]
    return {
        "new_person": {
            "given_name": given.strip(),
            "family_name": family,
            "nhs_number": identifier,
        },
        "reasons": [r for r in reasons if r] or [Reason.LONELINESS],
        "what_matters": note.removeprefix("What matters to me: "),
        "practice": practice or "Not given",
        "consent_recorded": True,
        "consent_given_by": "person",
    }

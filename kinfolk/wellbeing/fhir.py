"""A measure response as a FHIR R4 QuestionnaireResponse (answers as given, who and when)."""

QUESTIONNAIRE_BASE = "urn:kinfolk:questionnaire:"
NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
UK_CORE_PROFILE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-QuestionnaireResponse"


def _answer(value) -> dict:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    return {"valueString": str(value)}


def questionnaire_response(response) -> dict:
    person = response.person
    subject = {"reference": f"Patient/{person.pk}", "display": person.full_name}
    if person.nhs_number:
        subject["identifier"] = {"system": NHS_NUMBER_SYSTEM, "value": person.nhs_number}
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": str(response.pk),
        "meta": {"profile": [UK_CORE_PROFILE]},
        "questionnaire": f"{QUESTIONNAIRE_BASE}{response.measure}",
        "status": "completed",
        "subject": subject,
        "authored": response.completed_at.isoformat(),
        "author": {"display": response.recorded_by.display_name},
        "item": [
            {"linkId": name, "answer": [_answer(value)]} for name, value in response.answers.items()
        ],
    }
    if response.recorded_with == "self":
        resource["source"] = {"reference": f"Patient/{person.pk}"}
    return resource

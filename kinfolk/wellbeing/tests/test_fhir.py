"""A measure as answered exports as a FHIR R4 QuestionnaireResponse other systems can trust."""

from kinfolk.wellbeing import services
from kinfolk.wellbeing.fhir import questionnaire_response
from kinfolk.wellbeing.tests.conftest import ONS4


def test_a_response_exports_as_a_valid_fhir_questionnaire_response(people):
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    person, you, *_ = people
    person.nhs_number = "9434765919"
    person.save()
    response = services.response_record(actor=you, person=person, measure="ons4", answers=ONS4)
    resource = questionnaire_response(response)
    parsed = QuestionnaireResponse.model_validate(resource)
    assert parsed.status == "completed"
    assert {i.linkId: i.answer[0].valueInteger for i in parsed.item} == ONS4
    assert resource["subject"]["identifier"]["value"] == "9434765919"


def test_a_questionnaire_response_declares_the_uk_core_profile(people):
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    person, you, *_ = people
    response = services.response_record(actor=you, person=person, measure="ons4", answers=ONS4)
    resource = questionnaire_response(response)
    QuestionnaireResponse.model_validate(resource)
    assert resource["meta"]["profile"] == [
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-QuestionnaireResponse"
    ]

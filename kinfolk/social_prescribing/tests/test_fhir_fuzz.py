"""Whatever arrives as a 'bundle', the answer is a referral or a clear refusal, never a crash."""

from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from kinfolk.social_prescribing.fhir import referral_from_bundle

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
resource = st.fixed_dictionaries(
    {"resourceType": st.sampled_from(["ServiceRequest", "Consent", "Task", "Patient"])},
    optional={
        "code": json_values,
        "subject": json_values,
        "status": json_values,
        "reasonCode": json_values,
        "note": json_values,
        "requester": json_values,
        "id": json_values,
        "name": json_values,
        "identifier": json_values,
        "birthDate": json_values,
        "telecom": json_values,
        "address": json_values,
        "patient": json_values,
        "performer": json_values,
        "contained": json_values,
    },
)
entries = st.fixed_dictionaries({"resource": resource}, optional={"fullUrl": json_values})
bundles = (
    st.fixed_dictionaries(
        {"resourceType": st.just("Bundle")},
        optional={
            "entry": st.lists(
                st.one_of(
                    json_values,
                    entries,
                ),
                max_size=4,
            )
        },
    )
    | json_values
)


@settings(max_examples=300, deadline=None)
@given(bundles)
def test_any_input_is_a_referral_or_a_clear_refusal(data):
    try:
        result = referral_from_bundle(data)
    except ValidationError as error:
        assert error.messages and all(isinstance(m, str) and m for m in error.messages)
    else:
        assert result["new_person"]["given_name"] and result["consent_recorded"] is True


FIELDS = [
    "Patient.name", "Patient.identifier", "Patient.birthDate", "Patient.telecom",
    "Patient.address", "Patient.id", "ServiceRequest.subject", "ServiceRequest.reasonCode",
    "ServiceRequest.requester", "ServiceRequest.contained", "ServiceRequest.status",
    "ServiceRequest.note", "Consent.patient", "Consent.performer", "Consent.status",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FIELDS), json_values)
def test_a_good_bundle_with_any_one_field_spoiled_is_a_referral_or_a_clear_refusal(field, value):
    from kinfolk.social_prescribing.tests.test_fhir_trust import uk_bundle

    try:
        result = referral_from_bundle(uk_bundle(**{field: value}))
    except ValidationError as error:
        assert error.messages and all(isinstance(m, str) and m for m in error.messages)
    else:
        assert result["new_person"]["family_name"] and result["reasons"]

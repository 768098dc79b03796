"""Whatever arrives as a 'bundle', the answer is a referral or a clear refusal, never a crash."""

from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from kinfolk.prescribing.fhir import referral_from_bundle

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
    },
)
bundles = (
    st.fixed_dictionaries(
        {"resourceType": st.just("Bundle")},
        optional={
            "entry": st.lists(
                st.one_of(json_values, st.fixed_dictionaries({"resource": resource})), max_size=4
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

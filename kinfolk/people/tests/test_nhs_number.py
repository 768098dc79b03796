import pytest
from django.core.exceptions import ValidationError

from kinfolk.people.nhs_number import nhs_number_is_valid, validate_nhs_number


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
def test_valid_nhs_numbers_pass_the_modulus_11_check(number):
    assert nhs_number_is_valid(number)


@pytest.mark.parametrize(
    "number",
    [
        "9434765918",  # wrong check digit
        "1234567890",  # check digit would be 10: never issued
        "943476591",  # too short
        "94347659190",  # too long
        "94347A5919",  # not digits
        "",
    ],
)
def test_invalid_nhs_numbers_fail(number):
    assert not nhs_number_is_valid(number)


def test_the_validator_explains_what_to_do():
    with pytest.raises(ValidationError, match="Enter a valid NHS number"):
        validate_nhs_number("9434765918")
    validate_nhs_number("")  # optional

"""NHS number validation: ten digits whose last is the modulus 11 check digit."""

import unicodedata

from django.core.exceptions import ValidationError

from kinfolk.core.text import without_controls


def _ascii_digit(ch: str) -> str:
    digit = unicodedata.decimal(ch, None)
    return str(digit) if digit is not None else ch


def normalise_nhs_number(value: str) -> str:
    """The digits of an NHS number however it was typed: full-width or other Unicode digits
    become 0-9 (NFKC), and spaces, hyphens and invisible characters go."""
    text = unicodedata.normalize("NFKC", without_controls(value or ""))
    return "".join(_ascii_digit(ch) for ch in text if not (ch.isspace() or ch in "-‐‑"))


def nhs_number_is_valid(value: str) -> bool:
    """Whether a ten-digit NHS number passes the modulus 11 check."""
    digits = normalise_nhs_number(value)
    if len(digits) != 10 or not (digits.isascii() and digits.isdigit()):
        return False
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - (total % 11)
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def validate_nhs_number(value: str) -> None:
    """Django validator: refuse NHS numbers that fail the check digit."""
    if value and not nhs_number_is_valid(value):
        raise ValidationError(
            "Enter a valid NHS number: 10 digits, like 485 777 3456. Check it against a letter "
            "from the NHS or the NHS App.",
            code="invalid_nhs_number",
        )

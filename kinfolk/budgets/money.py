"""Pounds and pence: money is whole pence everywhere; people read and type pounds."""

import re
from decimal import Decimal, InvalidOperation

AMOUNT = re.compile(r"£?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?")


def pounds(pence: int) -> str:
    """Pence as a person reads money: 124000 -> '£1,240.00'; a negative amount has a minus."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(int(pence)), 100)
    return f"{sign}£{whole:,}.{part:02d}"


def pence_from_text(text: str) -> int | None:
    """'£1,240.5' -> 124050; None when it is not an amount of money."""
    text = (text or "").strip()
    if not AMOUNT.fullmatch(text):
        return None
    try:
        value = Decimal(text.lstrip("£").strip().replace(",", ""))
    except InvalidOperation:
        return None
    return int(value * 100)

"""The diary's forms: a date (the NHS.UK date input), clock times and a place."""

import re
from datetime import time

from django import forms

from kinfolk.core.forms import ReasonField, date_field

TIME_HINT = "For example, 2pm, 10:30am or 14:30"
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")


def clock_time(text: str) -> time | None:
    """A clock time as people write it (2pm, 2.30pm, 10:30am, 14:30, 12 noon), or None."""
    text = (text or "").strip().lower().replace(" ", "")
    if text in ("noon", "12noon", "midday"):
        return time(12, 0)
    found = _CLOCK.match(text)
    if not found:
        return None
    hour, minute, half = int(found[1]), int(found[2] or 0), found[3]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif found[2] is None or hour > 23:
        return None  # "2" alone could be morning or afternoon
    return time(hour, minute) if minute < 60 else None


class ClockField(forms.CharField):
    """A time of day typed as people write it."""

    def __init__(self, *, label: str, **kwargs):
        super().__init__(label=label, max_length=10, help_text=TIME_HINT, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        found = clock_time(text)
        if found is None:
            raise forms.ValidationError(
                f"Enter {self.label.lower()} as a time, like 2pm or 14:30", code="time"
            )
        return found


class MeetingForm(forms.Form):
    day = date_field("Date", help_text="For example, 27 3 2027")
    starts = ClockField(label="Start time")
    ends = ClockField(label="End time")
    last_day = date_field(
        "Last day (only for a stay over more than one day)",
        required=False,
        help_text="Leave empty if the meeting starts and ends on the same day",
    )
    place = forms.CharField(
        label="Where", max_length=200, help_text="For example, Café at the library, or the "
        "Khan household"
    )  # fmt: skip
    getting_there = forms.CharField(
        label="Getting there (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea,
        help_text="Buses, parking, step-free access, who will meet whom at the door",
    )


class CancelForm(forms.Form):
    reason = ReasonField(
        label="Why is the meeting cancelled?", widget=forms.Textarea, required=True,
        help_text="The others will see this. The introduction carries on.",
    )  # fmt: skip

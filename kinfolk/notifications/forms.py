"""How someone chooses to be told."""

import re

from django import forms

MOBILE = re.compile(r"(\+44|0)7\d{9}")


class PreferenceForm(forms.Form):
    by_email = forms.BooleanField(label="By email", required=False)
    by_text = forms.BooleanField(label="By text message", required=False)
    mobile = forms.CharField(
        label="Mobile phone number",
        required=False,
        max_length=20,
        help_text="For text messages. For example, 07700 900 982.",
    )
    easy_read = forms.BooleanField(label="Use short, easy read messages", required=False)
    daily_digest = forms.BooleanField(
        label="One message a day instead of one for each thing", required=False
    )

    def clean_mobile(self):
        mobile = self.cleaned_data["mobile"].replace(" ", "").replace("-", "")
        if mobile and not MOBILE.fullmatch(mobile):
            raise forms.ValidationError(
                "Enter a UK mobile phone number, like 07700 900 982 or +44 7700 900 982"
            )
        return mobile

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("by_text") and not cleaned.get("mobile"):
            self.add_error("mobile", "Enter a mobile phone number to get text messages")
        return cleaned

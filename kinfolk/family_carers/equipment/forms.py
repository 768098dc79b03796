from django import forms

from kinfolk.core.forms import date_field

from .models import Agency, PartStatus

AGENCIES = [("", "Choose who supplies it"), *Agency.choices]


class RequestForm(forms.Form):
    what = forms.CharField(label="What is needed?", max_length=200,
                           help_text="For example, a ceiling hoist for the bedroom")  # fmt: skip
    why = forms.CharField(label="Why it is needed (optional)", required=False,
                          widget=forms.Textarea, max_length=1000)  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in (1, 2, 3):
            optional = n > 1
            self.fields[f"part_{n}_name"] = forms.CharField(
                label=f"Part {n}: what is it?" + (" (optional)" if optional else ""),
                max_length=200, required=not optional,
                help_text="For example, the bracket fixed to the ceiling" if n == 2 else "",
            )  # fmt: skip
            self.fields[f"part_{n}_agency"] = forms.ChoiceField(
                label=f"Part {n}: who supplies it?", choices=AGENCIES, required=False
            )
            self.fields[f"part_{n}_target_on"] = date_field(f"Part {n}: by when?", required=False)

    def parts(self) -> list:
        d = self.cleaned_data
        return [
            (d.get(f"part_{n}_name", ""), d.get(f"part_{n}_agency"), d.get(f"part_{n}_target_on"))
            for n in (1, 2, 3)
        ]


class PartForm(forms.Form):
    status = forms.ChoiceField(label="Where is it up to?", choices=PartStatus.choices,
                               widget=forms.RadioSelect)  # fmt: skip
    working_on = date_field("If it is working: since when?", required=False)
    target_on = date_field("A new target date (optional)", required=False)
    note = forms.CharField(label="What the agency said (optional)", required=False, max_length=300)

from django import forms

from .models import ANSWERS, IStatement


class ScoreForm(forms.Form):
    """One question per I statement, answered from "No, not at all" to "Yes, completely"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in IStatement.choices:
            self.fields[value] = forms.TypedChoiceField(
                label=label, choices=ANSWERS, coerce=int, widget=forms.RadioSelect
            )
        self.fields["in_their_words"] = forms.CharField(
            label="Anything else you want to say? (optional)", required=False,
            widget=forms.Textarea, max_length=1000,
            help_text="Only you see this. It is never shown to the service or published.",
        )  # fmt: skip

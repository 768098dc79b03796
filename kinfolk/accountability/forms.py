from django import forms

from kinfolk.core.forms import date_field
from kinfolk.wellbeing.models import CareActArea

from .models import Status


class CommitmentForm(forms.Form):
    reference = forms.CharField(label="Reference", max_length=20, help_text="For example, C4")
    title = forms.CharField(label="What you commit to", max_length=200)
    description = forms.CharField(
        label="More about it (optional)", required=False, widget=forms.Textarea
    )
    by_when = date_field("By when", help_text="For example, 31 3 2027")
    outcome = forms.ChoiceField(
        label="Which part of people's wellbeing it is for", choices=CareActArea.choices,
        widget=forms.RadioSelect,
    )  # fmt: skip
    budget = forms.DecimalField(
        label="Budget in pounds (optional)", required=False, min_value=0, decimal_places=2,
        max_digits=12,
    )  # fmt: skip
    parent = forms.ChoiceField(label="Part of (optional)", required=False)

    def __init__(self, *args, parents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [("", "Nothing: it stands on its own")] + [
            (str(c.pk), str(c)) for c in parents
        ]


class ProgressForm(forms.Form):
    happened_on = date_field("When it happened", help_text="For example, 15 11 2026")
    words = forms.CharField(label="What happened", widget=forms.Textarea)
    status = forms.ChoiceField(label="Where it stands now", choices=Status.choices,
                               widget=forms.RadioSelect)  # fmt: skip
    progress = forms.IntegerField(
        label="How far along, in per cent", min_value=0, max_value=100,
        help_text="0 to 99; choosing 'Done' makes it 100",
    )  # fmt: skip
    evidence_url = forms.URLField(
        label="Link to the evidence (optional)", required=False,
        help_text="A published report, minutes or a photo",
    )  # fmt: skip


class ImportForm(forms.Form):
    file = forms.FileField(label="A CSV file of commitments")

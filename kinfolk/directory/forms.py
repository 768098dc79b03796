"""Directory search and listing forms."""

from django import forms

from kinfolk.core.forms import ReasonField, date_field

from .models import Evidence
from .selectors import DAYS
from .services import MICRO_ENTERPRISE_MAX_WORKERS, PAYMENT_METHODS

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DISTANCES = [("1", "1 km"), ("3", "3 km"), ("5", "5 km"), ("10", "10 km"), ("25", "25 km")]


class SearchForm(forms.Form):
    words = forms.CharField(
        label="What are you looking for?",
        required=False,
        max_length=200,
        help_text="For example: walking, choir, carers, money advice",
    )
    category = forms.ChoiceField(label="Category", required=False)
    postcode = forms.CharField(label="Near a postcode (optional)", required=False, max_length=10)
    distance = forms.ChoiceField(label="Within", choices=DISTANCES, required=False, initial="5")
    day = forms.ChoiceField(
        label="Open on",
        required=False,
        choices=[("", "Any day"), ("now", "Open now"), *zip(DAYS, DAY_NAMES, strict=True)],
    )
    free = forms.BooleanField(label="Free or low cost only", required=False)
    step_free = forms.BooleanField(label="Step-free access", required=False)
    age = forms.IntegerField(label="Age (optional)", required=False, min_value=0, max_value=120)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "All categories")] + [
            (str(t.pk), t.name) for t in categories
        ]


class ListingForm(forms.Form):
    name = forms.CharField(label="Your enterprise's name", max_length=200)
    description = forms.CharField(label="About you", widget=forms.Textarea, required=False)
    service_name = forms.CharField(label="What you offer", max_length=200)
    service_description = forms.CharField(label="Tell people more", widget=forms.Textarea)
    workers = forms.IntegerField(
        label="How many people work in it?", min_value=1, max_value=MICRO_ENTERPRISE_MAX_WORKERS
    )
    payment_methods = forms.MultipleChoiceField(
        label="How people can pay",
        choices=list(PAYMENT_METHODS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.CharField(label="How many more people can you support?", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in Evidence.Kind.choices:
            self.fields[f"evidence_{value}"] = date_field(f"{label}: expiry date")

    def evidence(self) -> dict:
        return {k: self.cleaned_data[f"evidence_{k}"] for k in Evidence.Kind.values}


class DecisionForm(forms.Form):
    approve = forms.ChoiceField(choices=[("yes", "Approve"), ("no", "Do not approve")])
    reason = ReasonField(label="Reason (needed if not approved)", required=False)


class PressedForm(forms.Form):
    """A button with nothing to fill in (confirm a listing is still true)."""


class ShortlistForm(forms.Form):
    person = forms.ChoiceField(label="Send to")
    note = forms.CharField(
        label="A note for them (optional)", widget=forms.Textarea, required=False
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "Choose a person")] + [
            (str(p.pk), p.full_name) for p in people
        ]

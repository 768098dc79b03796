"""The forms of outcome payments: a contract and its rate card, and a person's answer."""

from django import forms

from kinfolk.budgets.money import pence_from_text
from kinfolk.core.forms import date_field

from .models import OutcomeKind

ANSWERS = [("yes", "Yes, that is right for me"), ("no", "No, that is not right for me")]


class Money(forms.CharField):
    """Pounds as people type them ("£250", "1,000.50"), as whole pence; blank is 0 when
    optional."""

    def clean(self, value):
        text = super().clean(value)
        if not text and not self.required:
            return 0
        pence = pence_from_text(text)
        if pence is None or pence <= 0:
            raise forms.ValidationError("Give an amount of money, like £250.00.")
        return pence


class ContractForm(forms.Form):
    title = forms.CharField(label="What the contract is for", max_length=200)
    organization = forms.ChoiceField(label="The provider it pays")
    service = forms.ChoiceField(
        label="The service whose people count",
        help_text="People whose support with this service starts within the contract",
    )
    starts_on = date_field("When does the contract start?")
    ends_on = date_field("When does it end?")
    follow_up_days = forms.IntegerField(
        label="How long after someone starts can an outcome count? (days)",
        min_value=30, max_value=730, initial=90,
    )  # fmt: skip
    cap_per_person = Money(label="The most paid for one person", max_length=20)
    cap = Money(label="The most paid under the whole contract", max_length=20)

    def __init__(self, *args, organizations=(), services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [("", "Choose a provider")] + [
            (str(o.pk), o.name) for o in organizations
        ]
        self.fields["service"].choices = [("", "Choose a service")] + [(s, s) for s in services]
        for outcome in OutcomeKind:
            self.fields[f"price_{outcome.value}"] = Money(
                label=f"Price: {outcome.label} (leave blank if not paid for)",
                required=False, max_length=20,
            )  # fmt: skip

    def prices(self) -> dict:
        return {o.value: self.cleaned_data.get(f"price_{o.value}") or 0 for o in OutcomeKind}


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(label="Is that right?", choices=ANSWERS, widget=forms.RadioSelect)
    in_their_words = forms.CharField(
        label="What has changed, in your words",
        required=False, widget=forms.Textarea, max_length=1000,
        help_text="For example: I go to the café with Pat on Thursdays now.",
    )  # fmt: skip

    def __init__(self, *args, for_someone: bool = False, name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if for_someone:
            self.fields["answer"].label = f"Is that right for {name}?"
            self.fields["in_their_words"].label = f"What has changed, in {name}'s words"
            self.fields["how_shown"] = forms.CharField(
                label=f"How did {name} show you?", widget=forms.Textarea, max_length=500,
                help_text="For example: they said so, or nodded at the picture.",
            )  # fmt: skip

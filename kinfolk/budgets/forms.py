"""Forms for a plan's outcomes, agreeing, paying, reversing and money in."""

from django import forms

from kinfolk.core.forms import ReasonField, date_field
from kinfolk.wellbeing.models import CareActArea

from .money import pence_from_text


class MoneyField(forms.CharField):
    """Pounds and pence as a person types them ("£60", "1,180.50"), as whole pence."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", "For example, £60.00")
        super().__init__(*args, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        pence = pence_from_text(text)
        if pence is None or pence <= 0:
            raise forms.ValidationError("Give an amount of money, like £60.00.")
        return pence


class OutcomeForm(forms.Form):
    wellbeing_area = forms.ChoiceField(
        label="Which part of life is this about?",
        choices=CareActArea.choices,
        widget=forms.RadioSelect,
    )
    in_my_words = forms.CharField(label="What I want, in my words", widget=forms.Textarea)
    support = forms.CharField(label="The support that will help", widget=forms.Textarea)
    cost = MoneyField(label="What the support costs over the budget's period")


class AgreeForm(forms.Form):
    how_shown = ReasonField(
        label="How did they show you they agree?",
        required=False,
        widget=forms.Textarea,
        help_text="For example, they nodded and pointed to 'yes' on their easy read plan.",
    )


class ApproveForm(forms.Form):
    pass


class PaymentForm(forms.Form):
    payee = forms.CharField(
        label="Who is the payment to?",
        max_length=150,
        required=False,
        help_text="The provider's name, as on their invoice",
    )
    organization = forms.ChoiceField(label="Or choose a listed organisation", required=False)
    amount = MoneyField(label="How much?")
    description = forms.CharField(label="What for", max_length=200, required=False)
    happened_on = date_field("When was it paid?")

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [("", "None of these")] + [
            (str(o.pk), o.name) for o in organizations
        ]

    def clean(self):
        data = super().clean()
        if not data.get("payee", "").strip() and not data.get("organization"):
            self.add_error("payee", "Say who the payment is to.")
        return data


class ReverseForm(forms.Form):
    reason = ReasonField(label="Why is this payment being reversed?", widget=forms.Textarea)


class MoneyInForm(forms.Form):
    amount = MoneyField(label="How much came in from the council?")
    happened_on = date_field("When did it come in?")

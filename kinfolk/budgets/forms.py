"""Forms for a plan's outcomes, agreeing, paying, reversing and money in."""

from django import forms

from kinfolk.core.forms import ReasonField, date_field
from kinfolk.wellbeing.models import CareActArea

from .models import BudgetKind, HeldBy
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


class FindPersonForm(forms.Form):
    q = forms.CharField(label="Whose budget is it?", max_length=100, required=False,
                        help_text="Type part of their name")  # fmt: skip


class SetUpForm(forms.Form):
    """A new budget: how it is held, how much, for when, who holds and who manages it."""

    kind = forms.ChoiceField(
        label="How is the budget held?", choices=BudgetKind.choices, widget=forms.RadioSelect
    )
    amount = MoneyField(label="How much is the budget for the whole period?")
    starts_on = date_field("When does the budget start?")
    ends_on = date_field("When does it end?", help_text="Usually a year after it starts")
    held_by = forms.ChoiceField(
        label="Who holds the money?", choices=HeldBy.choices, widget=forms.RadioSelect
    )
    holder_name = forms.CharField(
        label="Their name",
        max_length=150,
        help_text="The person, their representative, or the organisation holding it",
    )
    manager = forms.ChoiceField(
        label="Who records what is paid from it?",
        help_text="They keep the budget's ledger. Only people the person knows are offered.",
    )

    def __init__(self, *args, managers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].choices = [("", "Choose someone")] + [
            (str(user.pk), why) for user, why in managers
        ]

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends <= starts:
            self.add_error("ends_on", "The budget must end after it starts.")
        return data


class PlanWordsForm(forms.Form):
    in_my_words = forms.CharField(
        label="What I want my life to look like",
        widget=forms.Textarea,
        max_length=3000,
        help_text="In the person's own words. They can change it until the plan is agreed.",
    )


class ReviewForm(forms.Form):
    reviewed_on = date_field("When was the budget and plan reviewed with the person?")

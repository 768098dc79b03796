"""Social prescribing forms."""

from datetime import date

from django import forms

from kinfolk.core.forms import DatePartsField, NameField, ReasonField, date_field

from .models import Reason


class ReferForm(forms.Form):
    person = forms.ChoiceField(label="Who are you referring?", required=False)
    given_name = NameField(label="First name (someone new)", required=False, max_length=100)
    family_name = NameField(label="Last name (someone new)", required=False, max_length=100)
    date_of_birth = DatePartsField(label="Date of birth", required=False)
    nhs_number = forms.CharField(label="NHS number (optional)", required=False, max_length=14)
    phone = forms.CharField(label="Phone number (optional)", required=False, max_length=40)
    practice = forms.ChoiceField(label="Your practice or team")
    reasons = forms.MultipleChoiceField(
        label="Why are you referring?", choices=Reason.choices, widget=forms.CheckboxSelectMultiple
    )
    what_matters = forms.CharField(
        label="What matters to them, in their words", widget=forms.Textarea, required=False
    )
    consent_recorded = forms.BooleanField(
        label="They agreed to be referred, and to a link worker contacting them", required=False
    )
    consent_given_by = forms.ChoiceField(
        label="Who agreed?",
        choices=[("person", "The person"), ("representative", "Someone who can decide for them")],
        widget=forms.RadioSelect,
        initial="person",
    )

    def __init__(self, *args, people=(), practices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice"].choices = [("", "Choose your practice or team")] + [
            (p.ods_code, f"{p.name} ({p.ods_code})") for p in practices
        ]
        self.fields["person"].choices = [("", "Someone new (enter their details below)")] + [
            (str(p.pk), p.full_name) for p in people
        ]

    def new_person(self) -> dict:
        return {k: self.cleaned_data.get(k) for k in
                ("given_name", "family_name", "date_of_birth", "nhs_number", "phone")}  # fmt: skip


class ConversationForm(forms.Form):
    held_on = date_field("When did you talk?", initial=date.today)
    notes = forms.CharField(label="What you talked about", widget=forms.Textarea)


class GoalForm(forms.Form):
    in_their_words = forms.CharField(label="A goal, in their words", max_length=300)


class CommunityForm(forms.Form):
    service = forms.ChoiceField(label="The activity they chose to try", widget=forms.RadioSelect)
    note = forms.CharField(label="A note for the organisation (optional)", required=False,
                           widget=forms.Textarea)  # fmt: skip
    contact_shared = forms.BooleanField(
        label="They agreed that the organisation may phone or email them", required=False
    )

    def __init__(self, *args, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [
            (str(s.pk), f"{s.name} ({s.organization.name})") for s in services
        ]


class PracticeForm(forms.Form):
    ods_code = forms.CharField(
        label="ODS code",
        max_length=10,
        help_text="The practice's NHS organisation code, like B82005",
    )
    name = forms.CharField(label="Name", max_length=150)
    postcode = forms.CharField(label="Postcode (optional)", max_length=10, required=False)


class OutcomeForm(forms.Form):
    """Which button was pressed: the latest ONS4 as the start, or as the follow-up (the service
    says if it is neither)."""

    stage = forms.CharField(required=False, strip=False)


class PressedForm(forms.Form):
    """A button with nothing to fill in (take a referral, they have started going)."""


class CloseForm(forms.Form):
    summary = forms.CharField(label="Summary for the referrer", widget=forms.Textarea)


class DeclineForm(forms.Form):
    reason = ReasonField(label="Reason (optional)", required=False, widget=forms.Textarea)


class DecideForm(forms.Form):
    accept = forms.ChoiceField(choices=[("yes", "Accept"), ("no", "Decline")])
    reason = ReasonField(label="Reason (needed to decline)", required=False)

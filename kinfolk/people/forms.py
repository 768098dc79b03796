from django import forms

from kinfolk.core.forms import DatePartsField, NameField, ReasonField

from .models import Assignment, GrantScope, Relationship
from .nhs_number import normalise_nhs_number, validate_nhs_number


class PersonForm(forms.Form):
    given_name = NameField(label="First name", max_length=100)
    family_name = NameField(label="Last name", max_length=100)
    preferred_name = NameField(
        label="What they like to be called",
        max_length=100,
        required=False,
        help_text="Leave blank if it is their first name",
    )
    date_of_birth = DatePartsField(label="Date of birth", required=False)
    email = forms.EmailField(label="Email address", required=False)
    phone = forms.CharField(label="Phone number", max_length=40, required=False)
    address = forms.CharField(label="Address", widget=forms.Textarea, required=False)
    postcode = forms.CharField(label="Postcode", max_length=10, required=False)
    nhs_number = forms.CharField(
        label="NHS number",
        max_length=14,
        required=False,
        help_text="Optional. 10 digits, like 485 777 3456",
    )
    communication_needs = forms.CharField(
        label="Communication needs",
        widget=forms.Textarea,
        required=False,
        help_text="For example, easy read, British Sign Language, Makaton, or a large print",
    )
    what_matters_to_me = forms.CharField(
        label="What matters to me",
        widget=forms.Textarea,
        required=False,
        help_text="In the person's own words",
    )
    can_do = forms.CharField(label="What I can do", widget=forms.Textarea, required=False)
    could_do_with_support = forms.CharField(
        label="What I could do with support", widget=forms.Textarea, required=False
    )
    rely_on_services_for = forms.CharField(
        label="What I rely on services for", widget=forms.Textarea, required=False
    )

    def clean_nhs_number(self) -> str:
        value = normalise_nhs_number(self.cleaned_data["nhs_number"])
        validate_nhs_number(value)
        return value

    def clean_postcode(self) -> str:
        return self.cleaned_data["postcode"].upper().strip()


class GrantForm(forms.Form):
    email = forms.EmailField(
        label="Their email address",
        help_text="They need a Kinfolk account as a family member, friend or advocate",
    )
    relationship = forms.ChoiceField(label="Who are they to you?", choices=Relationship.choices)
    scope = forms.ChoiceField(label="What can they do?", choices=GrantScope.choices)


class BreakGlassForm(forms.Form):
    reason = ReasonField(
        label="Why do you need to see this record now?",
        help_text="Your area admin reviews every use of emergency access",
        widget=forms.Textarea,
        max_length=2000,
    )


class AllocateForm(forms.Form):
    person = forms.ChoiceField(label="Person")
    worker = forms.ChoiceField(label="Worker")
    kind = forms.ChoiceField(label="Relationship", choices=Assignment.Kind.choices)

    def __init__(self, *args, people=(), workers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "Choose a person")] + [
            (str(p.pk), p.told_apart) for p in people
        ]
        self.fields["worker"].choices = [("", "Choose a worker")] + [
            (str(m.user_id), f"{m.user.display_name} ({m.get_role_display()}, {m.user.email})")
            for m in workers
        ]

from django import forms

from .models import Role


class SignInForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    password = forms.CharField(label="Password", strip=False, widget=forms.PasswordInput)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code from your authenticator app",
        max_length=12,
    )


class ActingAsForm(forms.Form):
    membership = forms.TypedChoiceField(label="Which role are you using now?", coerce=int)

    def __init__(self, *args, memberships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].choices = [
            (m.pk, f"{m.get_role_display()} in {m.area.name}") for m in memberships
        ]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="What will use this token?",
        help_text="For example, 'Scheme reporting spreadsheet'",
        max_length=120,
    )


class MembershipForm(forms.Form):
    email = forms.EmailField(label="Email address of their account")
    role = forms.ChoiceField(label="Role", choices=Role.choices)

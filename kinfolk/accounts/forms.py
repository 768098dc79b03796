from django import forms

from .models import Role
from .services import DEFAULT_LIFETIME_DAYS, TOKEN_LIFETIMES_DAYS


class SignInForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    password = forms.CharField(label="Password", strip=False, widget=forms.PasswordInput)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code from your authenticator app",
        max_length=20,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )


class SecondStepForm(CodeForm):
    """The sign-in's second step: the app's code, or a recovery code if the phone is lost."""

    code = forms.CharField(
        label="Security code",
        help_text=(
            "The 6-digit code from your authenticator app. Lost your phone? Enter one of your "
            "recovery codes instead."
        ),
        max_length=20,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )


class EnrolForm(CodeForm):
    """Set up an authenticator app; replacing one needs proof from the current one."""

    current_code = forms.CharField(
        label="Code from your current authenticator app, or a recovery code",
        max_length=20,
        required=False,
    )
    code = forms.CharField(
        label="Code from the new app",
        help_text="The 6-digit code the app you just set up shows",
        max_length=20,
        error_messages={"required": "Enter the 6-digit code the new app shows"},
    )

    def __init__(self, *args, replacing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.replacing = replacing
        if not replacing:
            del self.fields["current_code"]
            self.fields["code"].label = "Security code"
        else:
            self.order_fields(["current_code", "code"])

    def clean_current_code(self):
        value = self.cleaned_data.get("current_code", "").strip()
        if self.replacing and not value:
            raise forms.ValidationError(
                "Enter a code from your current authenticator app, or one of your recovery codes"
            )
        return value


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
        error_messages={"required": "Enter what will use this token"},
    )
    days = forms.TypedChoiceField(
        label="How long should it work?",
        coerce=int,
        choices=[(days, f"{days} days") for days in TOKEN_LIFETIMES_DAYS],
        initial=DEFAULT_LIFETIME_DAYS,
        required=False,
        empty_value=DEFAULT_LIFETIME_DAYS,
    )


class MembershipForm(forms.Form):
    email = forms.EmailField(label="Email address of their account")
    role = forms.ChoiceField(label="Role", choices=Role.choices)


def new_password_field() -> forms.CharField:
    return forms.CharField(
        label="New password",
        help_text="At least 12 characters. A few unrelated words together work well.",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter a new password"},
    )


class PasswordChangeForm(forms.Form):
    current_password = forms.CharField(
        label="Current password",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter your current password"},
    )
    new_password = new_password_field()


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter the email address you sign in with",
            "invalid": "Enter an email address in the right format, like name@example.com",
        },
    )


class PasswordResetForm(forms.Form):
    new_password = new_password_field()


class MembershipSearchForm(forms.Form):
    words = forms.CharField(label="Name or email", required=False, max_length=100)
    role = forms.ChoiceField(
        label="Role", required=False, choices=[("", "Any role"), *Role.choices]
    )

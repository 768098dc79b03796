"""Forms for family carers' pages: each question in the words of the person answering it."""

from django import forms

from .models import CallMade, EmergencyPlan

ANSWER_YES_NO = [("yes", "Yes"), ("no", "No")]


class CaredForForm(forms.Form):
    name = forms.CharField(label="Their name", max_length=150)
    about = forms.CharField(
        label="A few details (optional)",
        required=False,
        widget=forms.Textarea,
        help_text="For example their age, and how you are related.",
    )
    what_i_do = forms.CharField(
        label="What I do for them (optional)", required=False, widget=forms.Textarea
    )
    what_would_help = forms.CharField(
        label="What would help me (optional)", required=False, widget=forms.Textarea
    )


class LinkForm(forms.Form):
    name = forms.CharField(label="Their name", max_length=150)
    email = forms.EmailField(
        label="The email address they sign in to Kinfolk with",
        help_text="We will ask them (or whoever acts for them) whether you may link your plan to "
        "their record. You will see nothing of their record unless they say yes.",
    )
    what_i_do = forms.CharField(
        label="What I do for them (optional)", required=False, widget=forms.Textarea
    )
    what_would_help = forms.CharField(
        label="What would help me (optional)", required=False, widget=forms.Textarea
    )


class PlanForm(forms.ModelForm):
    what_i_do = forms.CharField(label="What I do for them", required=False, widget=forms.Textarea)
    what_would_help = forms.CharField(
        label="What would help me", required=False, widget=forms.Textarea
    )

    class Meta:
        model = EmergencyPlan
        fields = [
            "can_be_left",
            "medicines",
            "medicines_kept",
            "allergies",
            "needs",
            "mobility",
            "communication",
            "routines",
            "behaviour",
            "gp",
            "pharmacy",
            "services",
            "pets",
            "keys_where",
            "keys_held_by",
        ]
        widgets = {
            name: forms.Textarea
            for name in (
                "medicines",
                "needs",
                "mobility",
                "communication",
                "routines",
                "behaviour",
                "services",
            )
        }
        help_texts = {
            "can_be_left": "For example: not at all, 2 hours, overnight with a phone call.",
            "allergies": "Write 'None known' if there are none.",
        }


class ContactForm(forms.Form):
    name = forms.CharField(label="Their name", max_length=150)
    phone = forms.CharField(
        label="Phone number", max_length=40, help_text="The number to call them on in an emergency."
    )
    email = forms.EmailField(
        label="Email address", help_text="We send them a link to say whether they agree."
    )
    relationship = forms.CharField(
        label="How they know you (optional)", max_length=80, required=False
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(label="Your answer", choices=ANSWER_YES_NO, widget=forms.RadioSelect)


class NewAccountForm(forms.Form):
    display_name = forms.CharField(label="Your name", max_length=150)
    password = forms.CharField(
        label="Choose a password", widget=forms.PasswordInput, help_text="At least 12 characters."
    )


class CardNumberForm(forms.Form):
    number = forms.CharField(
        label="Card number",
        max_length=40,
        help_text="The 16 digits on the carer's emergency card.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class CallForm(forms.Form):
    contact = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(
        label="What they said", choices=CallMade.Answer.choices, widget=forms.RadioSelect
    )


class AssessmentForm(forms.Form):
    what_to_talk_about = forms.CharField(
        label="What would you like to talk about? (optional)",
        required=False,
        widget=forms.Textarea,
    )
    best_way_to_contact = forms.CharField(
        label="The best way to contact you (optional)", max_length=200, required=False
    )


class StatusForm(forms.Form):
    from .models import AssessmentRequest as _Request

    status = forms.ChoiceField(label="Status", choices=_Request.Status.choices)


class EmergencySettingsForm(forms.Form):
    team_name = forms.CharField(
        label="The team's name", max_length=120, initial="Carers emergency response team"
    )
    twenty_four_hour_number = forms.CharField(label="24-hour phone number", max_length=40)

from django import forms

URGENCY = [
    ("yes", "Yes: I am worried about their safety or health now"),
    ("no", "No: it can wait a few days"),
]


class ConcernForm(forms.Form):
    worry = forms.CharField(
        label="What worries you?",
        widget=forms.Textarea,
        max_length=3000,
        help_text="What you have seen, and who you have already told.",
    )
    urgent = forms.ChoiceField(label="Is it urgent?", choices=URGENCY, widget=forms.RadioSelect)


class AnswerForm(forms.Form):
    answer = forms.CharField(label="Your answer", widget=forms.Textarea, max_length=3000)
    next_step = forms.CharField(
        label="What happens next (optional)", widget=forms.Textarea, max_length=1000,
        required=False,
    )  # fmt: skip

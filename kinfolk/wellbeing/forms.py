"""Forms for the measures, check-ins, the circle and who sees it."""

from django import forms

from kinfolk.core.forms import NameField, date_field

from .models import CareActArea, Contact, Episode, RecordedWith, Ring, Who
from .scoring import DIRECT_LONELINESS, LSNS6_ANSWERS

NOUGHT_TO_TEN = [(n, str(n)) for n in range(11)]
UCLA_ANSWERS = [(1, "Hardly ever or never"), (2, "Some of the time"), (3, "Often")]
DIRECT_WORDS = dict(
    zip(
        DIRECT_LONELINESS,
        ["Often or always", "Some of the time", "Occasionally", "Hardly ever", "Never"],
        strict=True,
    )
)


def _scale(label: str, choices, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=choices, coerce=int, widget=forms.RadioSelect, help_text=help_text
    )


class AnsweredBy(forms.Form):
    recorded_with = forms.ChoiceField(
        label="Who is answering?", choices=RecordedWith.choices, widget=forms.RadioSelect,
        initial=RecordedWith.SELF,
    )  # fmt: skip


class Ons4Form(AnsweredBy):
    life_satisfaction = _scale(
        "Overall, how satisfied are you with your life nowadays?", NOUGHT_TO_TEN,
        "0 is not at all, 10 is completely",
    )  # fmt: skip
    worthwhile = _scale(
        "Overall, to what extent do you feel that the things you do in your life are "
        "worthwhile?", NOUGHT_TO_TEN, "0 is not at all, 10 is completely",
    )  # fmt: skip
    happiness = _scale(
        "Overall, how happy did you feel yesterday?", NOUGHT_TO_TEN,
        "0 is not at all, 10 is completely",
    )  # fmt: skip
    anxiety = _scale(
        "Overall, how anxious did you feel yesterday?", NOUGHT_TO_TEN,
        "0 is not at all, 10 is completely",
    )  # fmt: skip


class LonelinessForm(AnsweredBy):
    lack_companionship = _scale("How often do you feel that you lack companionship?", UCLA_ANSWERS)
    left_out = _scale("How often do you feel left out?", UCLA_ANSWERS)
    isolated = _scale("How often do you feel isolated from others?", UCLA_ANSWERS)
    how_often_lonely = forms.ChoiceField(
        label="How often do you feel lonely?", choices=list(DIRECT_WORDS.items()),
        widget=forms.RadioSelect,
    )  # fmt: skip


LSNS_CHOICES = list(enumerate(LSNS6_ANSWERS))


class Lsns6Form(AnsweredBy):
    relatives_seen = _scale(
        "How many relatives do you see or hear from at least once a month?", LSNS_CHOICES
    )
    relatives_private = _scale(
        "How many relatives do you feel at ease with that you can talk about private matters?",
        LSNS_CHOICES,
    )
    relatives_help = _scale(
        "How many relatives do you feel close to such that you could call on them for help?",
        LSNS_CHOICES,
    )
    friends_seen = _scale(
        "How many of your friends do you see or hear from at least once a month?", LSNS_CHOICES
    )
    friends_private = _scale(
        "How many friends do you feel at ease with that you can talk about private matters?",
        LSNS_CHOICES,
    )
    friends_help = _scale(
        "How many friends do you feel close to such that you could call on them for help?",
        LSNS_CHOICES,
    )


def swemwbs_form(wording: dict):
    """SWEMWBS with the organisation's licensed wording (never stored in this repository)."""
    fields = {
        name: _scale(
            text,
            [
                (1, "None of the time"),
                (2, "Rarely"),
                (3, "Some of the time"),
                (4, "Often"),
                (5, "All of the time"),
            ],
        )  # fmt: skip
        for name, text in sorted(wording.items())
    }
    return type("SwemwbsForm", (AnsweredBy,), fields)


MEASURE_FORMS = {"ons4": Ons4Form, "loneliness": LonelinessForm, "lsns6": Lsns6Form}


class CheckInForm(AnsweredBy):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in CareActArea.choices:
            self.fields[f"{value}_going"] = forms.ChoiceField(
                label=label, required=False, widget=forms.RadioSelect,
                choices=[("well", "Going well"), ("ok", "OK"), ("not well", "Not going well")],
            )  # fmt: skip
            self.fields[f"{value}_words"] = forms.CharField(
                label=f"{label}: in your words (optional)", required=False, widget=forms.Textarea
            )
        self.fields["can_do"] = forms.CharField(
            label="What I can do", required=False, widget=forms.Textarea
        )
        self.fields["could_do_with_support"] = forms.CharField(
            label="What I could do with support", required=False, widget=forms.Textarea
        )
        self.fields["rely_on_services_for"] = forms.CharField(
            label="What I rely on services for", required=False, widget=forms.Textarea
        )

    def areas(self) -> dict:
        data = self.cleaned_data
        return {
            value: {"going": data[f"{value}_going"], "words": data[f"{value}_words"], "help": ""}
            for value in CareActArea.values
        }

    def assets(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("can_do", "could_do_with_support",
                                                   "rely_on_services_for")}  # fmt: skip


class CircleMemberForm(forms.Form):
    name = NameField(label="Who are they?", max_length=100, help_text="A name, or 'my neighbour'")
    who = forms.ChoiceField(label="They are", choices=Who.choices)
    ring = forms.TypedChoiceField(
        label="How close are they?", choices=Ring.choices, coerce=int, widget=forms.RadioSelect
    )
    contact = forms.ChoiceField(label="How often are you in touch?", choices=Contact.choices)
    paid = forms.BooleanField(label="They are paid to support me", required=False)


class VisibilityForm(forms.Form):
    workers = forms.BooleanField(label="Workers allocated to support me", required=False)
    representatives = forms.BooleanField(
        label="Family, friends or advocates I chose to see my record", required=False
    )


class EpisodeForm(forms.Form):
    service = forms.CharField(
        label="Service", max_length=150, help_text="e.g. Riverside Day Centre"
    )
    kind = forms.ChoiceField(label="Kind of support", choices=Episode.Kind.choices)
    started_on = date_field("Started on")

"""Forms for Shared Lives pages; the rules themselves live in services."""

from datetime import date

from django import forms

from kinfolk.core.forms import NameField, ReasonField, date_field

from .models import (
    ARRANGEMENT_CHOICES,
    ATMOSPHERE_CHOICES,
    GENDER_CHOICES,
    NEED_CHOICES,
    RHYTHM_CHOICES,
    ApplicationStep,
    Course,
    PanelDecision,
    ReferralSource,
    ShownHow,
    Side,
)
from .rules import REPRESENTATIVE, SCHEME, THEMSELVES

YES_NO = [("yes", "Yes"), ("no", "No")]


def _date(label: str, **kwargs) -> forms.DateField:
    return date_field(label, **kwargs)


def _words(label: str, required: bool = False, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, widget=forms.Textarea, required=required, help_text=help_text
    )


def _reason(label: str, required: bool = False, help_text: str = "") -> ReasonField:
    return ReasonField(label=label, widget=forms.Textarea, required=required, help_text=help_text)


def _list(label: str, help_text: str = "Separate with commas") -> forms.CharField:
    return forms.CharField(label=label, required=False, help_text=help_text)


def split_list(text: str) -> list[str]:
    return [w.strip() for w in (text or "").split(",") if w.strip()]


class ReferralForm(forms.Form):
    source = forms.ChoiceField(
        label="Who made the referral?", choices=ReferralSource.choices, widget=forms.RadioSelect
    )
    referrer_name = NameField(label="Name of the referrer (optional)", required=False)
    received_on = _date("Date the referral was received", initial=date.today)
    has_own_home = forms.ChoiceField(
        label="Does the person have their own home?", choices=YES_NO, widget=forms.RadioSelect
    )
    family_able_to_support = forms.ChoiceField(
        label="Is their family able and willing to support them there?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )


class HomeFirstForm(forms.Form):
    has_own_home = forms.ChoiceField(
        label="Does the person have their own home?", choices=YES_NO, widget=forms.RadioSelect
    )
    family_able_to_support = forms.ChoiceField(
        label="Is their family able and willing to support them there?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )


class PersonsChoiceForm(forms.Form):
    words = _words(
        "The person's own choice to look at Shared Lives, in their words",
        required=True,
        help_text="Write what they said, as they said it.",
    )


class AssessmentForm(forms.Form):
    assessed_on = _date("Date of the assessment visit")
    postcode = forms.CharField(label="Postcode where they live now", max_length=10)
    arrangement_types = forms.MultipleChoiceField(
        label="What kind of Shared Lives are they looking for?",
        choices=ARRANGEMENT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    support_needs = forms.MultipleChoiceField(
        label="Support needs",
        choices=NEED_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    wishes = _words("What they would like from Shared Lives")
    hobbies = _words("What they enjoy")
    risks = _words("Risks, and how they are managed")
    easy_read = _words("About me, in easy read", help_text="Short sentences the person agrees with")
    interests = _list("Interests", "For example: gardening, football, cooking")
    languages = _list("Languages they speak")
    faith = forms.CharField(label="Faith (optional)", required=False)
    faith_important = forms.BooleanField(
        label="Sharing their faith with the household matters to them", required=False
    )
    diet = forms.CharField(label="Diet (optional)", required=False, help_text="e.g. halal")
    atmosphere = forms.ChoiceField(
        label="What kind of home suits them?", choices=ATMOSPHERE_CHOICES, widget=forms.RadioSelect
    )
    daily_rhythm = forms.ChoiceField(
        label="Their daily rhythm", choices=RHYTHM_CHOICES, widget=forms.RadioSelect
    )
    personal_care_gender = forms.ChoiceField(
        label="Who they want to give personal care",
        choices=[("", "No preference"), *GENDER_CHOICES],
        required=False,
    )
    needs_step_free = forms.BooleanField(label="Needs step-free access", required=False)
    needs_ground_floor_bedroom = forms.BooleanField(
        label="Needs a ground-floor bedroom", required=False
    )
    needs_own_bathroom = forms.BooleanField(label="Needs their own bathroom", required=False)
    pet_allergy = forms.BooleanField(label="Allergic to pets", required=False)
    wants_no_pets = forms.BooleanField(label="Would rather not live with pets", required=False)
    needs_smoke_free = forms.BooleanField(label="Needs a smoke-free home", required=False)
    children_ok = forms.BooleanField(label="Happy with children in the home", required=False)
    place_name = forms.CharField(
        label="A person or place that matters (optional)",
        required=False,
        help_text="For example: my sister Ama, or work at the garden centre",
    )
    place_postcode = forms.CharField(label="Its postcode", required=False, max_length=10)
    place_max_minutes = forms.IntegerField(
        label="How many minutes away is too far?", required=False, min_value=5, max_value=180
    )
    share_with_suitable_carers = forms.BooleanField(
        label="The person is happy for suitable approved carers to see their introduction "
        "profile and ask to meet them",
        required=False,
    )

    def changes(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("interests", "languages"):
            data[name] = split_list(data[name])
        name = data.pop("place_name")
        postcode = data.pop("place_postcode")
        minutes = data.pop("place_max_minutes")
        data["places_that_matter"] = (
            [{"name": name, "postcode": postcode, "max_minutes": minutes or 30, "kind": "family"}]
            if name
            else []
        )
        return data


class WhyNotForm(forms.Form):
    carer = forms.ChoiceField(label="Which household?")

    def __init__(self, *args, carers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carer"].choices = [("", "Choose a household")] + [
            (str(c.pk), c.name) for c in carers
        ]


SHOWN_HOW = [(value, label[0].upper() + label[1:]) for value, label in ShownHow.choices]


class ForSomeoneForm(forms.Form):
    """What a side said, and, when someone records it for them, how they showed it. The fields
    follow who is speaking: a side for itself answers about itself; a representative for the
    person; the worker says whose answer it is. The service enforces the rule (ADR 0027)."""

    # Not required here: the service refuses a missing answer in words that name the side.
    side = forms.ChoiceField(
        label="Who is this for?", choices=Side.choices, widget=forms.RadioSelect, required=False
    )
    shown_how = forms.ChoiceField(
        label="How did they show it?", choices=SHOWN_HOW, widget=forms.RadioSelect, required=False
    )
    note = forms.CharField(
        label="What they said or did (optional)",
        required=False,
        max_length=300,
        help_text="For example: nodded and said 'yes, Ann's house'",
    )

    def __init__(self, *args, speaker: str | None = None, name: str = "they", **kwargs):
        super().__init__(*args, **kwargs)
        self.speaker = speaker
        if speaker != SCHEME:
            del self.fields["side"]
        if speaker not in (REPRESENTATIVE, SCHEME):
            del self.fields["shown_how"], self.fields["note"]
        elif speaker == REPRESENTATIVE:
            self.fields["shown_how"].label = f"How did {name} show it?"
        last = ["shown_how", "note"]
        self.order_fields(["side", *[f for f in self.fields if f not in ("side", *last)], *last])

    def voice(self) -> dict:
        """The service's `side`, `shown_how` and `note` arguments."""
        data = self.cleaned_data
        # A side speaking for itself has no "side" question; if it posts one anyway, the
        # service hears it and refuses anyone speaking for the other side.
        return {
            "side": data.get("side") or self.data.get("side") or None,
            "shown_how": data.get("shown_how", ""),
            "note": data.get("note", ""),
        }


class StageViewForm(ForSomeoneForm):
    carry_on = forms.ChoiceField(
        label="Would you like to carry on to the next step?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    view = _words("How did it go for you?", help_text="In your own words (optional)")
    happened_on = _date("When did it happen?", required=False)

    def __init__(self, *args, meeting: str = "meeting", **kwargs):
        super().__init__(*args, **kwargs)
        name = kwargs.get("name", "they")
        if self.speaker == THEMSELVES:
            self.fields["view"].label = f"How did the {meeting} go for you?"
            del self.fields["happened_on"]
        else:
            self.fields["view"].label = f"How did the {meeting} go for them, in their words?"
            self.fields["view"].help_text = ""
            self.fields["carry_on"].label = (
                f"Does {name} want to carry on to the next step?"
                if self.speaker == REPRESENTATIVE
                else "Do they want to carry on to the next step?"
            )


class DeclineForm(ForSomeoneForm):
    reason = _reason(
        "Reason (optional)",
        help_text="You do not have to give a reason. It will not count against you.",
    )


class NotForMeForm(forms.Form):
    reason = forms.CharField(
        label="Why not? (optional)",
        required=False,
        max_length=300,
        help_text="You do not have to say why.",
    )


class ArrangementForm(forms.Form):
    starts_on = _date("Start date")
    agreement_signed_by_person_on = _date(
        "Date the person signed the Shared Lives Arrangement Agreement", required=False
    )
    agreement_signed_by_carer_on = _date(
        "Date the carer signed the Shared Lives Arrangement Agreement", required=False
    )
    licence_signed_by_person_on = _date(
        "Date the person signed the Licence Agreement (living together)", required=False
    )
    licence_signed_by_carer_on = _date(
        "Date the carer signed the Licence Agreement (living together)", required=False
    )
    band = forms.TypedChoiceField(
        label="Payment band", choices=[(1, "Band 1"), (2, "Band 2"), (3, "Band 3")], coerce=int
    )
    nights_or_sessions_per_month = forms.IntegerField(
        label="Nights or sessions a month (short breaks and day support)",
        min_value=0,
        max_value=31,
        initial=0,
    )


class ReviewForm(forms.Form):
    done_on = _date("Date of the review or visit", initial=date.today)
    person_view = _words(
        "The person's view",
        required=True,
        help_text="In their words. If they chose not to say, write that.",
    )
    carer_view = _words("The carer's view", required=True)
    going_well = _words("What is going well")
    to_change = _words("What to change")
    agreed_actions = _words("Actions agreed", help_text="Who will do what, and by when")
    back_to_panel = forms.ChoiceField(
        label="Send the household back to panel?",
        choices=[("no", "No"), ("yes", "Yes: panel should look again at their approval")],
        widget=forms.RadioSelect,
        initial="no",
    )

    def clean_back_to_panel(self):
        return self.cleaned_data["back_to_panel"] == "yes"


class AskForReviewForm(forms.Form):
    reason = _reason("What would you like to talk about? (optional)")


class EndForm(forms.Form):
    side = forms.ChoiceField(label="Who asked to end it?", choices=Side.choices, required=False)
    reason = _reason("Why is the arrangement ending?", required=True)
    next_step = _words(
        "What happens next",
        help_text="Where the person will live and who will support them. Needed when they "
        "live with the carer: no one is left without support.",
    )
    ended_on = _date("Last day", initial=date.today)


class CarerEnquiryForm(forms.Form):
    name = NameField(label="Household name", max_length=150)
    postcode = forms.CharField(label="Postcode", max_length=10)


class ApplicationCheckForm(forms.Form):
    step = forms.ChoiceField(label="Step", choices=ApplicationStep.choices)
    completed_on = _date("Date done", initial=date.today)
    note = forms.CharField(label="Note (optional)", required=False, max_length=300)


class PanelForm(forms.Form):
    panel_date = _date("Panel date")
    members = _words("Panel members and their roles", required=True)
    decision = forms.ChoiceField(
        label="Decision", choices=PanelDecision.Decision.choices[:3], widget=forms.RadioSelect
    )
    reasons = _reason("Reasons", help_text="Needed when the panel defers or does not approve")
    approved_types = forms.MultipleChoiceField(
        label="Approved for",
        choices=ARRANGEMENT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    approved_needs = forms.MultipleChoiceField(
        label="Needs approved for",
        choices=NEED_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    places = forms.IntegerField(label="Places (at most 3)", min_value=0, initial=0)
    rooms = forms.IntegerField(label="Rooms", min_value=0, initial=0)


class ApprovalReviewForm(PanelForm):
    """Panel looks again at an approved household."""

    decision = forms.ChoiceField(
        label="Decision",
        choices=[
            (PanelDecision.Decision.APPROVED, "Approval continues as it is"),
            (PanelDecision.Decision.TERMS_CHANGED, "Change the approval terms (below)"),
            (PanelDecision.Decision.SUSPENDED, "Suspend approval: no new introductions"),
            (PanelDecision.Decision.SUSPENSION_LIFTED, "Lift the suspension"),
        ],
        widget=forms.RadioSelect,
    )
    reasons = _reason("Reasons", help_text="Needed unless approval simply continues")


class PanelDateForm(forms.Form):
    panel_on = _date("Panel date")


class LeavingForm(forms.Form):
    """A household stops being Shared Lives carers; each arrangement gets its next step."""

    in_their_words = _reason("Why we are stopping, in our words", required=True)
    left_on = _date("Last day as a Shared Lives carer", initial=date.today)

    def __init__(self, *args, arrangements=(), **kwargs):
        super().__init__(*args, **kwargs)
        for a in arrangements:
            self.fields[f"next_step_{a.pk}"] = forms.CharField(
                label=f"What happens next for {a.person.called}",
                widget=forms.Textarea,
                help_text="Where they will live or be supported, and who will support them.",
                error_messages={
                    "required": f"Record what happens next for {a.person.called}: no one is "
                    "left without support."
                },
            )

    def next_steps(self) -> dict:
        return {
            int(name.removeprefix("next_step_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("next_step_")
        }


class TrainingForm(forms.Form):
    course = forms.ChoiceField(label="Course", choices=Course.choices)
    completed_on = _date("Date completed")


class CheckDoneForm(forms.Form):
    done_on = _date("Date done", initial=date.today)
    notes = _words("Notes")


# --- the carer's own record -----------------------------------------------------------------


class CarerApplyForm(forms.Form):
    name = NameField(label="Your name", max_length=150)
    email = forms.EmailField(
        label="Email address", help_text="We will only use this to get in touch about Shared Lives."
    )
    postcode = forms.CharField(label="Your postcode", max_length=10)
    words = _words(
        "Tell us a little about you and your household (optional)",
        help_text="For example: who lives with you, and why you would like to be a carer.",
    )


class CarerInviteForm(forms.Form):
    name = NameField(label="Carer's full name", max_length=150)
    email = forms.EmailField(label="Carer's email address")


class ReturnChangeForm(forms.Form):
    reason = _reason(
        "Why are you sending the changes back?",
        required=True,
        help_text="The carer will read this.",
    )


class HouseholdPhotoForm(forms.Form):
    photo = forms.FileField(label="Photo", help_text="A JPEG or PNG, smaller than 10 MB.")
    caption = forms.CharField(
        label="What does the photo show?",
        max_length=200,
        help_text="For example: our back garden, or the spare room.",
    )
    everyone_agreed = forms.BooleanField(
        label="Everyone in this photo agreed to it being shown", required=False
    )


YES_NO_BOOL = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO_BOOL,
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
    )


# The questions on "Your household", in groups; every field the matching engine uses.
PROFILE_GROUPS = [
    ("Your home", ["step_free", "ground_floor_bedroom", "own_bathroom", "smokes", "pets"]),
    ("Who lives here", ["household_members", "children_at_home", "carer_genders"]),
    ("What you enjoy", ["interests", "atmosphere", "languages"]),
    ("Food and faith", ["diets", "faith"]),
    ("Who you feel confident supporting", ["confident_with", "skills", "min_age", "max_age"]),
    ("A typical day", ["daily_rhythm", "day_support_travel_minutes"]),
    ("About us in your own words", ["profile"]),
]
LIST_FIELDS = ("skills", "interests", "languages", "diets")
YES_NO_FIELDS = ("step_free", "ground_floor_bedroom", "own_bathroom", "smokes", "children_at_home")


class HouseholdProfileForm(forms.Form):
    step_free = _yes_no("Can someone get into your home without steps?")
    ground_floor_bedroom = _yes_no("Is there a bedroom they could use on the ground floor?")
    own_bathroom = _yes_no("Would they have a bathroom of their own?")
    smokes = _yes_no("Does anyone smoke in your home?")
    pets = forms.CharField(
        label="Pets",
        required=False,
        max_length=100,
        help_text="For example: a dog and two cats. Leave empty if you have none.",
    )
    household_members = _words(
        "Who lives with you?", help_text="Their first names, ages and how they are related to you."
    )
    children_at_home = _yes_no("Do children live with you?")
    carer_genders = forms.MultipleChoiceField(
        label="Who in your household would give personal care?",
        choices=GENDER_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply.",
    )
    interests = _list("What do you enjoy doing?", "For example: gardening, football, cooking")
    atmosphere = forms.ChoiceField(
        label="What is your home like?", choices=ATMOSPHERE_CHOICES, widget=forms.RadioSelect
    )
    languages = _list("Which languages do you speak at home?", "For example: English, Urdu")
    diets = _list("Which diets do you cook for?", "For example: vegetarian, halal")
    faith = forms.CharField(label="Your faith (optional)", required=False, max_length=50)
    confident_with = forms.MultipleChoiceField(
        label="Who do you feel confident supporting?",
        choices=NEED_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply.",
    )
    skills = _list("Skills or training you have", "For example: hoist, Makaton")
    min_age = forms.IntegerField(label="Youngest age you would support", min_value=0, max_value=200)
    max_age = forms.IntegerField(label="Oldest age you would support", min_value=0, max_value=200)
    daily_rhythm = forms.ChoiceField(
        label="Are you an early riser or a night owl?",
        choices=RHYTHM_CHOICES,
        widget=forms.RadioSelect,
    )
    day_support_travel_minutes = forms.IntegerField(
        label="How many minutes would you travel for day support?", min_value=0, max_value=180
    )
    profile = _words(
        "About us, in our own words",
        help_text="What a person would like to know before meeting you.",
    )

    @classmethod
    def initial_from(cls, values: dict) -> dict:
        """The form's answers from the household's values."""
        initial = dict(values)
        for name in LIST_FIELDS:
            initial[name] = ", ".join(values.get(name) or [])
        for name in YES_NO_FIELDS:
            initial[name] = "yes" if values.get(name) else "no"
        return initial

    def wanted(self) -> dict:
        """The household's values from the answers."""
        data = dict(self.cleaned_data)
        for name in LIST_FIELDS:
            data[name] = split_list(data[name])
        for name in ("pets", "faith", "household_members", "profile"):
            data[name] = (data[name] or "").strip()
        return data

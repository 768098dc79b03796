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
    Side,
)

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


class StageViewForm(forms.Form):
    side = forms.ChoiceField(label="Whose view is this?", choices=Side.choices)
    carry_on = forms.ChoiceField(
        label="Do they want to carry on to the next step?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    happened_on = _date("When did it happen?", required=False)
    view = _words("What they thought, in their words")


class DeclineForm(forms.Form):
    reason = _reason(
        "Reason (optional)",
        help_text="You do not have to give a reason. It will not count against you.",
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

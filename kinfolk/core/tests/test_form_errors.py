"""Form errors follow the NHS.UK pattern: each message names its question and links to it."""

from django import forms

from kinfolk.core.forms import error_summary_params, field_params, fieldset_params


class ReferralForm(forms.Form):
    practice = forms.CharField(label="Practice name")
    reasons = forms.ChoiceField(
        label="Why are you referring?", choices=[("a", "A")], widget=forms.RadioSelect
    )
    role = forms.ChoiceField(label="Role", choices=[("a", "A")])
    seen_on = forms.DateField(label="Date seen")


def test_required_messages_name_the_question_in_the_summary_and_by_the_field():
    form = ReferralForm({"seen_on": "31/02/2026"})
    summary = error_summary_params(form)
    texts = [item["text"] for item in summary["errorList"]]
    assert texts == [
        "Enter practice name",
        "Answer \u201cWhy are you referring?\u201d",
        "Choose role",
        "Enter a valid date for \u201cDate seen\u201d",
    ]
    assert "This field is required." not in " ".join(texts)
    assert [item["href"] for item in summary["errorList"]] == [
        "#id_practice",
        "#id_reasons",
        "#id_role",
        "#id_seen_on",
    ]
    assert field_params(form["practice"])["errorMessage"]["text"] == "Enter practice name"
    assert fieldset_params(form["reasons"])["errorMessage"]["text"].startswith("Answer")


def test_a_message_written_for_the_field_is_kept():
    class NamedForm(forms.Form):
        email = forms.EmailField(
            label="Email address", error_messages={"required": "Enter your email address"}
        )

    form = NamedForm({})
    assert error_summary_params(form)["errorList"][0]["text"] == "Enter your email address"

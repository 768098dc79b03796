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


def test_dates_are_asked_as_day_month_and_year(make_member, area, signed_in_client):
    from kinfolk.accounts.models import Role
    from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory

    worker = make_member(Role.SCHEME_WORKER, area)
    person = PersonFactory(area=area)
    AssignmentFactory(person=person, worker=worker.user)
    page = signed_in_client(worker).get(f"/shared-lives/people/{person.pk}/refer/")
    html = page.content.decode()
    assert 'type="date"' not in html
    for part in ("day", "month", "year"):
        assert f'name="received_on_{part}"' in html


def test_a_date_typed_in_parts_is_read_and_a_partial_one_is_refused():
    from kinfolk.core.forms import date_field

    class WhenForm(forms.Form):
        started_on = date_field("Started on")

    form = WhenForm({"started_on_day": "7", "started_on_month": "3", "started_on_year": "2026"})
    assert form.is_valid() and str(form.cleaned_data["started_on"]) == "2026-03-07"
    assert WhenForm({"started_on": "2026-03-07"}).is_valid()  # whole, as scripts send it
    partial = WhenForm({"started_on_day": "31", "started_on_month": "2", "started_on_year": "2026"})
    assert not partial.is_valid()
    summary = error_summary_params(partial)["errorList"][0]
    assert summary == {
        "text": "Enter a valid date for \u201cStarted on\u201d",
        "href": "#id_started_on_day",
    }
    missing = WhenForm({"started_on_day": "7", "started_on_year": "2026"})
    assert not missing.is_valid()

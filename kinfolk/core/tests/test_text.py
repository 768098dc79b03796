"""One place cleans what people type (kinfolk.core.text): names, reasons, dates of birth;
every form that takes a name or a reason uses it."""

from datetime import date, timedelta

import pytest

from kinfolk.core.text import clean_name, date_of_birth_problem, visible_text

INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)


@pytest.mark.parametrize("control", list(INVISIBLE))
def test_every_bidi_and_zero_width_control_is_taken_out_of_a_name(control):
    assert clean_name(f"{control}Sam{control} O{control}kafor ") == "Sam Okafor"


@pytest.mark.parametrize("text", ["", "   ", INVISIBLE, "\u00a0\u2003\t\n", "\u00ad\u2060", None])
def test_text_with_nothing_visible_is_empty(text):
    assert visible_text(text) == "" and clean_name(text) == ""


def test_visible_text_keeps_what_was_written():
    assert visible_text("  I need to check her medicines now \u200b") == (
        "I need to check her medicines now"
    )
    assert visible_text("Ŵŷn ap Siôn – 🙂") == "Ŵŷn ap Siôn – 🙂"


def test_a_date_of_birth_is_plausible():
    today = date(2026, 11, 23)
    assert date_of_birth_problem(None, today) is None
    assert date_of_birth_problem(today, today) is None
    assert date_of_birth_problem(date(1896, 11, 23), today) is None  # 130 today
    assert "past" in date_of_birth_problem(today + timedelta(days=1), today)
    assert "130 years" in date_of_birth_problem(date(1896, 11, 22), today)
    assert date_of_birth_problem(date(1896, 2, 29), date(2026, 2, 28)) is None  # leap day


def _form_cleans(form_class, field: str, value, **data):
    form = form_class(data={**data, field: value})
    form.is_valid()
    return form.cleaned_data.get(field), form.errors.get(field)


def test_every_form_that_takes_a_name_strips_controls():
    from kinfolk.people.forms import PersonForm
    from kinfolk.sharedlives.forms import CarerEnquiryForm, ReferralForm
    from kinfolk.social_prescribing.forms import ReferForm
    from kinfolk.wellbeing.forms import CircleMemberForm

    hidden = "\u202eSam\u200b"
    for form_class, field in [
        (PersonForm, "given_name"),
        (PersonForm, "family_name"),
        (PersonForm, "preferred_name"),
        (ReferForm, "given_name"),
        (ReferForm, "family_name"),
        (CarerEnquiryForm, "name"),
        (ReferralForm, "referrer_name"),
        (CircleMemberForm, "name"),
    ]:
        assert _form_cleans(form_class, field, hidden)[0] == "Sam", (form_class, field)


def test_every_form_that_needs_a_reason_refuses_invisible_characters():
    from kinfolk.directory.forms import DecisionForm
    from kinfolk.people.forms import BreakGlassForm
    from kinfolk.sharedlives.forms import EndForm
    from kinfolk.social_prescribing.forms import DecideForm

    for form_class, field in [
        (BreakGlassForm, "reason"),
        (DecisionForm, "reason"),
        (DecideForm, "reason"),
        (EndForm, "reason"),
    ]:
        value, _ = _form_cleans(form_class, field, INVISIBLE + " \u00a0")
        assert value in ("", None), (form_class, field)

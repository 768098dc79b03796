"""Turn Django form fields into the parameters the NHS.UK frontend macros expect."""

from datetime import date

from django import forms

from .text import clean_name, date_of_birth_problem, visible_text

# Django's generic messages, which do not say which question they are about.
GENERIC_MESSAGES = {
    "This field is required.",
    "Enter a valid date.",
    "Enter a whole number.",
    "Enter a number.",
    "Enter a valid email address.",
}


def _lowered(label: str) -> str:
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def message_for(field: forms.BoundField, message) -> str:
    """An error message that names its question, as the NHS.UK error pattern asks."""
    message, label = str(message), str(field.label or "").strip()
    choosing = isinstance(field.field, forms.ChoiceField | forms.BooleanField)
    if not label:
        return message
    if message.startswith("Select a valid choice."):
        return f"Choose one of the answers for \u201c{label}\u201d"
    if message not in GENERIC_MESSAGES:
        return message
    if message == "This field is required.":
        if label.endswith("?"):
            return f"Answer \u201c{label}\u201d"
        return f"{'Choose' if choosing else 'Enter'} {_lowered(label)}"
    return f"{message.rstrip('.')} for \u201c{label}\u201d"


def _error_text(field: forms.BoundField) -> str:
    return " ".join(message_for(field, e) for e in field.errors)


def field_params(field: forms.BoundField, **extra) -> dict:
    """Parameters for an NHS.UK input, textarea or select macro from a bound field."""
    value = field.value()
    params = {
        "id": field.auto_id,
        "name": field.html_name,
        "label": {"text": field.label},
        "value": "" if value is None else value,
    }
    if field.help_text:
        params["hint"] = {"text": str(field.help_text)}
    if field.errors:
        params["errorMessage"] = {"text": _error_text(field)}
    params.update(extra)
    return params


def choice_items(field: forms.BoundField) -> list[dict]:
    """Radio or select items from a choice field, with the current value checked."""
    current = str(field.value() or "")
    return [
        {
            "value": value,
            "text": str(label),
            "checked": str(value) == current,
            "selected": str(value) == current,
        }
        for value, label in field.field.choices
        if value != ""
    ]


def error_summary_params(form: forms.Form) -> dict | None:
    """The error summary shown at the top of a form that has problems, or None."""
    errors = [
        {
            "text": message_for(form[name], message) if name in form.fields else str(message),
            "href": _anchor(form, name),
        }
        for name, messages in form.errors.items()
        for message in messages
    ]
    if not errors:
        return None
    return {"titleText": "There is a problem", "errorList": errors}


def _anchor(form: forms.Form, name: str) -> str:
    """Where an error summary link goes: the question's first box, or the top of the page."""
    if name not in form.fields:
        return "#maincontent"
    field = form[name]
    if isinstance(field.field.widget, DateWidget | DatePartsWidget):
        return f"#{field.auto_id}_day"
    return f"#{field.auto_id}"


class DayMonthYearWidget(forms.MultiWidget):
    """Day, month and year boxes, as the NHS.UK date input shows them."""

    def __init__(self, attrs=None):
        super().__init__(
            {"day": forms.TextInput, "month": forms.TextInput, "year": forms.TextInput}, attrs
        )

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return [day, month, year]
        if isinstance(value, str) and value.count("/") == 2:
            return value.split("/")
        return [None, None, None]


class DatePartsWidget(DayMonthYearWidget):
    """The boxes of a DatePartsField, which checks each part itself."""


class DatePartsField(forms.MultiValueField):
    """A memorable date typed as day, month and year."""

    widget = DatePartsWidget

    def __init__(self, **kwargs):
        fields = (forms.IntegerField(), forms.IntegerField(), forms.IntegerField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or all(part in (None, "") for part in data_list):
            return None
        if any(part in (None, "") for part in data_list):
            raise forms.ValidationError("Date of birth must include a day, month and year.")
        day, month, year = data_list
        try:
            value = date(int(year), int(month), int(day))
        except ValueError as error:
            raise forms.ValidationError(
                "Date of birth must be a real date, like 27 3 1958."
            ) from error
        problem = date_of_birth_problem(value)
        if problem:
            raise forms.ValidationError(problem)
        return value


class NameField(forms.CharField):
    """A person's name: bidi and zero-width controls removed before anything else."""

    def to_python(self, value):
        return clean_name(super().to_python(value))


class ReasonField(forms.CharField):
    """A written reason: only counts if it has visible characters (not just spaces)."""

    def to_python(self, value):
        return visible_text(super().to_python(value))


def date_params(field: forms.BoundField, legend: str, hint: str = "") -> dict:
    """Parameters for the NHS.UK date input macro from a DatePartsField."""
    values = field.value()
    if not isinstance(values, list | tuple):
        values = DayMonthYearWidget().decompress(values)
    names = ("day", "month", "year")
    params = {
        "id": field.auto_id,
        "fieldset": {"legend": {"text": legend, "size": "s"}},
        "items": [
            {
                "id": f"{field.auto_id}_{name}",
                "name": f"{field.html_name}_{name}",
                "label": name.capitalize(),
                "value": "" if value is None else value,
                "classes": "nhsuk-input--width-4" if name == "year" else "nhsuk-input--width-2",
            }
            for name, value in zip(names, values, strict=True)
        ],
    }
    if hint:
        params["hint"] = {"text": hint}
    if field.errors:
        params["errorMessage"] = {"text": _error_text(field)}
    return params


class DateWidget(DayMonthYearWidget):
    """The NHS.UK date input for a plain DateField (never the browser's mm/dd/yyyy box).

    A client that posts the date whole (YYYY-MM-DD, as the API and scripts do) still works.
    """

    template_name = "django/forms/widgets/multiwidget.html"

    def value_from_datadict(self, data, files, name):
        whole = data.get(name)
        if whole:
            return whole
        parts = [
            str(data.get(f"{name}_{part}", "") or "").strip() for part in ("day", "month", "year")
        ]
        if not any(parts):
            return ""
        day, month, year = parts
        if not all(part.isdigit() for part in parts):
            return f"{day}/{month}/{year}"
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"

    def value_omitted_from_data(self, data, files, name):
        return name not in data and not any(
            f"{name}_{part}" in data for part in ("day", "month", "year")
        )


def date_field(label: str, **kwargs) -> forms.DateField:
    """A date question shown as the NHS.UK date input."""
    kwargs.setdefault("help_text", "For example, 27 3 2026")
    return forms.DateField(label=label, widget=DateWidget(), **kwargs)


def field_kind(field: forms.BoundField) -> str:
    """Which NHS.UK component shows this field."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, DateWidget | forms.DateInput):
        return "date"
    if isinstance(widget, forms.NumberInput):
        return "number"
    return "text"


def fieldset_params(field: forms.BoundField) -> dict:
    """Parameters for NHS.UK radios or checkboxes, from a choice field (one or many values)."""
    value = field.value()
    current = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value or "")}
    params = {
        "idPrefix": field.auto_id,
        "name": field.html_name,
        "fieldset": {"legend": {"text": str(field.label), "size": "s"}},
        "items": [
            {"value": v, "text": str(label), "checked": str(v) in current}
            for v, label in field.field.choices
            if v != ""
        ],
    }
    if field.help_text:
        params["hint"] = {"text": str(field.help_text)}
    if field.errors:
        params["errorMessage"] = {"text": _error_text(field)}
    return params


def single_checkbox_params(field: forms.BoundField) -> dict:
    """One yes/no checkbox, as NHS.UK checkboxes with a single item."""
    params = {
        "idPrefix": field.auto_id,
        "name": field.html_name,
        "items": [{"value": "on", "text": str(field.label), "checked": bool(field.value())}],
    }
    if field.help_text:
        params["items"][0]["hint"] = {"text": str(field.help_text)}
    if field.errors:
        params["errorMessage"] = {"text": _error_text(field)}
    return params


def add_service_errors(form: forms.Form, error) -> None:
    """Show a service's ValidationError by the question it is about, or at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for problem in errors:
                form.add_error(name if name in form.fields else None, problem.messages)
        return
    for message in error.messages:
        form.add_error(None, message)


def select_items(field: forms.BoundField) -> list[dict]:
    """Options for a select, keeping a blank choice ("Any day") so nothing is chosen for you."""
    current = str(field.value() or "")
    return [
        {"value": value, "text": str(label), "selected": str(value) == current}
        for value, label in field.field.choices
    ]

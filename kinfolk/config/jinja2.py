"""The Jinja2 environment: Django's static and url helpers plus the NHS.UK frontend macros."""

from datetime import datetime
from pathlib import Path

import nhsuk_frontend_jinja
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils.timezone import localtime
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader

from kinfolk.core.forms import (
    choice_items,
    date_params,
    error_summary_params,
    field_kind,
    field_params,
    fieldset_params,
    select_items,
    single_checkbox_params,
)
from kinfolk.core.once import once_input

NHSUK_TEMPLATES = Path(nhsuk_frontend_jinja.__file__).parent / "templates"


def url(name: str, *args, **kwargs) -> str:
    """Reverse a URL by name, as Django's {% url %} tag does."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def day(value) -> str:
    """A date as people write it: 3 March 2026 (local time for a moment in time)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = localtime(value)
    return f"{value.day} {value:%B %Y}"


def day_and_time(value) -> str:
    """A moment as people say it, in local time: 3 March 2026 at 2:05pm."""
    if not value:
        return ""
    value = localtime(value)
    hour = value.hour % 12 or 12
    return f"{day(value)} at {hour}:{value:%M}{'am' if value.hour < 12 else 'pm'}"


def environment(**options) -> Environment:
    """Build the Jinja2 environment Django renders pages with."""
    options["autoescape"] = True
    # The NHS.UK macros read optional nested parameters (params.search.action).
    options["undefined"] = ChainableUndefined
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    env = Environment(**options)
    env.loader = ChoiceLoader([env.loader, FileSystemLoader(str(NHSUK_TEMPLATES))])
    env.filters.update({"day": day, "day_and_time": day_and_time})
    env.globals.update(
        {
            "static": static,
            "once_input": once_input,
            "url": url,
            "get_messages": get_messages,
            "field_params": field_params,
            "choice_items": choice_items,
            "date_params": date_params,
            "error_summary_params": error_summary_params,
            "field_kind": field_kind,
            "fieldset_params": fieldset_params,
            "select_items": select_items,
            "single_checkbox_params": single_checkbox_params,
        }
    )
    return env

"""The Jinja2 environment: Django's static and url helpers plus the NHS.UK frontend macros."""

from pathlib import Path

import nhsuk_frontend_jinja
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
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

NHSUK_TEMPLATES = Path(nhsuk_frontend_jinja.__file__).parent / "templates"


def url(name: str, *args, **kwargs) -> str:
    """Reverse a URL by name, as Django's {% url %} tag does."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options) -> Environment:
    """Build the Jinja2 environment Django renders pages with."""
    options["autoescape"] = True
    # The NHS.UK macros read optional nested parameters (params.search.action).
    options["undefined"] = ChainableUndefined
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    env = Environment(**options)
    env.loader = ChoiceLoader([env.loader, FileSystemLoader(str(NHSUK_TEMPLATES))])
    env.globals.update(
        {
            "static": static,
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

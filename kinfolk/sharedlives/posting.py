"""Buttons that only act: a form posted from a record's page, the service called, and back to
the page saying what happened or what went wrong (there is no form page to show again)."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from kinfolk.core.posting import form_posted


def acted_on(
    request, form, *, act: Callable, said, back: str, invalid: str | Callable
) -> HttpResponseRedirect:
    """Act on the posted form (see `form_posted`), then go back to `back`. A refusal from the
    service is flashed in its own words; a form that is not filled in well, with `invalid`."""
    if done := form_posted(request, form, act=act, said=said, then=back):
        return done
    refused = form.non_field_errors()  # the forms here have no rules across fields of their own
    messages.error(request, refused[0] if refused else _said(invalid, form))
    return HttpResponseRedirect(back)


def _said(invalid, form) -> str:
    return invalid(form) if callable(invalid) else invalid


def acted(request, *, act: Callable, said: str, back: str) -> HttpResponseRedirect:
    """Call the service (a button with no form to fill in), then go back to `back` saying what
    happened, or the service's refusal in its own words."""
    try:
        act()
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, said)
    return HttpResponseRedirect(back)

"""Post a form, call a service, say what happened, go on: the one shape of a page that changes
something. The view names its form, its service call and where to go next; this does the rest.

    form = PersonForm(request.POST or None)
    if done := form_posted(
        request, form,
        act=lambda data: services.person_create(actor=request.actor, **data),
        said=lambda person: f"{person.full_name}'s record has been started.",
        then=lambda person: reverse("people:detail", args=[person.pk]),
    ):
        return done
    return render(request, "people/edit.jinja", {"form": form})

A service that refuses with a `ValidationError` puts its message by the question it is about (or
in the error summary) and the form is shown again, unchanged, with nothing stored. A form that
carries a one-time token (`{{ once_input() }}`, see `core.once`) is acted on once: sent again,
it goes to what the first sending made.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from . import once
from .forms import add_service_errors

SENT_ALREADY = "You sent this already, so nothing new was made. This is what it made."


def _said(said, result) -> str:
    return said(result) if callable(said) else said


def form_posted(
    request,
    form,
    *,
    act: Callable,
    said: str | Callable | None,
    then: str | Callable,
) -> HttpResponseRedirect | None:
    """A redirect once the form was posted, valid and acted on; None to show the form (again)."""
    if request.method != "POST":
        return None
    token = once.token_of(request)
    if token and (earlier := once.earlier_outcome(request.user, token)):
        return _sent_already(request, earlier)
    if not form.is_valid():
        return None
    try:
        if token:
            result, url = once.act_once(
                request.user, token, lambda: act(form.cleaned_data), lambda r: _then(then, r)
            )
        else:
            result = act(form.cleaned_data)
            url = _then(then, result)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    except once.SentAlready:
        return _sent_already(request, once.earlier_outcome(request.user, token))
    if said:
        messages.success(request, _said(said, result))
    return HttpResponseRedirect(url)


def _then(then, result) -> str:
    return then(result) if callable(then) else then


def _sent_already(request, url: str) -> HttpResponseRedirect:
    messages.info(request, SENT_ALREADY)
    return HttpResponseRedirect(url)


def acted_on(
    request, form, *, act: Callable, said, back: str, invalid: str | Callable
) -> HttpResponseRedirect:
    """A button on a record's page with a small form: act on it (see `form_posted`), then go
    back to `back`. A refusal from the service is flashed in its own words; a form that is not
    filled in well, with `invalid` (there is no form page to show again)."""
    if done := form_posted(request, form, act=act, said=said, then=back):
        return done
    refused = form.non_field_errors()  # these small forms have no rules across fields of their own
    messages.error(request, refused[0] if refused else _said_of(invalid, form))
    return HttpResponseRedirect(back)


def _said_of(invalid, form) -> str:
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

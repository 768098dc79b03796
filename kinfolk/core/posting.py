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
in the error summary) and the form is shown again, unchanged, with nothing stored.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from .forms import add_service_errors


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
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = act(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    if said:
        messages.success(request, _said(said, result))
    return HttpResponseRedirect(then(result) if callable(then) else then)

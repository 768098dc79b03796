"""The home page and the error pages."""

from django.shortcuts import render

from kinfolk.people.selectors import people_found_for_actor, people_list_for_actor

from .audit import audit_list_view
from .pagination import paginate
from .presenters import HomePresenter


def home(request):
    """A role-aware starting point; for someone not signed in, what Kinfolk is."""
    if not request.user.is_authenticated:
        return render(request, "core/welcome.jinja")
    actor = request.actor
    if actor.membership is None:
        return render(request, "core/no_role.jinja", status=403)
    page = HomePresenter(actor=actor, people=[])
    if not page.shows_caseload:
        people = people_list_for_actor(actor=actor)
        return render(
            request, "core/home.jinja", {"page": HomePresenter(actor=actor, people=people)}
        )
    # A caseload can be long: searched by name, 25 at a time.
    words = (request.GET.get("words") or "").strip()[:100]
    shown, pagination = paginate(request, people_found_for_actor(actor=actor, words=words))
    people = list(shown.object_list)
    audit_list_view(actor=actor, target_type="person_list", count=len(people))
    return render(
        request,
        "core/home.jinja",
        {
            "page": HomePresenter(actor=actor, people=people),
            "caseload": shown,
            "pagination": pagination,
            "words": words,
        },
    )


def information(template: str):
    """A public page of plain information (accessibility, privacy, cookies, contact)."""

    def page(request):
        return render(request, f"core/{template}.jinja")

    page.__name__ = template
    page.__doc__ = f"The {template.replace('_', ' ')} page."
    return page


def _error(request, status: int, template: str):
    return render(request, template, status=status)


def permission_denied(request, exception=None):
    return _error(request, 403, "core/403.jinja")


def page_not_found(request, exception=None):
    return _error(request, 404, "core/404.jinja")


def server_error(request):
    # Deliberately simple: no database, no actor, so it still renders when much has failed.
    return render(request, "core/500.jinja", {"actor": None, "demo_mode": False}, status=500)

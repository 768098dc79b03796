"""The home page: for someone signed in, what they came to do; otherwise, what Kinfolk is."""

from django.shortcuts import render

from kinfolk.accountability.selectors import public_areas
from kinfolk.core.audit import audit_list_view
from kinfolk.core.pagination import paginate
from kinfolk.core.permissions import can
from kinfolk.core.registries import Home, home_cards
from kinfolk.people.selectors import people_found_for_actor, people_list_for_actor

from .presenters import HomePresenter


def _page(actor, people: list) -> HomePresenter:
    """What this actor's home shows: each app's cards (kinfolk.core.registries) on top of the
    records the page is about."""
    shows_own_record = can(actor, "people.see_own_record")
    me = people[0] if shows_own_record and people else None
    return HomePresenter(
        actor=actor,
        people=people,
        cards=home_cards(Home(actor=actor, people=people, me=me)),
        shows_caseload=can(actor, "people.see_caseload"),
        shows_own_record=shows_own_record,
        shows_shared_with_me=can(actor, "people.see_records_shared_with_me"),
    )


def home(request):
    """A role-aware starting point; for someone not signed in, what Kinfolk is."""
    if not request.user.is_authenticated:
        return render(request, "home/welcome.jinja", {"areas": public_areas()})
    actor = request.actor
    if actor.membership is None:
        return render(request, "home/no_role.jinja", status=403)
    if not can(actor, "people.see_caseload"):
        people = people_list_for_actor(actor=actor)
        return render(request, "home/home.jinja", {"page": _page(actor, people)})
    # A caseload can be long: searched by name, 25 at a time.
    words = (request.GET.get("words") or "").strip()[:100]
    shown, pagination = paginate(request, people_found_for_actor(actor=actor, words=words))
    people = list(shown.object_list)
    audit_list_view(actor=actor, target_type="person_list", count=len(people))
    return render(
        request,
        "home/home.jinja",
        {
            "page": _page(actor, people),
            "caseload": shown,
            "pagination": pagination,
            "words": words,
        },
    )

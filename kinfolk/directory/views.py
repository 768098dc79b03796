"""Directory pages: public search (list and distance views), shortlists, and listings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core.geography import UnknownPostcode, locate
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import form_posted
from kinfolk.core.redirects import same_site_path
from kinfolk.people.selectors import people_for_actor, person_get

from . import selectors, services
from .forms import DecisionForm, ListingForm, PressedForm, SearchForm, ShortlistForm
from .presenters import (
    SearchPage,
    access_words,
    directions_url,
    listings_page,
    schedule_words,
    search_query,
    website,
)

PER_PAGE = 20


def _search(form: SearchForm):
    """The matching services, and the point distances are measured from (if any)."""
    data = form.cleaned_data
    near = None
    if data.get("postcode"):
        try:
            latitude, longitude = locate(data["postcode"])
        except UnknownPostcode as error:
            form.add_error("postcode", str(error))
            return None, None
        near = selectors.Near(latitude, longitude, float(data.get("distance") or 5))
    day, at = data.get("day") or None, None
    if day == "now":
        day, at = selectors.open_now()
    found = selectors.search_services(
        search=data.get("words") or "",
        taxonomy_term_id=data.get("category") or None,
        near=near,
        day=day,
        at=at,
        free=data.get("free") or False,
        step_free=data.get("step_free") or False,
        age=data.get("age"),
    )
    return found, near


def search(request):
    """Public: anyone can look for what exists locally, signed in or not."""
    categories = tuple(selectors.categories())
    form = SearchForm(request.GET or None, categories=categories)
    results, near, page = [], None, None
    found = None
    if form.is_bound and form.is_valid():
        found, near = _search(form)
    if found is not None:
        if near is not None:
            results = selectors.with_distance(list(selectors.with_locations(found)[:2000]), near)
            page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
        else:
            page = Paginator(selectors.with_locations(found), PER_PAGE).get_page(
                request.GET.get("page")
            )
    actor = getattr(request, "actor", None)
    people = (
        list(people_for_actor(actor=actor))
        if actor and can(actor, "directory.keep_shortlists")
        else []
    )
    words = form.cleaned_data.get("words") if found is not None else ""
    return render(
        request,
        "directory/search.jinja",
        {
            "page": SearchPage(
                form=form,
                results=page,
                near=near,
                query=request.GET,
                suggestion=selectors.spelling_suggestion(words) if words else None,
                categories=categories,
            ),
            "shortlist_form": ShortlistForm(people=people) if people else None,
        },
    )


def _refused(form) -> str:
    """What the service said when it refused a form that was itself filled in well."""
    return next(problem for problems in form.errors.values() for problem in problems)


@login_required
@require_POST
def shortlist_send(request):
    """A worker sends a person the services they ticked on the search page."""
    require(request.actor, "directory.keep_shortlists")
    people = list(people_for_actor(actor=request.actor))
    form = ShortlistForm(request.POST, people=people)
    filled_in = form.is_valid()
    chosen = request.POST.getlist("service")
    if done := form_posted(
        request,
        form,
        act=lambda data: services.shortlist_send(
            actor=request.actor,
            person=person_get(actor=request.actor, person_id=data["person"], audit_as=None),
            services=list(selectors.listed_services().filter(pk__in=chosen[:20])),
            note=data["note"],
        ),
        said=lambda shortlist: f"The shortlist has been sent to {shortlist.person.full_name}.",
        then=lambda shortlist: reverse("directory:shortlists", args=[shortlist.person_id]),
    ):
        return done
    messages.error(request, _refused(form) if filled_in else "Choose who to send the shortlist to.")
    return redirect(same_site_path(request.POST.get("back")) or "directory:search")


@login_required
def shortlists(request, person_id):
    """The services workers picked out for a person to look at."""
    person = person_get(actor=request.actor, person_id=person_id)
    return render(
        request,
        "directory/shortlists.jinja",
        {
            "person": person,
            "for_themselves": can(request.actor, "directory.read_own_shortlists", person),
            "shortlists": selectors.shortlists_for(person=person),
        },
    )


def service_page(request, service_id):
    """Public: one service in full, with the way back to the search that found it."""
    service = selectors.service_get(service_id)
    return render(
        request,
        "directory/service.jinja",
        {
            "service": service,
            "back_query": search_query(request.GET),
            "schedule_words": schedule_words,
            "access_words": access_words,
            "directions_url": directions_url,
            "website": website(service),
        },
    )


@login_required
def listing_new(request):
    """A community micro-enterprise lists itself, for the area admin to approve."""
    require(request.actor, "directory.list_enterprise")
    form = ListingForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.micro_enterprise_submit(
            actor=request.actor,
            evidence=form.evidence(),
            **{k: v for k, v in data.items() if not k.startswith("evidence_")},
        ),
        said="Thank you. Your listing will show once the area admin approves it.",
        then=reverse("home:home"),
    ):
        return done
    return render(request, "directory/listing_new.jinja", {"form": form})


@login_required
def listings(request):
    """The area admin: listings waiting, and stale or expired listings to chase."""
    require(request.actor, "directory.see_listings")
    orgs = list(selectors.organizations_in_area(area=request.actor.area))
    return render(
        request, "directory/listings.jinja", {**listings_page(orgs), "form": DecisionForm()}
    )


@login_required
@require_POST
def listing_decide(request, organization_id):
    """The area admin approves a listing, or says why not."""
    org = selectors.organization_in_area_get(area=request.actor.area, pk=organization_id)
    form = DecisionForm(request.POST)
    filled_in = form.is_valid()
    if done := form_posted(
        request,
        form,
        act=lambda data: services.listing_decide(
            actor=request.actor, org=org, approve=data["approve"] == "yes", reason=data["reason"]
        ),
        said=f"{org.name}: decision recorded.",
        then=reverse("directory:listings"),
    ):
        return done
    if filled_in:
        messages.error(request, _refused(form))
    return redirect("directory:listings")


@login_required
@require_POST
def listing_confirm(request, organization_id):
    """The organisation or the area admin confirms a listing is still true."""
    org = selectors.organization_in_area_get(area=request.actor.area, pk=organization_id)
    # The enterprise goes back to its home page; the area admin to the listings.
    back = "home:home" if can(request.actor, "directory.list_enterprise") else "directory:listings"
    return form_posted(
        request,
        PressedForm(request.POST),
        act=lambda _: services.listing_confirm(actor=request.actor, org=org),
        said=f"{org.name} is confirmed as still true.",
        then=reverse(back),
    ) or redirect(back)

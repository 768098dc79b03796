"""Directory pages: public search (list and distance views), shortlists, and listings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kinfolk.accounts.models import CARE_ROLES, Role
from kinfolk.core.forms import add_service_errors
from kinfolk.core.geography import UnknownPostcode, locate
from kinfolk.core.redirects import same_site_path
from kinfolk.people.selectors import people_for_actor, person_get

from . import selectors, services
from .forms import DecisionForm, ListingForm, SearchForm, ShortlistForm
from .presenters import (
    SearchPage,
    access_words,
    directions_url,
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
        if actor and actor.is_signed_in and actor.role in CARE_ROLES
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


@login_required
@require_POST
def shortlist_send(request):
    if request.actor.role not in CARE_ROLES:
        raise PermissionDenied
    people = list(people_for_actor(actor=request.actor))
    form = ShortlistForm(request.POST, people=people)
    chosen = request.POST.getlist("service")
    if not form.is_valid():
        messages.error(request, "Choose who to send the shortlist to.")
        return redirect(same_site_path(request.POST.get("back")) or "directory:search")
    person = person_get(actor=request.actor, person_id=form.cleaned_data["person"], audit_as=None)
    try:
        services.shortlist_send(
            actor=request.actor,
            person=person,
            services=list(selectors.listed_services().filter(pk__in=chosen[:20])),
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(same_site_path(request.POST.get("back")) or "directory:search")
    messages.success(request, f"The shortlist has been sent to {person.full_name}.")
    return redirect("directory:shortlists", person.pk)


@login_required
def shortlists(request, person_id):
    person = person_get(actor=request.actor, person_id=person_id)
    return render(
        request,
        "directory/shortlists.jinja",
        {"person": person, "shortlists": selectors.shortlists_for(person=person)},
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
    if not request.actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER):
        raise PermissionDenied
    form = ListingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if not k.startswith("evidence_")}
        try:
            services.micro_enterprise_submit(actor=request.actor, evidence=form.evidence(), **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Thank you. Your listing will show once the area admin approves it."
            )
            return redirect("home:home")
    return render(request, "directory/listing_new.jinja", {"form": form})


@login_required
def listings(request):
    """The area admin: listings waiting, and stale or expired listings to chase."""
    if not request.actor.acts_as(Role.AREA_ADMIN):
        raise PermissionDenied
    orgs = list(selectors.organizations_in_area(area=request.actor.area))
    evidence = {o.pk: services.expired_evidence(o) for o in orgs}
    approved = [o for o in orgs if o.listing_status == "approved"]
    return render(
        request,
        "directory/listings.jinja",
        {
            "pending": [o for o in orgs if o.listing_status == "pending"],
            "stale": [o for o in approved if services.is_stale(o)],
            "expired": [
                (o, evidence[o.pk])
                for o in approved
                if o.kind == "micro_enterprise" and evidence[o.pk]
            ],
            "form": DecisionForm(),
            "evidence": evidence,
        },
    )


@login_required
@require_POST
def listing_decide(request, organization_id):
    org = selectors.organization_in_area_get(area=request.actor.area, pk=organization_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.listing_decide(
                actor=request.actor,
                org=org,
                approve=form.cleaned_data["approve"] == "yes",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, f"{org.name}: decision recorded.")
    return redirect("directory:listings")


@login_required
@require_POST
def listing_confirm(request, organization_id):
    org = selectors.organization_in_area_get(area=request.actor.area, pk=organization_id)
    services.listing_confirm(actor=request.actor, org=org)
    messages.success(request, f"{org.name} is confirmed as still true.")
    return redirect(
        "home:home"
        if request.actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER)
        else "directory:listings"
    )

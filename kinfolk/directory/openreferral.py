"""The Open Referral UK 3.0 read API at /openreferral/: public and CORS-open, as the profile
requires. Responses validate against the standard's compiled schemas (tested)."""

from datetime import UTC, datetime
from functools import wraps
from uuid import UUID

from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET

from kinfolk.sharedlives.geography import UnknownPostcode, locate

from . import oruk, selectors

DEFAULT_PER_PAGE = 50


class BadRequest(ValueError):
    pass


def _cors(response: JsonResponse) -> JsonResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    return response


def public_json(view):
    """GET only, CORS-open, bad parameters answered with a 400 and a clear message."""

    @wraps(view)
    @require_GET
    def wrapped(request, *args, **kwargs):
        try:
            data = view(request, *args, **kwargs)
        except BadRequest as error:
            return _cors(JsonResponse({"detail": str(error)}, status=400))
        return _cors(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))

    wrapped.csrf_exempt = True
    return wrapped


def _int(request, name: str, default: int, low: int, high: int) -> int:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number.") from None
    if not low <= value <= high:
        raise BadRequest(f"{name} must be from {low} to {high}.")
    return value


def _uuid(request, name: str) -> str | None:
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        return str(UUID(raw))
    except ValueError:
        raise BadRequest(f"{name} must be a UUID.") from None


def _modified_after(request) -> datetime | None:
    raw = request.GET.get("modified_after")
    if not raw:
        return None
    message = "modified_after must be a real date and time, like 2026-01-31T09:00:00Z."
    try:
        value = parse_datetime(raw)
    except ValueError:  # well formed but impossible, like month 13
        raise BadRequest(message) from None
    if value is None:
        raise BadRequest(message)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


def _paged(request, queryset, render) -> dict:
    page = _int(request, "page", 1, 1, 1_000_000)
    per_page = _int(request, "per_page", DEFAULT_PER_PAGE, 1, selectors.MAX_PER_PAGE)
    total = queryset.count()
    start = (page - 1) * per_page
    return oruk.page([render(x) for x in queryset[start : start + per_page]], total, page, per_page)


def _near(request) -> selectors.Near | None:
    postcode = request.GET.get("postcode")
    if not postcode:
        return None
    km = _int(request, "proximity", 5000, 1, 200_000) / 1000  # metres, as the standard says
    try:
        latitude, longitude = locate(postcode)
    except UnknownPostcode as error:
        raise BadRequest(str(error)) from None
    return selectors.Near(latitude, longitude, km)


@public_json
def index(request):
    return {
        "version": oruk.HSDS_VERSION,
        "profile": oruk.PROFILE_URL,
        "openapi_url": request.build_absolute_uri(reverse("openreferral:index")),
    }


def _service_filters(request) -> dict:
    return {
        "search": (request.GET.get("search") or "").strip()[:200],
        "taxonomy_term_id": _uuid(request, "taxonomy_term_id"),
        "taxonomy_id": _uuid(request, "taxonomy_id"),
        "organization_id": _uuid(request, "organization_id"),
        "modified_after": _modified_after(request),
    }


@public_json
def services(request):
    return _paged(
        request, selectors.search_services(**_service_filters(request)), oruk.service_brief
    )


@public_json
def service(request, service_id):
    return oruk.service_full(selectors.service_get(service_id))


@public_json
def service_at_locations(request):
    near = _near(request)
    found = selectors.search_services(**_service_filters(request), near=near)
    sals = selectors.service_at_locations_for(found)
    return _paged(request, sals, oruk.service_at_location_brief)


@public_json
def service_at_location(request, sal_id):
    sal = selectors.service_at_location_get(sal_id)
    return oruk.service_full(selectors.service_get(sal.service_id))


@public_json
def taxonomies(request):
    return _paged(request, selectors.taxonomies(), oruk.taxonomy)


@public_json
def taxonomy(request, taxonomy_id):
    return oruk.taxonomy(selectors.taxonomy_get(taxonomy_id), terms=True)


@public_json
def taxonomy_terms(request):
    return _paged(request, selectors.taxonomy_terms(), oruk.taxonomy_term)


@public_json
def taxonomy_term(request, term_id):
    return oruk.taxonomy_term(selectors.taxonomy_term_get(term_id))


@public_json
def organizations(request):
    search = (request.GET.get("search") or "").strip()[:200]
    return _paged(request, selectors.organizations(search), oruk.organization)


@public_json
def organization(request, organization_id):
    org = selectors.organization_get(organization_id)
    return oruk.organization(org) | {
        "services": [
            oruk.service_brief(s) for s in selectors.listed_services().filter(organization=org)
        ]
    }

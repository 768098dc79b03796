"""The Open Referral UK 3.0 read API at /openreferral/: public and CORS-open, as the profile
requires. Responses validate against the standard's compiled schemas (tested)."""

import logging
from datetime import UTC, datetime, time
from functools import wraps
from uuid import UUID

from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime, parse_time

from kinfolk.core.geography import UnknownPostcode, locate

from . import oruk, oruk_openapi, selectors

DEFAULT_PER_PAGE = 50
READ_METHODS = ("GET", "HEAD")
ALLOW = "GET, HEAD, OPTIONS"
DAY_CODES = dict(zip(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"], selectors.DAYS, strict=True))  # fmt: skip
logger = logging.getLogger(__name__)


class BadRequest(ValueError):
    pass


def _cors(response: JsonResponse) -> JsonResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ALLOW
    return response


def _error(status: int, detail: str) -> JsonResponse:
    return _cors(JsonResponse({"detail": detail}, status=status))


def _preflight(request) -> JsonResponse:
    """A CORS preflight: any origin may read, with the headers it asks to send."""
    response = _cors(JsonResponse({}, status=204))
    response.content = b""
    del response["Content-Type"]
    asked = request.headers.get("Access-Control-Request-Headers", "")
    response["Access-Control-Allow-Headers"] = asked[:500] or "Accept"
    response["Access-Control-Max-Age"] = "86400"
    response["Allow"] = ALLOW
    return response


def _not_read(request) -> JsonResponse:
    response = _error(405, f"This API is read-only: use GET, not {request.method[:20]}.")
    response["Allow"] = ALLOW
    return response


def public_json(view):
    """Read-only and CORS-open; every answer is JSON, errors included (400, 404, 405, 500)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _preflight(request)
        if request.method not in READ_METHODS:
            return _not_read(request)
        try:
            data = view(request, *args, **kwargs)
        except BadRequest as error:
            return _error(400, str(error))
        except Http404:
            return _error(404, "Not found: nothing with that id is published here.")
        except Exception:
            logger.exception("Open Referral API error on %s", request.path)
            return _error(500, "Something went wrong on our side. Try again later.")
        return _cors(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))

    wrapped.csrf_exempt = True
    return wrapped


@public_json
def not_found(request, rest=""):
    raise Http404


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


def _number(request, name: str, low: int, high: int) -> float | None:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    try:
        value = float(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a number, like 18.") from None
    if not low <= value <= high:
        raise BadRequest(f"{name} must be from {low} to {high}.")
    return value


def _day(request) -> str | None:
    raw = (request.GET.get("day") or "").strip()
    if not raw:
        return None
    day = DAY_CODES.get(raw.lower(), raw.upper())
    if day not in selectors.DAYS:
        raise BadRequest("day must be a day of the week: MO, TU, WE, TH, FR, SA or SU.")
    return day


def _time(request, name: str) -> time | None:
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        value = parse_time(raw)
    except ValueError:
        value = None
    if value is None:
        raise BadRequest(f"{name} must be a time of day, like 09:30.")
    return value.replace(tzinfo=None)


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
        "openapi_url": request.build_absolute_uri(reverse("openreferral:openapi")),
    }


@public_json
def openapi(request):
    """The OpenAPI document for these endpoints."""
    return oruk_openapi.document(request.build_absolute_uri(reverse("openreferral:index")))


def _service_filters(request) -> dict:
    return {
        "search": (request.GET.get("search") or "").strip()[:200],
        "taxonomy_term_id": _uuid(request, "taxonomy_term_id"),
        "taxonomy_id": _uuid(request, "taxonomy_id"),
        "organization_id": _uuid(request, "organization_id"),
        "modified_after": _modified_after(request),
        **_profile_filters(request),
    }


def _profile_filters(request) -> dict:
    """The Open Referral UK profile's filters: ages, day and times of a session, postcode."""
    minimum, maximum = (
        _number(request, "minimum_age", 0, 150),
        _number(request, "maximum_age", 0, 150),
    )
    return {
        "minimum_age_from": minimum,
        "maximum_age_to": maximum,
        "day": _day(request),
        "starts_from": _time(request, "start_time"),
        "ends_by": _time(request, "end_time"),
        "near": _near(request),
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
    found = selectors.search_services(**_service_filters(request))
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

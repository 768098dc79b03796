"""Reads of the directory: public, approved listings only, with the standard's filters."""

import math
from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import F, Prefetch, Q, QuerySet
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt
from django.http import Http404
from django.utils import timezone

from kinfolk.core.lookups import uuid_or_404

from . import search as words_search
from .models import (
    Attribute,
    ListingStatus,
    Organization,
    Service,
    ServiceAtLocation,
    Shortlist,
    Taxonomy,
    TaxonomyTerm,
)

EARTH_KM = 6371.0088
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
MAX_PER_PAGE = 100


def _listed() -> Q:
    """Only listings the area admin approved are shown to anyone."""
    return Q(organization__listing_status=ListingStatus.APPROVED)


def listed_services() -> QuerySet[Service]:
    """Every service of an approved organisation, with its organisation."""
    return Service.objects.filter(_listed()).select_related("organization")


def full_services() -> QuerySet[Service]:
    """Listed services with everything Open Referral UK shows about each, read in a few queries."""
    return listed_services().prefetch_related(
        "schedules",
        "service_areas",
        "languages",
        "funding",
        "cost_options",
        "contacts",
        "phones",
        Prefetch("attributes", Attribute.objects.select_related("taxonomy_term__taxonomy")),
        Prefetch("at_locations", ServiceAtLocation.objects.select_related("location")),
    )


def _get(queryset, pk):
    found = queryset.filter(pk=uuid_or_404(pk)).first()
    if found is None:
        raise Http404
    return found


def service_get(pk) -> Service:
    """One listed service in full (not found if unlisted or not a well-formed id)."""
    return _get(full_services(), pk)


def organization_get(pk) -> Organization:
    """One approved organisation."""
    return _get(Organization.objects.filter(listing_status=ListingStatus.APPROVED), pk)


def taxonomy_get(pk) -> Taxonomy:
    """One taxonomy with its terms."""
    return _get(Taxonomy.objects.prefetch_related("terms__taxonomy"), pk)


def taxonomy_term_get(pk) -> TaxonomyTerm:
    """One taxonomy term with its taxonomy."""
    return _get(TaxonomyTerm.objects.select_related("taxonomy"), pk)


def service_at_location_get(pk) -> ServiceAtLocation:
    """One place a listed service is offered."""
    return _get(ServiceAtLocation.objects.filter(service__in=listed_services()), pk)


def taxonomies() -> QuerySet[Taxonomy]:
    """Every taxonomy, by name."""
    return Taxonomy.objects.order_by("name")


def taxonomy_terms() -> QuerySet[TaxonomyTerm]:
    """Every taxonomy term, by name."""
    return TaxonomyTerm.objects.select_related("taxonomy").order_by("name")


def organizations(search: str = "") -> QuerySet[Organization]:
    """Approved organisations, those whose name holds `search` if given."""
    found = Organization.objects.filter(listing_status=ListingStatus.APPROVED)
    return found.filter(name__icontains=search) if search else found


@dataclass(frozen=True)
class Near:
    """Where distances are measured from, and how far to look."""

    latitude: float
    longitude: float
    km: float


def km_between(lat1, lon1, lat2, lon2) -> float:
    """The great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


def _searchable() -> QuerySet[Service]:
    return listed_services().filter(status="active")


def spelling_suggestion(search: str) -> str | None:
    """The words the person probably meant, when one they typed is not in the directory."""
    return words_search.suggestion(search, _searchable())


def _schedule_filter(day, at, starts_from, ends_by) -> Q | None:
    """One schedule that runs on the day, is open at the time, and starts/ends in the window."""
    conditions = {}
    if day:
        conditions["schedules__byday__contains"] = day
    if at:
        conditions |= {"schedules__opens_at__lte": at, "schedules__closes_at__gt": at}
    if starts_from:
        conditions["schedules__opens_at__gte"] = starts_from
    if ends_by:
        conditions["schedules__closes_at__lte"] = ends_by
    return Q(**conditions) if conditions else None


def search_services(
    *,
    search: str = "",
    taxonomy_term_id: str | None = None,
    taxonomy_id: str | None = None,
    organization_id: str | None = None,
    modified_after: datetime | None = None,
    near: Near | None = None,
    day: str | None = None,
    at: time | None = None,
    free: bool = False,
    step_free: bool = False,
    age: int | None = None,
    minimum_age_from: int | None = None,
    maximum_age_to: int | None = None,
    starts_from: time | None = None,
    ends_by: time | None = None,
) -> QuerySet[Service]:
    """Active, approved services matching every filter given (all optional)."""
    found = _searchable()
    if search:
        found = words_search.words_filter(found, search, _searchable())
    if taxonomy_term_id:
        found = found.filter(attributes__taxonomy_term_id=taxonomy_term_id)
    if taxonomy_id:
        found = found.filter(attributes__taxonomy_term__taxonomy_id=taxonomy_id).distinct()
    if organization_id:
        found = found.filter(organization_id=organization_id)
    if modified_after:
        found = found.filter(last_modified__gte=modified_after)
    if free:
        found = found.filter(free=True)
    if age is not None:
        found = found.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
        )
    if minimum_age_from is not None:  # Open Referral UK: "a minimum age of at least"
        found = found.filter(minimum_age__gte=minimum_age_from)
    if maximum_age_to is not None:  # Open Referral UK: "a maximum age at or below"
        found = found.filter(maximum_age__lte=maximum_age_to)
    schedule = _schedule_filter(day, at, starts_from, ends_by)
    if schedule is not None:
        found = found.filter(schedule)
    if step_free:
        found = found.filter(at_locations__location__step_free=True)
    if near:
        found = found.filter(pk__in=_within(near))
    return found.distinct() if (schedule is not None or step_free) else found


def _within(near: Near):
    """Services with a location within the distance: a box the index can use, then the circle."""
    dlat = near.km / 111.0
    dlon = near.km / (111.0 * max(0.2, math.cos(math.radians(near.latitude))))
    latitude, longitude = F("location__latitude"), F("location__longitude")
    half_chord = Power(Sin(Radians(latitude - near.latitude) / 2), 2) + math.cos(
        math.radians(near.latitude)
    ) * Cos(Radians(latitude)) * Power(Sin(Radians(longitude - near.longitude) / 2), 2)
    return (
        ServiceAtLocation.objects.filter(
            location__latitude__range=(near.latitude - dlat, near.latitude + dlat),
            location__longitude__range=(near.longitude - dlon, near.longitude + dlon),
        )
        .alias(km=2 * EARTH_KM * ASin(Sqrt(half_chord)))
        .filter(km__lte=near.km)
        .values("service_id")
    )


def with_distance(services: list[Service], near: Near | None) -> list[tuple[Service, float | None]]:
    """Each service with its nearest location's distance, nearest first; beyond the radius: out."""
    if near is None:
        return [(s, None) for s in services]
    out = []
    for service in services:
        distances = [
            km_between(near.latitude, near.longitude, sal.location.latitude, sal.location.longitude)
            for sal in service.at_locations.all()
            if sal.location.latitude is not None
        ]
        if distances and min(distances) <= near.km:
            out.append((service, min(distances)))
    return sorted(out, key=lambda pair: pair[1])


def open_now(now: datetime | None = None) -> tuple[str, time]:
    """Today's day code and the time now (local), for "Open now"."""
    now = timezone.localtime(now or timezone.now())
    return DAYS[now.weekday()], now.time().replace(second=0, microsecond=0)


def service_at_locations_for(services: QuerySet[Service]) -> QuerySet[ServiceAtLocation]:
    """The places these services are offered, with their locations and organisations."""
    return (
        ServiceAtLocation.objects.filter(service__in=services.values("pk"))
        .select_related("location", "service__organization")
        .order_by("service__name", "id")
    )


def with_locations(services: QuerySet[Service]) -> QuerySet[Service]:
    """The services with what a results page shows (places, times, costs), by name."""
    return services.prefetch_related(
        Prefetch("at_locations", ServiceAtLocation.objects.select_related("location")),
        "schedules",
        "cost_options",
    ).order_by("name")


def categories() -> QuerySet[TaxonomyTerm]:
    """The top-level categories a search can be narrowed to."""
    return TaxonomyTerm.objects.filter(parent__isnull=True).order_by("name")


def shortlists_for(*, person) -> QuerySet[Shortlist]:
    """The shortlists sent to a person, with who sent them and the services in them."""
    return (
        Shortlist.objects.in_area(person.area)
        .filter(person=person)
        .select_related("sent_by")
        .prefetch_related("services__organization")
    )


def organizations_in_area(*, area) -> QuerySet[Organization]:
    """Every organisation in the area, whatever its listing status, with its evidence."""
    return Organization.objects.in_area(area).prefetch_related("evidence").order_by("name")


def organization_in_area_get(*, area, pk) -> Organization:
    """One organisation in the area (not found in any other area)."""
    return _get(Organization.objects.in_area(area) if area else Organization.objects.none(), pk)

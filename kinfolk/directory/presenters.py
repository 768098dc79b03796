"""What the directory's pages show: search results as a list or by distance, a service in
full, and the area admin's listings to approve or chase. Pure: no queries, no writes."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from .listing_checks import expired_evidence, is_stale
from .models import ListingStatus, OrganizationKind

BANDS = [
    (1, "Within 1 km"),
    (3, "1 to 3 km"),
    (5, "3 to 5 km"),
    (10, "5 to 10 km"),
    (25, "10 to 25 km"),
]
DAY_WORDS = {
    "MO": "Mon",
    "TU": "Tue",
    "WE": "Wed",
    "TH": "Thu",
    "FR": "Fri",
    "SA": "Sat",
    "SU": "Sun",
}


DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
# What "Back to search" carries back: the search form's own fields, nothing else.
SEARCH_FIELDS = ("words", "category", "postcode", "distance", "day", "free", "step_free", "age",
                 "view", "page")  # fmt: skip
WIDEST_KM = 25


def search_query(query) -> str:
    """The search's own fields from a query string, to carry to a service page and back."""
    return urlencode([(k, v) for k, v in query.items() if k in SEARCH_FIELDS and v])


def _and(parts: list[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def schedule_words(schedule) -> str:
    """ "Mondays and Thursdays, 10:00 to 12:00" (with any note that says more)."""
    days = _and([DAY_NAMES[d] + "s" for d in schedule.byday.split(",") if d in DAY_NAMES])
    hours = ""
    if schedule.opens_at and schedule.closes_at:
        hours = f"{schedule.opens_at:%H:%M} to {schedule.closes_at:%H:%M}"
    words = ", ".join(p for p in (days, hours) if p)
    note = schedule.description.strip()
    if note and note.lower() not in ("weekly", "every week"):
        words = f"{words} ({note})" if words else note
    return words or "Ask them when it runs"


def access_words(location) -> str:
    parts = ["Step-free access"] if location.step_free else []
    if location.accessibility:
        parts.append(location.accessibility)
    return ". ".join(parts) or "Not known: ask them before you go"


def directions_url(location) -> str:
    """Directions to the place on OpenStreetMap (from wherever the person is)."""
    if location.latitude is None or location.longitude is None:
        return ""
    to = f"{round(location.latitude, 5)},{round(location.longitude, 5)}"
    return "https://www.openstreetmap.org/directions?" + urlencode({"to": to})


def website(service) -> str:
    """The service's website, or its organisation's; only web addresses (never "javascript:")."""
    for address in (service.url, service.organization.website):
        if (address or "").lower().startswith(("https://", "http://")):
            return address
    return ""


def when_open(service) -> str:
    parts = []
    for s in service.schedules.all():
        days = ", ".join(DAY_WORDS.get(d, d) for d in s.byday.split(",") if d)
        hours = f" {s.opens_at:%H:%M} to {s.closes_at:%H:%M}" if s.opens_at and s.closes_at else ""
        parts.append(f"{days}{hours}".strip() or s.description)
    return "; ".join(p for p in parts if p) or "Ask for times"


def cost(service) -> str:
    options = list(service.cost_options.all())
    if not options or any(o.amount in (None, 0) for o in options):
        return "Free"
    return "; ".join(f"£{o.amount:.2f} {o.option}".strip() for o in options)


@dataclass
class SearchPage:
    form: object
    results: object  # a Paginator page of services or of (service, km)
    near: object
    query: object
    suggestion: str | None = None
    categories: tuple = ()

    @property
    def view(self) -> str:
        return "distance" if self.query.get("view") == "distance" and self.near else "list"

    @property
    def rows(self) -> list[dict]:
        if self.results is None:
            return []
        rows = []
        for item in self.results:
            service, km = item if isinstance(item, tuple) else (item, None)
            location = next(iter(service.at_locations.all()), None)
            rows.append(
                {
                    "service": service,
                    "km": km,
                    "where": location.location.address_1 if location else "",
                    "town": location.location.city if location else "",
                    "open": when_open(service),
                    "cost": cost(service),
                }
            )
        return rows

    @property
    def bands(self) -> list[tuple[str, list]]:
        out, lower = [], 0
        for upper, label in BANDS:
            found = [r for r in self.rows if r["km"] is not None and lower <= r["km"] < upper]
            if found:
                out.append((label, found))
            lower = upper
        return out

    @property
    def search_query(self) -> str:
        return search_query(self.query)

    @property
    def count(self) -> int:
        return self.results.paginator.count if self.results is not None else 0

    @property
    def wider_distance(self) -> int | None:
        """A wider radius to offer when nothing is near enough (None if already the widest)."""
        distance = self.query.get("distance") or "5"
        if self.near is None or not distance.isdigit() or int(distance) >= WIDEST_KM:
            return None
        return WIDEST_KM

    def link(self, **changes) -> str:
        query = {k: v for k, v in self.query.items() if v}
        query.update({k: v for k, v in changes.items() if v is not None})
        return "?" + urlencode(query)


def listings_page(orgs: list, today: date | None = None) -> dict:
    """The area admin's listings (with their evidence already read): those waiting for approval,
    approved ones not confirmed in six months, and enterprises whose evidence has run out."""
    evidence = {o.pk: expired_evidence(o, today) for o in orgs}
    approved = [o for o in orgs if o.listing_status == ListingStatus.APPROVED]
    return {
        "pending": [o for o in orgs if o.listing_status == ListingStatus.PENDING],
        "stale": [o for o in approved if is_stale(o, today)],
        "expired": [
            (o, evidence[o.pk])
            for o in approved
            if o.kind == OrganizationKind.MICRO_ENTERPRISE and evidence[o.pk]
        ],
        "evidence": evidence,
    }

"""What the directory search page shows: results as a list, or by distance."""

from dataclasses import dataclass
from urllib.parse import urlencode

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

    def link(self, **changes) -> str:
        query = {k: v for k, v in self.query.items() if v}
        query.update({k: v for k, v in changes.items() if v is not None})
        return "?" + urlencode(query)

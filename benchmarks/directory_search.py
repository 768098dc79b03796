"""Directory search over 100,000 services on PostgreSQL: text + category + distance.

Target: p95 <= 50 ms (docs/performance.md). Run with DATABASE_URL pointing at PostgreSQL:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test python benchmarks/directory_search.py
It builds a throwaway test database (as the test suite does), fills it, measures and drops it.
Prints one JSON object.
"""

import json
import os
import random
import statistics
import sys
import time
import uuid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402
from django.utils import timezone  # noqa: E402

from kinfolk.core.models import Area  # noqa: E402
from kinfolk.directory import selectors  # noqa: E402
from kinfolk.directory.demo import IDEAS  # noqa: E402
from kinfolk.directory.models import (  # noqa: E402
    Attribute,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

SERVICES, PER_ORG = 100_000, 10
CENTRES = [
    (53.72, -1.86),
    (53.80, -1.55),
    (53.48, -2.24),
    (51.51, -0.13),
    (52.48, -1.90),
    (53.41, -2.98),
    (55.95, -3.19),
    (50.72, -3.53),
    (54.97, -1.61),
    (52.63, 1.30),
]


def build(rng: random.Random) -> list:
    area = Area.objects.create(name="Bench", slug=f"bench-{uuid.uuid4().hex[:8]}")
    taxonomy = Taxonomy.objects.create(name="Bench", description="Bench")
    terms = TaxonomyTerm.objects.bulk_create(
        [TaxonomyTerm(taxonomy=taxonomy, name=name, description=name) for name in IDEAS]
    )
    words = [w for ideas in IDEAS.values() for w in ideas]
    now = timezone.now()
    orgs = Organization.objects.bulk_create(
        [
            Organization(area=area, name=f"Org {n}", description="x", kind="charity")
            for n in range(SERVICES // PER_ORG)
        ],
        batch_size=5000,
    )
    services, locations, sals, attributes = [], [], [], []
    for n in range(SERVICES):
        term = rng.choice(terms)
        name = rng.choice(words)
        lat, lon = rng.choice(CENTRES)
        service = Service(
            organization=orgs[n // PER_ORG],
            name=f"{name} {n}",
            description=f"{name} for everyone",
            last_modified=now,
            search_text=f"{name} {n} {name} for everyone org {n // PER_ORG} {term.name}".lower(),
        )
        location = Location(latitude=lat + rng.gauss(0, 0.15), longitude=lon + rng.gauss(0, 0.25))
        services.append(service)
        locations.append(location)
        sals.append(ServiceAtLocation(service=service, location=location))
        attributes.append(Attribute(service=service, taxonomy_term=term))
    for model, rows in (
        (Service, services),
        (Location, locations),
        (ServiceAtLocation, sals),
        (Attribute, attributes),
    ):
        model.objects.bulk_create(rows, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return terms


def one_search(rng, terms, words) -> float:
    """What /directory/ does for words + category + a postcode: count, first page, distances."""
    lat, lon = rng.choice(CENTRES)
    near = selectors.Near(lat + rng.gauss(0, 0.05), lon + rng.gauss(0, 0.05), 5.0)
    started = time.perf_counter()
    found = selectors.search_services(
        search=rng.choice(words).split()[0], taxonomy_term_id=rng.choice(terms).pk, near=near
    )
    results = selectors.with_distance(list(selectors.with_locations(found)[:2000]), near)
    results[:20]
    return (time.perf_counter() - started) * 1000


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("Run this on PostgreSQL: set DATABASE_URL=postgres://...")
    rng = random.Random(1)
    out = {}
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        started = time.perf_counter()
        terms = build(rng)
        out["build_seconds"] = round(time.perf_counter() - started, 1)
        words = [w for ideas in IDEAS.values() for w in ideas]
        for _ in range(20):  # warm up
            one_search(rng, terms, words)
        timings = sorted(one_search(rng, terms, words) for _ in range(300))
        out.update(
            services=Service.objects.count(),
            searches=len(timings),
            median_ms=round(statistics.median(timings), 2),
            p95_ms=round(timings[int(len(timings) * 0.95)], 2),
            max_ms=round(timings[-1], 2),
        )
    finally:
        teardown_databases(databases, verbosity=0)
    print(json.dumps(out))


if __name__ == "__main__":
    main()

import uuid
from datetime import time

from django.utils import timezone

from kinfolk.directory.models import (
    Attribute,
    CostOption,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from kinfolk.directory.services import refresh_search_text


def term(name="Being active", taxonomy=None):
    taxonomy = taxonomy or Taxonomy.objects.create(name="Categories", description="Categories")
    return TaxonomyTerm.objects.create(taxonomy=taxonomy, name=name, description=name)


def service(area, name="Walking group, Halifax", *, category=None, lat=53.7235, lon=-1.864,
            byday="TU,TH", opens=10, closes=12, amount=None, status="approved", step_free=True,
            minimum_age=None):  # fmt: skip
    org = Organization.objects.create(
        area=area, name=f"{name} people", description="A charity", kind="charity",
        listing_status=status, confirmed_at=timezone.now(),
    )  # fmt: skip
    s = Service.objects.create(
        organization=org, name=name, description=f"{name}: everyone welcome",
        last_modified=timezone.now(), minimum_age=minimum_age,
    )  # fmt: skip
    loc = Location.objects.create(
        organization=org, name="Hall", latitude=lat, longitude=lon, address_1="1 Market Street",
        city="Halifax", postal_code="HX1 1AB", step_free=step_free,
    )  # fmt: skip
    ServiceAtLocation.objects.create(service=s, location=loc)
    Schedule.objects.create(service=s, byday=byday, opens_at=time(opens), closes_at=time(closes))
    CostOption.objects.create(service=s, option="per session", amount=amount)
    if category:
        Attribute.objects.create(service=s, taxonomy_term=category)
    refresh_search_text(s)
    return s


def new_id() -> str:
    return str(uuid.uuid4())

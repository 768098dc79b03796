"""A true-to-life demo directory: ~80 organisations and ~300 services across Calder Vale."""

import random
import uuid
from datetime import date, time, timedelta

from django.utils import timezone

from kinfolk.core.geography import OUTWARD_CODE_CENTRES

from .models import (
    Attribute,
    CostOption,
    Evidence,
    ListingStatus,
    Location,
    Organization,
    OrganizationKind,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

# Written in this order, so that every row's parent is there before it.
BULK_ORDER = [
    Organization,
    Evidence,
    Location,
    Service,
    ServiceAtLocation,
    Attribute,
    Schedule,
    CostOption,
    Phone,
]
TAXONOMY_ID = uuid.UUID("6f1c7d0e-2a4b-4c8e-9d3f-5a6b7c8d9e01")
CATEGORIES = [
    ("social", "Social activities and clubs"),
    ("peer", "Peer support"),
    ("active", "Being active"),
    ("arts", "Arts, music and creativity"),
    ("learning", "Learning and skills"),
    ("money", "Money and benefits advice"),
    ("carers", "Support for carers"),
    ("mental", "Mental health and wellbeing"),
    ("food", "Food and cooking"),
    ("volunteering", "Volunteering"),
    ("befriending", "Befriending"),
    ("day", "Day opportunities"),
    ("digital", "Digital skills"),
    ("work", "Work and employment"),
    ("housing", "Housing and home"),
    ("faith", "Faith and culture"),
]
# Other words people use for each category: words search finds its services by them.
SYNONYMS = {
    "social": "company, friends, friendship, meet people, lonely, loneliness, isolated, club",
    "peer": "support group, lived experience, people like me, recovery, self-help",
    "active": "exercise, fitness, sport, walk, walking, physical activity, keep fit, outdoors",
    "arts": "art, music, singing, craft, creative, painting, drawing, theatre",
    "learning": "course, class, education, learn, skills, reading, language",
    "money": "benefits, debt, bills, income, welfare rights, cost of living, pension",
    "carers": "caring, carer, unpaid carer, looking after someone, respite, break",
    "mental": "anxiety, depression, stress, wellbeing, low mood, worry, talking",
    "food": "meal, lunch, eating, cooking, food bank, hungry",
    "volunteering": "volunteer, help others, give back, unpaid work",
    "befriending": "company, companionship, friend, friendship, lonely, loneliness, isolated, "
    "isolation, visits, phone calls, someone to talk to",
    "day": "day centre, day service, something to do, gardening, activities",
    "digital": "computer, internet, online, smartphone, tablet, email, scams",
    "work": "job, employment, CV, careers, training, back to work",
    "housing": "home, repairs, adaptations, hospital discharge, moving home, tenancy",
    "faith": "church, mosque, temple, gurdwara, religion, culture, community",
}
IDEAS = {
    "social": ["Lunch club", "Coffee morning", "Knit and natter", "Games afternoon", "Men's shed"],
    "peer": ["Hearing voices group", "Autism peer group", "Bereavement circle", "Recovery café"],
    "active": ["Walking group", "Chair yoga", "Walking football", "Swim session", "Green gym"],
    "arts": ["Community choir", "Art club", "Ukulele group", "Pottery", "Drama workshop"],
    "learning": ["English conversation", "Local history group", "Reading group"],
    "money": ["Benefits advice drop-in", "Debt advice", "Energy bills help"],
    "carers": ["Carers' café", "Young carers club", "Carers' emergency planning"],
    "mental": ["Wellbeing drop-in", "Mindfulness", "Talking therapies self-referral"],
    "food": ["Community kitchen", "Food pantry", "Cook and eat"],
    "volunteering": ["Volunteer matching", "Litter pick", "Befriender training"],
    "befriending": ["Telephone befriending", "Befriending visits"],
    "day": ["Day opportunities", "Allotment project", "Horticulture day"],
    "digital": ["Tablet and phone help", "Online safety"],
    "work": ["Supported employment", "CV and job club"],
    "housing": ["Handyperson service", "Home from hospital support"],
    "faith": ["Friday community meal", "Multi-faith friendship group"],
}
TOWNS = {
    "HX1": "Halifax",
    "HX2": "Halifax",
    "HX3": "Halifax",
    "HX5": "Elland",
    "HX6": "Sowerby Bridge",
    "HX7": "Hebden Bridge",
    "HD6": "Brighouse",
    "OL14": "Todmorden",
}
KINDS = (
    [OrganizationKind.CHARITY] * 40
    + [OrganizationKind.PEER_SUPPORT] * 12
    + [OrganizationKind.MICRO_ENTERPRISE] * 12
    + [OrganizationKind.COUNCIL] * 8
    + [OrganizationKind.NHS] * 8
)
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
STREETS = [
    "Market Street",
    "Church Lane",
    "Commercial Road",
    "Mill Lane",
    "Station Road",
    "Park Road",
    "Bridge Street",
    "Albion Street",
]


def _taxonomy() -> dict:
    taxonomy, _ = Taxonomy.objects.get_or_create(
        id=TAXONOMY_ID,
        defaults={
            "name": "Kinfolk community categories",
            "version": "1",
            "description": "What people are looking for in their community.",
        },
    )
    return {
        code: TaxonomyTerm.objects.get_or_create(
            taxonomy=taxonomy,
            code=code,
            defaults={"name": name, "description": name, "synonyms": SYNONYMS[code]},
        )[0]
        for code, name in CATEGORIES
    }


NAME_PARTS = {
    OrganizationKind.CHARITY: ["Community Trust", "Together", "Mind", "Age Concern", "Action"],
    OrganizationKind.PEER_SUPPORT: ["Peer Network", "Friends Group", "Circle"],
    OrganizationKind.MICRO_ENTERPRISE: ["Sunflower Support", "Brookside Days", "Oak Tree Gardens",
                                        "Kingfisher Companions", "Heather Support"],
    OrganizationKind.COUNCIL: ["Adult Learning", "Libraries", "Leisure", "Welfare Rights"],
    OrganizationKind.NHS: ["Primary Care Network", "Talking Therapies", "Community Health"],
}  # fmt: skip


def _org_name(kind, n, rng) -> str:
    part = rng.choice(NAME_PARTS[kind])
    if kind == OrganizationKind.MICRO_ENTERPRISE:
        return f"{part} ({n})"
    if kind in (OrganizationKind.COUNCIL, OrganizationKind.NHS):
        prefix = "Calder Vale Council" if kind == OrganizationKind.COUNCIL else "Calder Vale"
        return f"{prefix} {part} ({n})"
    return f"{rng.choice(list(TOWNS.values()))} {part} ({n})"


def load_directory(area, rng: random.Random) -> int:
    """About 80 organisations and 300 services, each with a place, times and a cost.

    Rows are made in memory and written in bulk (a few queries per table, not ten per service);
    each service's search text is what `refresh_search_text` would write for it.
    """
    terms = _taxonomy()
    now = timezone.now()
    rows = {model: [] for model in BULK_ORDER}
    for n, kind in enumerate(KINDS, start=1):
        code = rng.choice(list(TOWNS))
        lat, lon = OUTWARD_CODE_CENTRES[code]
        micro = kind == OrganizationKind.MICRO_ENTERPRISE
        org = Organization(
            area=area,
            name=_org_name(kind, n, rng),
            kind=kind,
            description=f"A {kind.label.lower()} in {TOWNS[code]}.",
            email=f"hello@org{n}.example.org",
            website=f"https://org{n}.example.org",
            listing_status=ListingStatus.PENDING
            if micro and n % 6 == 0
            else ListingStatus.APPROVED,
            workers=rng.randint(1, 8) if micro else None,
            payment_methods=["direct_payment", "self_funded"] if micro else [],
            capacity="Room for 3 more people" if micro else "",
            confirmed_at=now - timedelta(days=240 if n % 11 == 0 else rng.randint(1, 150)),
        )
        rows[Organization].append(org)
        if micro:
            for kind_value in Evidence.Kind.values:
                expired = kind_value == "insurance" and n % 5 == 0
                rows[Evidence].append(
                    Evidence(
                        organization=org,
                        kind=kind_value,
                        expires_on=date.today() + timedelta(days=-10 if expired else 300),
                    )
                )
        location = Location(
            organization=org,
            name=f"{org.name.split(' (')[0]} base",
            latitude=lat + rng.uniform(-0.012, 0.012),
            longitude=lon + rng.uniform(-0.02, 0.02),
            address_1=f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
            city=TOWNS[code],
            postal_code=f"{code} {rng.randint(1, 9)}AB",
            step_free=rng.random() < 0.6,
            accessibility="Step-free entrance, accessible toilet" if rng.random() < 0.5 else "",
        )
        rows[Location].append(location)
        for _ in range(rng.choice([2, 3, 4, 4, 5, 5])):
            _service(rows, org, location, terms, code, now, rng)
    for model in BULK_ORDER:
        model.objects.bulk_create(rows[model])
    return len(rows[Service])


def _service(rows: dict, org, location, terms: dict, code: str, now, rng: random.Random) -> None:
    category = rng.choice(list(IDEAS))
    name = rng.choice(IDEAS[category])
    service = Service(
        organization=org,
        name=f"{name}, {TOWNS[code]}",
        description=f"{name} run by {org.name.split(' (')[0]}. Everyone welcome; "
        "come along or ask us about it first.",
        email=org.email,
        last_modified=now - timedelta(days=rng.randint(0, 300)),
        minimum_age=rng.choice([None, None, 16, 18, 50]),
        maximum_age=rng.choice([None, None, None, 25]),
    )
    term = terms[category]
    rows[Service].append(service)
    rows[ServiceAtLocation].append(ServiceAtLocation(service=service, location=location))
    rows[Attribute].append(Attribute(service=service, taxonomy_term=term))
    days = sorted(rng.sample(range(7), rng.randint(1, 3)))
    opens = rng.choice([9, 10, 13, 18])
    rows[Schedule].append(
        Schedule(
            service=service,
            byday=",".join(DAYS[d] for d in days),
            opens_at=time(opens),
            closes_at=time(opens + rng.choice([2, 3])),
            description="Weekly",
        )
    )
    free = rng.random() < 0.6
    amount = None if free else rng.choice([2, 3, 5, 8, 12])
    rows[CostOption].append(
        CostOption(
            service=service,
            option="per session",
            amount=amount,
            amount_description="Free" if free else "Pay on the day",
        )
    )
    rows[Phone].append(Phone(service=service, number=f"01422 {rng.randint(100000, 999999)}"))
    # As refresh_search_text writes it, from what is known here without asking the database.
    text = f"{service.name} {service.description} {org.name} {term.name} {term.synonyms}"
    service.search_text = text.lower()
    service.free = amount is None


def load_demo(demo) -> None:
    """The demo area's part: its community directory (a full-size demo area only)."""
    if demo.full_size:
        load_directory(demo.area, demo.rng)

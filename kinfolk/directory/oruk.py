"""Directory rows as Open Referral UK 3.0 JSON: the shapes of the standard's compiled schemas.

Optional fields that are empty are left out rather than sent as null, which the schemas
(string with a format) would refuse.
"""

from datetime import date, datetime, time
from decimal import Decimal
from uuid import UUID

HSDS_VERSION = "3.0"
PROFILE_URL = "https://openreferraluk.org/"


def _clean(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        if value is None or value == "":
            continue
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, date | time):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = float(value)
        elif isinstance(value, UUID):
            value = str(value)
        out[key] = value
    return out


def taxonomy_term(term) -> dict:
    return _clean(
        {
            "id": term.id,
            "name": term.name,
            "description": term.description,
            "code": term.code,
            "parent_id": term.parent_id,
            "taxonomy_id": term.taxonomy_id,
            "taxonomy": term.taxonomy.name,
        }
    )


def taxonomy(tax, terms: bool = False) -> dict:
    data = _clean(
        {
            "id": tax.id,
            "name": tax.name,
            "description": tax.description,
            "uri": tax.uri,
            "version": tax.version,
        }
    )
    if terms:
        data["taxonomy_terms"] = [taxonomy_term(t) for t in tax.terms.all()]
    return data


def organization(org) -> dict:
    return _clean(
        {
            "id": org.id,
            "name": org.name,
            "description": org.description,
            "email": org.email,
            "website": org.website,
            "uri": org.uri,
        }
    )


def _attribute(attribute) -> dict:
    return {
        "id": str(attribute.id),
        "link_id": str(attribute.service_id),
        "link_type": attribute.link_type,
        "taxonomy_term_id": str(attribute.taxonomy_term_id),
        "taxonomy_term": taxonomy_term(attribute.taxonomy_term),
    }


def location(loc) -> dict:
    data = _clean(
        {
            "id": loc.id,
            "location_type": loc.location_type,
            "name": loc.name,
            "description": loc.description,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
        }
    )
    if loc.address_1:
        data["addresses"] = [
            {
                "id": str(loc.id),
                "location_id": str(loc.id),
                "address_1": loc.address_1,
                "city": loc.city,
                "state_province": "",
                "postal_code": loc.postal_code,
                "country": "GB",
                "address_type": "physical",
            }
        ]
    if loc.accessibility or loc.step_free:
        data["accessibility"] = [
            _clean(
                {
                    "id": loc.id,
                    "location_id": loc.id,
                    "description": loc.accessibility or "Step-free access",
                    "accessibility": "step-free" if loc.step_free else "",
                }
            )
        ]
    return data


def service_brief(service) -> dict:
    """A service as the list pages give it."""
    return _clean(
        {
            "id": service.id,
            "organization_id": service.organization_id,
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "fees": service.fees,
            "accreditations": service.accreditations,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.assured_date,
            "alert": service.alert,
            "last_modified": service.last_modified,
        }
    ) | {"organization": organization(service.organization)}


def service_full(service) -> dict:
    """A fully nested service (GET /services/{id})."""
    sid = str(service.id)
    return service_brief(service) | {
        "schedules": [
            _clean(
                {
                    "id": s.id,
                    "service_id": sid,
                    "freq": s.freq,
                    "byday": s.byday,
                    "opens_at": s.opens_at,
                    "closes_at": s.closes_at,
                    "description": s.description,
                    "valid_from": s.valid_from,
                    "valid_to": s.valid_to,
                }
            )
            for s in service.schedules.all()
        ],
        "service_areas": [
            _clean(
                {
                    "id": a.id,
                    "service_id": sid,
                    "name": a.name,
                    "extent_type": "text",
                    "service_area": a.description,
                }
            )
            for a in service.service_areas.all()
        ],
        "service_at_locations": [
            {
                "id": str(sal.id),
                "service_id": sid,
                "location_id": str(sal.location_id),
                "location": location(sal.location),
            }
            for sal in service.at_locations.all()
        ],
        "languages": [
            _clean({"id": lang.id, "service_id": sid, "name": lang.name, "code": lang.code})
            for lang in service.languages.all()
        ],
        "funding": [
            {"id": str(f.id), "service_id": sid, "source": f.source} for f in service.funding.all()
        ],
        "cost_options": [
            _clean(
                {
                    "id": c.id,
                    "service_id": sid,
                    "option": c.option,
                    "amount": c.amount,
                    "amount_description": c.amount_description,
                }
            )
            for c in service.cost_options.all()
        ],
        "contacts": [
            _clean({"id": c.id, "service_id": sid, "name": c.name, "title": c.title})
            for c in service.contacts.all()
        ],
        "phones": [
            {"id": str(p.id), "service_id": sid, "number": p.number} for p in service.phones.all()
        ],
        "attributes": [_attribute(a) for a in service.attributes.all()],
    }


def service_at_location_brief(sal) -> dict:
    return {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
        "location": location(sal.location),
        "service": service_brief(sal.service),
    }


def page(contents: list, total: int, page_number: int, per_page: int) -> dict:
    pages = max(1, -(-total // per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= pages,
        "empty": total == 0,
        "contents": contents,
    }

"""Import and export Open Referral UK feeds: JSON (services as the API gives them) or a
datapackage of CSVs. Imports are all-or-nothing; every problem is reported with its record
and field, and nothing is written if there is any."""

import csv
import io
import json
import math
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime, parse_time

from kinfolk.core import csv_export

from . import oruk
from .models import (
    Attribute,
    CostOption,
    Location,
    Organization,
    OrganizationKind,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
)
from .services import refresh_search_text


@dataclass
class Problems(Exception):
    problems: list = field(default_factory=list)

    def add(self, record: str, field_name: str, message: str) -> None:
        self.problems.append(f"{record}: {field_name}: {message}")

    def __str__(self) -> str:
        return f"{len(self.problems)} problem(s):\n" + "\n".join(self.problems)


def _uuid(value, problems, record, name, required=True):
    if value in (None, ""):
        if required:
            problems.add(record, name, "is required")
        return None
    try:
        return UUID(str(value))
    except ValueError:
        problems.add(record, name, f"{value!r} is not a UUID")
        return None


MAX_TEXT = 10_000  # descriptions and other free text


def _text(data, name, problems, record, required=False, max_length=MAX_TEXT):
    value = data.get(name)
    if value in (None, ""):
        if required:
            problems.add(record, name, "is required")
        return ""
    if not isinstance(value, str):
        problems.add(record, name, "must be text")
        return ""
    if len(value) > max_length:
        problems.add(record, name, f"is longer than {max_length} characters")
        return ""
    if "\x00" in value:
        problems.add(record, name, "contains a NUL character (\\0)")
        return ""
    return value


def _number(data, name, problems, record, kind=float):
    value = data.get(name)
    if value is None or value == "":
        return None
    try:
        if isinstance(value, bool | list | dict):
            raise TypeError
        number = kind(value)
        if kind is float and not math.isfinite(number):
            raise ValueError
        return number
    except (TypeError, ValueError, OverflowError):
        problems.add(record, name, f"{value!r} is not a number")
        return None


# --- JSON -----------------------------------------------------------------------------------


def _services_from(data) -> list:
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        return data["contents"]
    if isinstance(data, list):
        return data
    raise Problems(["feed: top level: expected a list of services or a page with 'contents'"])


def parse_json_feed(text: str) -> list[dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise Problems([f"feed: JSON: {error.msg} at line {error.lineno}"]) from error
    except RecursionError as error:
        raise Problems(["feed: JSON: nested too deeply to be a feed"]) from error
    return _services_from(data)


def read_json_feed(path: Path) -> list[dict]:
    """The services in a saved JSON feed file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise Problems([f"feed: the file is not UTF-8 text ({error.reason})"]) from error
    return parse_json_feed(text)


@dataclass
class Plan:
    """Everything an import would write, built before anything is written."""

    organizations: dict = field(default_factory=dict)
    taxonomies: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    services: list = field(default_factory=list)
    locations: dict = field(default_factory=dict)
    children: list = field(default_factory=list)  # (model, kwargs)
    referenced_locations: dict = field(default_factory=dict)  # id: where, not in the feed


def _objects(data: dict, name: str, problems: Problems, record: str) -> list[tuple[str, dict]]:
    """The objects in a list field, each with where it is; anything else is a problem."""
    value = data.get(name)
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        problems.add(record, name, "must be a list")
        return []
    found = []
    for k, item in enumerate(value):
        where = f"{record}.{name}[{k}]"
        if isinstance(item, dict):
            found.append((where, item))
        else:
            problems.add(where, name, "must be an object")
    return found


def _object(data: dict, name: str, problems: Problems, record: str) -> dict:
    value = data.get(name)
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        problems.add(record, name, "must be an object")
        return {}
    return value


def _time(data: dict, name: str, problems: Problems, record: str):
    value = data.get(name)
    if value in (None, ""):
        return None
    parsed = parse_time(value) if isinstance(value, str) else None
    if parsed is None:
        problems.add(record, name, f"{value!r} is not a time like 09:30")
    return parsed


def _plan_organization(raw, oid, plan, problems, record, area) -> None:
    org = _object(raw, "organization", problems, record)
    if not oid or oid in plan.organizations:
        return
    if not org:
        problems.add(
            record,
            "organization",
            f"{oid} is not in the feed (give the organisation it belongs to)",
        )
        return
    kind = org.get("kind")
    plan.organizations[oid] = dict(
        id=oid,
        area=area,
        name=_text(org, "name", problems, record, required=True, max_length=200),
        description=_text(org, "description", problems, record, required=True),
        email=_text(org, "email", problems, record),
        website=_text(org, "website", problems, record),
        kind=kind if kind in OrganizationKind.values else OrganizationKind.CHARITY,
    )


def _plan_times_and_costs(raw, sid, plan, problems, record) -> None:
    for where, item in _objects(raw, "schedules", problems, record):
        plan.children.append(
            (
                Schedule,
                dict(
                    id=_uuid(item.get("id"), problems, where, "id"),
                    service_id=sid,
                    freq=_text(item, "freq", problems, where, max_length=10) or "WEEKLY",
                    byday=_text(item, "byday", problems, where, max_length=30),
                    opens_at=_time(item, "opens_at", problems, where),
                    closes_at=_time(item, "closes_at", problems, where),
                    description=_text(item, "description", problems, where),
                ),
            )
        )
    for where, item in _objects(raw, "cost_options", problems, record):
        plan.children.append(
            (
                CostOption,
                dict(
                    id=_uuid(item.get("id"), problems, where, "id"),
                    service_id=sid,
                    option=_text(item, "option", problems, where, max_length=200),
                    amount=_bounded(item, "amount", problems, where, 0, 999_999.99),
                    amount_description=_text(
                        item, "amount_description", problems, where, max_length=200
                    ),
                ),
            )
        )


def _plan_places(raw, sid, oid, plan, problems, record) -> None:
    for where, sal in _objects(raw, "service_at_locations", problems, record):
        loc = _object(sal, "location", problems, where)
        lid = _uuid(sal.get("location_id") or loc.get("id"), problems, where, "location_id")
        if lid and lid not in plan.locations and not loc:
            plan.referenced_locations.setdefault(lid, where)
        elif lid and lid not in plan.locations:
            addresses = _objects(loc, "addresses", problems, where)
            address = addresses[0][1] if addresses else {}
            plan.locations[lid] = dict(
                id=lid,
                organization_id=oid,
                name=_text(loc, "name", problems, where, max_length=200),
                description=_text(loc, "description", problems, where),
                latitude=_bounded(loc, "latitude", problems, where, -90, 90),
                longitude=_bounded(loc, "longitude", problems, where, -180, 180),
                address_1=_text(address, "address_1", problems, where, max_length=200),
                city=_text(address, "city", problems, where, max_length=100),
                postal_code=_text(address, "postal_code", problems, where, max_length=10),
            )
        plan.children.append(
            (
                ServiceAtLocation,
                dict(
                    id=_uuid(sal.get("id"), problems, where, "id"),
                    service_id=sid,
                    location_id=lid,
                ),
            )
        )


def _plan_categories(raw, sid, plan, problems, record) -> None:
    for where, attribute in _objects(raw, "attributes", problems, record):
        term = _object(attribute, "taxonomy_term", problems, where)
        tid = _uuid(
            attribute.get("taxonomy_term_id") or term.get("id"), problems, where, "taxonomy_term_id"
        )
        if tid and tid not in plan.terms:
            if not term:
                problems.add(where, "taxonomy_term", "is required")
                continue
            tax_id = _uuid(term.get("taxonomy_id"), problems, where, "taxonomy_term.taxonomy_id")
            if tax_id and tax_id not in plan.taxonomies:
                name = _text(term, "taxonomy", problems, where, max_length=200) or "Imported"
                plan.taxonomies[tax_id] = dict(id=tax_id, name=name, description=name)
            name = _text(term, "name", problems, where, required=True, max_length=200)
            plan.terms[tid] = dict(
                id=tid,
                taxonomy_id=tax_id,
                name=name,
                description=_text(term, "description", problems, where) or name,
            )
        plan.children.append(
            (
                Attribute,
                dict(
                    id=_uuid(attribute.get("id"), problems, where, "id"),
                    service_id=sid,
                    taxonomy_term_id=tid,
                ),
            )
        )


def _plan_service(raw, n, plan: Plan, problems: Problems, area) -> None:
    if not isinstance(raw, dict):
        problems.add(f"services[{n}]", "service", "must be an object")
        return
    record = f"services[{n}]" + (f" ({raw['id']})" if isinstance(raw.get("id"), str) else "")
    sid = _uuid(raw.get("id"), problems, record, "id")
    status = raw.get("status") or "active"
    if not isinstance(status, str) or status not in ServiceStatus.values:
        problems.add(
            record, "status", f"{status!r} is not one of {', '.join(ServiceStatus.values)}"
        )
    org = _object(raw, "organization", problems, record)
    oid = _uuid(raw.get("organization_id") or org.get("id"), problems, record, "organization_id")
    _plan_organization(raw, oid, plan, problems, record, area)
    modified = raw.get("last_modified")
    last_modified = parse_datetime(modified) if isinstance(modified, str) else None
    if modified not in (None, "") and last_modified is None:
        problems.add(record, "last_modified", f"{modified!r} is not a date and time")
    plan.services.append(
        dict(
            id=sid,
            organization_id=oid,
            name=_text(raw, "name", problems, record, required=True, max_length=200),
            description=_text(raw, "description", problems, record),
            url=_text(raw, "url", problems, record, max_length=200),
            email=_text(raw, "email", problems, record, max_length=254),
            status=status,
            fees=_text(raw, "fees", problems, record),
            minimum_age=_age(raw, "minimum_age", problems, record),
            maximum_age=_age(raw, "maximum_age", problems, record),
            last_modified=last_modified or timezone.now(),
        )
    )
    _plan_times_and_costs(raw, sid, plan, problems, record)
    _plan_places(raw, sid, oid, plan, problems, record)
    _plan_categories(raw, sid, plan, problems, record)


def _bounded(data, name, problems, record, low, high):
    value = _number(data, name, problems, record)
    if value is not None and not low <= value <= high:
        problems.add(record, name, f"must be from {low} to {high}")
        return None
    return value


def _age(data, name, problems, record):
    value = _number(data, name, problems, record, int)
    if value is not None and not 0 <= value <= 130:
        problems.add(record, name, "must be an age from 0 to 130")
        return None
    return value


def _check_child_ids(plan: Plan, problems: Problems) -> None:
    by_model: dict = {}
    for model, kwargs in plan.children:
        by_model.setdefault(model, []).append(kwargs)
    for model, rows in by_model.items():
        ids = [r["id"] for r in rows if r["id"]]
        existing = set(model.objects.filter(pk__in=ids).values_list("pk", flat=True))
        seen = set()
        for child_id in ids:
            where = f"{model._meta.verbose_name} ({child_id})"
            if child_id in existing:
                problems.add(where, "id", "is already in the directory")
            elif child_id in seen:
                problems.add(where, "id", "appears twice in the feed")
            seen.add(child_id)
    pairs = [(r["service_id"], r["taxonomy_term_id"]) for r in by_model.get(Attribute, [])]
    for service_id, term_id in {p for p in pairs if pairs.count(p) > 1}:
        problems.add(f"services ({service_id})", "attributes", f"term {term_id} appears twice")


def _check_area(plan: Plan, problems: Problems, area) -> None:
    """An import adds to this area's directory only: never to another area's organisations."""
    for org in Organization.objects.filter(pk__in=plan.organizations).exclude(area=area):
        problems.add(
            f"organization ({org.pk})", "id",
            "belongs to another area; an import can only add to this area's organisations",
        )  # fmt: skip
    location_ids = {*plan.locations, *plan.referenced_locations}
    for location in Location.objects.filter(pk__in=location_ids).exclude(organization__area=area):
        problems.add(f"location ({location.pk})", "id", "belongs to another area")
    known = set(
        Location.objects.filter(pk__in=plan.referenced_locations).values_list("pk", flat=True)
    )
    for lid, where in plan.referenced_locations.items():
        if lid not in known:
            problems.add(where, "location_id", f"{lid} is not in the feed or the directory")


def _check_new(plan: Plan, problems: Problems, area=None) -> None:
    if area is not None:
        _check_area(plan, problems, area)
    _check_child_ids(plan, problems)
    existing = set(
        Service.objects.filter(pk__in=[s["id"] for s in plan.services if s["id"]]).values_list(
            "pk", flat=True
        )
    )
    seen = set()
    for n, s in enumerate(plan.services):
        if s["id"] in existing:
            problems.add(
                f"services[{n}] ({s['id']})",
                "id",
                "a service with this id is already in the directory",
            )
        if s["id"] in seen:
            problems.add(f"services[{n}] ({s['id']})", "id", "appears twice in the feed")
        seen.add(s["id"])


@transaction.atomic
def _write(plan: Plan) -> int:
    known_orgs = set(
        Organization.objects.filter(pk__in=plan.organizations).values_list("pk", flat=True)
    )
    Organization.objects.bulk_create(
        [Organization(**o) for k, o in plan.organizations.items() if k not in known_orgs]
    )
    known = set(Taxonomy.objects.filter(pk__in=plan.taxonomies).values_list("pk", flat=True))
    Taxonomy.objects.bulk_create(
        [Taxonomy(**t) for k, t in plan.taxonomies.items() if k not in known]
    )
    known = set(TaxonomyTerm.objects.filter(pk__in=plan.terms).values_list("pk", flat=True))
    TaxonomyTerm.objects.bulk_create(
        [TaxonomyTerm(**t) for k, t in plan.terms.items() if k not in known]
    )
    known = set(Location.objects.filter(pk__in=plan.locations).values_list("pk", flat=True))
    Location.objects.bulk_create(
        [Location(**x) for k, x in plan.locations.items() if k not in known]
    )
    services = Service.objects.bulk_create([Service(**s) for s in plan.services])
    for model, kwargs in plan.children:
        model.objects.create(**kwargs)
    for service in services:
        refresh_search_text(service)
    return len(services)


def import_services(raw_services: list, area) -> int:
    """All or nothing: every problem is collected first; nothing is written if there is one."""
    problems, plan = Problems(), Plan()
    for n, raw in enumerate(raw_services):
        _plan_service(raw, n, plan, problems, area)
    _check_new(plan, problems, area)
    if problems.problems:
        raise problems
    return _write(plan)


def export_json(services) -> str:
    return json.dumps([oruk.service_full(s) for s in services], ensure_ascii=False, indent=2)


# --- datapackage (CSV) ----------------------------------------------------------------------

TABLES = [
    "organizations",
    "services",
    "locations",
    "service_at_locations",
    "schedules",
    "cost_options",
    "taxonomies",
    "taxonomy_terms",
    "attributes",
]


def _rows(files: dict, name: str) -> list[dict]:
    text = files.get(f"{name}.csv")
    if not text:
        return []
    try:
        return [
            {key: csv_export.restore_cell(value) if isinstance(value, str) else value
             for key, value in row.items() if key is not None}
            for row in csv.DictReader(io.StringIO(text))
        ]  # fmt: skip
    except csv.Error as error:
        raise Problems([f"{name}.csv: {error}"]) from error


def read_datapackage(path: Path) -> dict[str, str]:
    """CSV files by name, from a folder or a zip holding datapackage.json."""
    try:
        if path.is_dir():
            return {p.name: p.read_text(encoding="utf-8-sig") for p in path.glob("*.csv")}
        with zipfile.ZipFile(path) as archive:
            return {
                Path(n).name: archive.read(n).decode("utf-8-sig")
                for n in archive.namelist()
                if n.endswith(".csv")
            }
    except UnicodeDecodeError as error:
        raise Problems([f"feed: a CSV file is not UTF-8 text ({error.reason})"]) from error
    except zipfile.BadZipFile as error:
        raise Problems(
            ["feed: not a zip file (give a datapackage .zip, a folder of CSVs or a .json feed)"]
        ) from error


def services_from_datapackage(files: dict[str, str]) -> list[dict]:
    """Rebuild nested services from the tables, so one validation path serves both formats."""
    orgs = {r.get("id"): r for r in _rows(files, "organizations")}
    locs = {r.get("id"): r for r in _rows(files, "locations")}
    taxes = {r.get("id"): r for r in _rows(files, "taxonomies")}
    terms = {r.get("id"): r for r in _rows(files, "taxonomy_terms")}
    by_service: dict = {}
    for table in ("service_at_locations", "schedules", "cost_options", "attributes"):
        for row in _rows(files, table):
            by_service.setdefault((table, row.get("service_id") or row.get("link_id")), []).append(
                row
            )
    out = []
    for s in _rows(files, "services"):
        sid = s.get("id")
        out.append(
            {
                **{k: v for k, v in s.items() if v != ""},
                "organization": orgs.get(s.get("organization_id")),
                "service_at_locations": [
                    {
                        "id": r.get("id"),
                        "location_id": r.get("location_id"),
                        "location": (
                            {
                                **locs[r.get("location_id")],
                                "addresses": [locs[r.get("location_id")]],
                            }
                            if r.get("location_id") in locs
                            else None
                        ),
                    }
                    for r in by_service.get(("service_at_locations", sid), [])
                ],
                "schedules": by_service.get(("schedules", sid), []),
                "cost_options": by_service.get(("cost_options", sid), []),
                "attributes": [
                    {
                        "id": r.get("id"),
                        "taxonomy_term_id": r.get("taxonomy_term_id"),
                        "taxonomy_term": {
                            **terms.get(r.get("taxonomy_term_id"), {}),
                            "taxonomy": taxes.get(
                                terms.get(r.get("taxonomy_term_id"), {}).get("taxonomy_id"), {}
                            ).get("name"),
                        },
                    }
                    for r in by_service.get(("attributes", sid), [])
                ],
            }
        )
    return out


def export_datapackage(services, path: Path) -> None:
    """A zip of CSVs (one per table) with a datapackage.json describing them."""
    tables: dict = {name: {} for name in TABLES}
    for s in services:
        data = oruk.service_full(s)
        org = data.pop("organization")
        tables["organizations"][org["id"]] = org
        for sal in data.pop("service_at_locations"):
            loc = sal.pop("location")
            address = (loc.pop("addresses", None) or [{}])[0]
            loc.pop("accessibility", None)
            tables["locations"][loc["id"]] = {
                **loc,
                "address_1": address.get("address_1", ""),
                "city": address.get("city", ""),
                "postal_code": address.get("postal_code", ""),
            }
            tables["service_at_locations"][sal["id"]] = {**sal, "service_id": data["id"]}
        for name in ("schedules", "cost_options"):
            for row in data.pop(name):
                tables[name][row["id"]] = row
        for attribute in data.pop("attributes"):
            term = attribute.pop("taxonomy_term")
            tables["taxonomy_terms"][term["id"]] = {
                k: v for k, v in term.items() if k != "taxonomy"
            }
            tables["taxonomies"][term["taxonomy_id"]] = {
                "id": term["taxonomy_id"],
                "name": term.get("taxonomy", ""),
                "description": term.get("taxonomy", ""),
            }
            tables["attributes"][attribute["id"]] = attribute
        for name in ("service_areas", "languages", "funding", "contacts", "phones"):
            data.pop(name, None)
        tables["services"][data["id"]] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        resources = []
        for name, rows in tables.items():
            columns = sorted({k for r in rows.values() for k in r})
            buffer = io.StringIO()
            writer = csv_export.dict_writer(buffer, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows.values())
            archive.writestr(f"{name}.csv", buffer.getvalue())
            resources.append({"name": name, "path": f"{name}.csv", "format": "csv"})
        archive.writestr(
            "datapackage.json",
            json.dumps(
                {
                    "name": "kinfolk-directory",
                    "profile": "tabular-data-package",
                    "created": datetime.now().isoformat(),
                    "resources": resources,
                },
                indent=2,
            ),
        )

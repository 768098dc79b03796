"""The wellbeing hub: one public page per area that brings together what the area promised,
how people score its services, what outcome contracts paid for, and whether services connect
people (the connection test); every figure under the disclosure rule, also as open data."""

from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils import timezone

from kinfolk.core import periods
from kinfolk.core.disclosure import words
from kinfolk.wellbeing import connection

from . import selectors
from .outcomes.models import ClaimStatus, OutcomesContract
from .outcomes.presenters import outcome_rows, pounds
from .scores import selectors as scores


@dataclass
class Hub:
    area: object
    commitments: dict
    year: object
    scored: list = field(default_factory=list)  # (service, people shown)
    contracts: list = field(default_factory=list)  # dicts
    connecting: list = field(default_factory=list)  # connection test rows


def hub_for(area) -> Hub:
    """Everything on the area's hub page (call inside `within_area(area)`)."""
    today = timezone.localdate()
    year = periods.chosen(None, since=scores.first_score_on(area=area), today=today)
    roots = selectors.published_tree(area=area)
    scored = [
        (line.section, line.shown)
        for line in scores.published(area=area, year=year)
        if line.label == "People who scored it"
    ]
    contracts = []
    for contract in OutcomesContract.objects.in_area(area).select_related("organization"):
        claims = list(contract.claims.all())
        rows = outcome_rows(contract, claims)
        confirmed_shown = all(r.confirmed != "Suppressed" for r in rows)
        paid = contract.claims.filter(status=ClaimStatus.CONFIRMED).aggregate(t=Sum("paid_pence"))
        contracts.append({
            "title": contract.title,
            "provider": contract.organization.name,
            "outcomes": [{"outcome": r.outcome, "price": r.price, "confirmed": r.confirmed,
                          "paid": r.paid} for r in rows],
            "paid": pounds(paid["t"] or 0) if confirmed_shown else words(None),
        })  # fmt: skip
    rows = connection.service_rows(connection.changes_in_area(area))
    return Hub(
        area=area,
        commitments=selectors.summary(roots, today),
        year=year,
        scored=scored,
        contracts=contracts,
        connecting=[
            {
                "service": r.service,
                "people": r.people_shown,
                "made": r.made.shown,
                "lost": r.lost.shown,
                "loneliness": r.ucla3_change.shown,
            }
            for r in rows
        ],  # fmt: skip
    )


def open_data(hub: Hub) -> dict:
    """The hub as open data: the same figures as the page."""
    return {
        "area": hub.area.name,
        "commitments": hub.commitments,
        "scores_year": hub.year.code,
        "services_scored": [{"service": s, "people": p} for s, p in hub.scored],
        "outcome_contracts": hub.contracts,
        "connection_test": hub.connecting,
    }

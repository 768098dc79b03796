"""Social prescribing FHIR interop: a referral as a ServiceRequest, Patient, Task and Consent
bundle, both ways."""

from typing import Annotated

from django.utils import timezone
from ninja import Body, Router, Status

from kinfolk.core import disclosure, periods
from kinfolk.core.permissions import require
from kinfolk.core.schemas import ReportLineOut

from . import fhir, selectors, services

router = Router(tags=["social prescribing"])


@router.get(
    "/referrals/{referral_id}/fhir",
    response=dict,
    summary="A referral as a FHIR R4 Bundle (ServiceRequest, Patient, Task, Consent; UK Core)",
)
def export_bundle(request, referral_id: int):
    return fhir.bundle(selectors.referral_get(actor=request.auth, referral_id=referral_id))


@router.post(
    "/referrals/fhir",
    response={201: dict},
    summary="Refer from a FHIR R4 Bundle (ServiceRequest coded 871731000000106, with Consent)",
)
def import_bundle(request, payload: Annotated[dict, Body()]):
    require(request.auth, "social_prescribing.refer", message="Only referrers can send referrals.")
    referral = services.referral_create(actor=request.auth, **fhir.referral_from_bundle(payload))
    return Status(201, fhir.bundle(referral))


@router.get(
    "/report",
    response=list[ReportLineOut],
    summary="The area's social prescribing figures: aggregates under the disclosure rule",
)
def report(request, period: str | None = None):
    """`period` is a financial year offered, like 2025-26 (the current one if left out)."""
    require(
        request.auth,
        "social_prescribing.see_reports",
        message=(
            "Only commissioners, link workers and experts by experience see the area's figures."
        ),
    )
    area = request.auth.area
    year = periods.chosen(
        period, since=selectors.first_referral_on(area=area), today=timezone.localdate()
    )
    return disclosure.api_rows(selectors.report(area=area, year=year))

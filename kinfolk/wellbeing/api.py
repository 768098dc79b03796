"""Wellbeing API: measures as answered, with scores; FHIR export; the connection test."""

from datetime import datetime
from uuid import UUID

from django.core.exceptions import PermissionDenied
from ninja import Field, Router, Schema, Status

from . import connection, selectors, services
from .fhir import questionnaire_response
from .models import RecordedWith
from .rules import sees_connection_reports

router = Router(tags=["wellbeing"])


class ResponseOut(Schema):
    id: int
    measure: str
    answers: dict
    score: dict
    recorded_with: str
    completed_at: datetime


class ResponseIn(Schema):
    measure: str = Field(..., description="ons4, loneliness, lsns6 or swemwbs (if licensed)")
    answers: dict = Field(..., description="Every item answered; incomplete answers are refused")
    recorded_with: RecordedWith = RecordedWith.SELF


class FigureOut(Schema):
    people: int
    mean: float | None = Field(None, description="Null when fewer than 5 people (suppressed)")


class ServiceOut(Schema):
    service: str
    kind: str
    people: int | None = Field(None, description="Null when fewer than 5 people (suppressed)")
    made: FigureOut
    lost: FigureOut
    unpaid_change: FigureOut
    ucla3_change: FigureOut
    lsns6_change: FigureOut


def _service_out(row) -> dict:
    out = {name: {"people": getattr(row, name).people, "mean": getattr(row, name).mean}
           for name in connection.FIGURES}  # fmt: skip
    return {**out, "service": row.service, "kind": row.kind,
            "people": None if row.suppressed else row.people}  # fmt: skip


@router.get(
    "/people/{person_id}/responses", response=list[ResponseOut], summary="Measures over time"
)
def responses(request, person_id: UUID):
    person = selectors.wellbeing_person_get(actor=request.auth, person_id=person_id)
    return list(selectors.responses_for(person=person))


@router.post(
    "/people/{person_id}/responses", response={201: ResponseOut}, summary="Record a measure"
)
def record(request, person_id: UUID, payload: ResponseIn):
    person = selectors.wellbeing_person_get(
        actor=request.auth, person_id=person_id, rule="record_wellbeing"
    )
    return Status(
        201,
        services.response_record(
            actor=request.auth,
            person=person,
            measure=payload.measure,
            answers=payload.answers,
            recorded_with=payload.recorded_with,
        ),  # fmt: skip
    )


@router.get(
    "/responses/{response_id}/fhir",
    response=dict,
    summary="A response as a FHIR R4 QuestionnaireResponse",
)
def fhir_response(request, response_id: int):
    return questionnaire_response(
        selectors.response_get(actor=request.auth, response_id=response_id)
    )


@router.get(
    "/connection-test",
    response=list[ServiceOut],
    summary="Per service and for the area: mean changes, suppressed below 5 people",
)
def connection_test(request):
    if not sees_connection_reports(request.auth):
        raise PermissionDenied("Only commissioners and workers see area reports.")
    changes = connection.changes_in_area(request.auth.area)
    return [
        _service_out(r) for r in [*connection.service_rows(changes), connection.area_row(changes)]
    ]

"""Wellbeing API: measures as answered, with scores; FHIR export; the connection test."""

from datetime import datetime
from uuid import UUID

from ninja import Field, Router, Schema, Status

from kinfolk.core.permissions import require

from . import connection, selectors, services
from .fhir import questionnaire_response
from .models import RecordedWith

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


SUPPRESSED_NOTE = "Null when suppressed: fewer than 5 people, or a figure that would reveal one"


class FigureOut(Schema):
    people: int | None = Field(None, description=SUPPRESSED_NOTE)
    mean: float | None = Field(None, description=SUPPRESSED_NOTE)
    shown: str = Field(..., description="The figure in words, as on the page and in the CSV")


class ServiceOut(Schema):
    service: str
    kind: str
    people: int | None = Field(None, description=SUPPRESSED_NOTE)
    made: FigureOut
    lost: FigureOut
    unpaid_change: FigureOut
    ucla3_change: FigureOut
    lsns6_change: FigureOut


class MonthOut(Schema):
    month: str = Field(..., description="YYYY-MM")
    people: int | None = Field(None, description=SUPPRESSED_NOTE)
    mean: float | None = Field(None, description="Mean UCLA-3 score; " + SUPPRESSED_NOTE)
    shown: str


def _figure_out(figure) -> dict:
    return {"people": figure.people, "mean": figure.value, "shown": figure.shown}


def _service_out(row) -> dict:
    out = {name: _figure_out(getattr(row, name)) for name in connection.FIGURES}
    return {**out, "service": row.service, "kind": row.kind, "people": row.people}


def _must_see_reports(actor):
    require(
        actor,
        "wellbeing.view_connection_test",
        message="Only commissioners and workers see area reports.",
    )


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
    summary="Per service and for the area: mean changes, under the disclosure rule",
)
def connection_test(request):
    _must_see_reports(request.auth)
    rows = connection.service_rows(connection.changes_in_area(request.auth.area))
    return [_service_out(r) for r in [*rows, connection.area_row(rows)]]


@router.get(
    "/connection-test/months",
    response=list[MonthOut],
    summary="The area's mean loneliness (UCLA-3) each month, suppressed below 5 people",
)
def connection_test_months(request):
    _must_see_reports(request.auth)
    return [
        {"month": f"{m.month:%Y-%m}", **_figure_out(m.figure)}
        for m in connection.monthly_loneliness(request.auth.area)
    ]

"""Shared Lives API: referrals, suggestions, carers, introductions and arrangements.

The same services and rules as the pages: only the person (or someone they chose to act for
them) and the carer can say yes, agree or say no; workers record and organise.
"""

from datetime import date, datetime

from django.utils import timezone
from ninja import Field, Router, Schema, Status

from kinfolk.core import disclosure, periods
from kinfolk.core.audit import audit_list_view
from kinfolk.core.permissions import require
from kinfolk.core.schemas import ReportLineOut
from kinfolk.core.text import OptionalReason

from . import policy
from .arrangements import selectors as arrangements
from .arrangements import services as arrangement_services
from .carers import selectors as carers_selectors
from .carers import services as carer_services
from .diary import selectors as diary
from .introductions import selectors as introductions
from .introductions import services as introduction_services
from .models import Side
from .overview import selectors as overview
from .referrals import selectors as referral_selectors

router = Router(tags=["shared lives"])


class ReferralOut(Schema):
    id: int
    person_id: str
    person_name: str
    source: str
    received_on: date
    status: str
    arrangement_types: list[str]
    home_first_question: str | None = Field(
        None, description="What must be settled before suggestions are shown, if anything"
    )

    @staticmethod
    def resolve_person_id(r) -> str:
        return str(r.person_id)

    @staticmethod
    def resolve_person_name(r) -> str:
        return r.person.full_name

    @staticmethod
    def resolve_home_first_question(r) -> str | None:
        return policy.home_first_question(r)


class SuggestionOut(Schema):
    carer_id: int
    carer_name: str
    score: float = Field(..., description="Reciprocal fit, 0-1: high only if both might say yes")
    reasons: list[str]
    cautions: list[str]


class CarerOut(Schema):
    id: int
    name: str
    status: str
    approved_types: list[str]
    approved_needs: list[str]
    places: int
    free_places: int
    flags: list[str] = Field(..., description="What stops new introductions (empty: nothing)")


SHOWN_HOW_HELP = (
    "Needed when recording it for someone else (a representative or the worker): how they "
    "showed it: words, signs, aid (a communication aid) or behaviour"
)


class ForSomeoneIn(Schema):
    """A side's yes or no recorded for them carries how they showed it (ADR 0027)."""

    shown_how: str = Field("", description=SHOWN_HOW_HELP)
    note: str = Field("", description="What they said or did (optional, up to 300 characters)")


class InterestIn(ForSomeoneIn):
    carer_id: int | None = Field(None, description="The household (ignored for a carer: theirs)")
    side: Side | None = Field(None, description="For the worker: whose yes this is")


class IntroductionOut(Schema):
    id: int
    referral_id: int
    person_id: str
    carer_id: int
    carer_name: str
    arrangement_type: str
    stage: str
    person_said_yes: bool
    carer_said_yes: bool
    person_agreed: bool
    carer_agreed: bool
    closed_by_side: str

    @staticmethod
    def resolve_person_id(i) -> str:
        return str(i.person_id)

    @staticmethod
    def resolve_carer_name(i) -> str:
        return i.carer.name

    @staticmethod
    def resolve_person_said_yes(i) -> bool:
        return i.person_yes_at is not None

    @staticmethod
    def resolve_carer_said_yes(i) -> bool:
        return i.carer_yes_at is not None

    @staticmethod
    def resolve_person_agreed(i) -> bool:
        return i.person_agreed_at is not None

    @staticmethod
    def resolve_carer_agreed(i) -> bool:
        return i.carer_agreed_at is not None


class MeetingOut(Schema):
    id: int
    introduction_id: int
    stage: str = Field(..., description="introduction, tea_visit or trial_stay")
    starts_at: datetime = Field(..., description="With its offset (UK time)")
    ends_at: datetime
    place: str
    getting_there: str
    status: str = Field(..., description="proposed, accepted, moved, cancelled or held")
    proposed_by_side: str = Field(..., description="person, carer or scheme")
    person_says_it_suits: bool
    carer_says_it_suits: bool
    moved_from_id: int | None = None
    cancelled_reason: str

    @staticmethod
    def resolve_person_says_it_suits(m) -> bool:
        return m.person_suits_at is not None

    @staticmethod
    def resolve_carer_says_it_suits(m) -> bool:
        return m.carer_suits_at is not None


class StageViewIn(ForSomeoneIn):
    side: Side | None = Field(None, description="Whose answer (a side may leave it out)")
    carry_on: bool
    view: str = ""
    happened_on: date | None = None


class DeclineIn(ForSomeoneIn):
    reason: OptionalReason = Field("", description="Optional: saying no never needs a reason")
    side: Side | None = Field(None, description="For the worker: whose no this is")


class ArrangementIn(Schema):
    starts_on: date
    agreement_signed_by_person_on: date | None = None
    agreement_signed_by_carer_on: date | None = None
    licence_signed_by_person_on: date | None = None
    licence_signed_by_carer_on: date | None = None
    band: int = Field(1, ge=1, le=3)
    nights_or_sessions_per_month: int = Field(0, ge=0, le=31)


class ArrangementOut(Schema):
    id: int
    person_id: str
    carer_id: int
    arrangement_type: str
    starts_on: date
    status: str
    band: int
    ended_on: date | None
    ended_by_side: str

    @staticmethod
    def resolve_person_id(a) -> str:
        return str(a.person_id)


def _carer_out(carer, flags: list[str] | None = None) -> dict:
    return {
        "id": carer.pk,
        "name": carer.name,
        "status": carer.status,
        "approved_types": carer.approved_types,
        "approved_needs": carer.approved_needs,
        "places": carer.places,
        "free_places": carer.free_places,
        "flags": carers_selectors.carer_flags(carer=carer) if flags is None else flags,
    }


@router.get("/referrals", response=list[ReferralOut], summary="Open referrals you may see")
def referrals(request):
    found = list(referral_selectors.my_referrals(actor=request.auth))
    audit_list_view(actor=request.auth, target_type="shared_lives_referrals", count=len(found))
    return found


@router.get("/referrals/{referral_id}", response=ReferralOut, summary="One referral")
def referral(request, referral_id: int):
    return referral_selectors.referral_get(actor=request.auth, referral_id=referral_id)


@router.get(
    "/referrals/{referral_id}/suggestions",
    response=list[SuggestionOut],
    summary="Every suitable household, best first, with reasons (after home first)",
)
def suggestions(request, referral_id: int):
    referral = referral_selectors.referral_get(
        actor=request.auth, referral_id=referral_id, audit=False
    )
    return [
        {
            "carer_id": s.carer.pk,
            "carer_name": s.carer.name,
            "score": s.score,
            "reasons": list(s.reasons),
            "cautions": list(s.cautions),
        }
        for s in referral_selectors.suggestions(actor=request.auth, referral=referral)
    ]


@router.post(
    "/referrals/{referral_id}/interest",
    response={201: IntroductionOut},
    summary="Say yes to meeting (the person's side, or the carer's)",
)
def interest(request, referral_id: int, payload: InterestIn):
    referral = introductions.referral_for_interest(actor=request.auth, referral_id=referral_id)
    carer = introductions.carer_for_interest(actor=request.auth, carer_id=payload.carer_id)
    return Status(
        201,
        introduction_services.interest_express(
            actor=request.auth,
            referral=referral,
            carer=carer,
            side=payload.side,
            shown_how=payload.shown_how,
            note=payload.note,
        ),
    )


@router.get("/carers", response=list[CarerOut], summary="Carer households in the scheme")
def carers(request):
    require(
        request.auth,
        "sharedlives.run_scheme",
        message="Only scheme workers can list carer households.",
    )
    households = carers_selectors.carers_list(actor=request.auth)
    flags = carers_selectors.flags_for_carers(carers=households)
    return [_carer_out(c, flags[c.pk]) for c in households]


@router.get("/carers/{carer_id}", response=CarerOut, summary="One carer household")
def carer(request, carer_id: int):
    return _carer_out(carers_selectors.carer_get(actor=request.auth, carer_id=carer_id))


class HouseholdProfileIn(Schema):
    """A household's profile, as its carer keeps it; a field left out is unchanged. Changes to
    who lives there, pets, smoking, access, who gives personal care, who the household feels
    confident supporting, skills and ages wait for the scheme to check them; the rest apply at
    once."""

    household_members: str | None = None
    pets: str | None = Field(None, description="Empty: no pets")
    smokes: bool | None = None
    children_at_home: bool | None = None
    step_free: bool | None = None
    ground_floor_bedroom: bool | None = None
    own_bathroom: bool | None = None
    carer_genders: list[str] | None = Field(None, description="female, male, non_binary")
    confident_with: list[str] | None = Field(None, description="Kinds of support (needs)")
    skills: list[str] | None = None
    min_age: int | None = None
    max_age: int | None = None
    interests: list[str] | None = None
    languages: list[str] | None = None
    faith: str | None = None
    diets: list[str] | None = None
    atmosphere: str | None = Field(None, description="quiet, lively or any")
    daily_rhythm: str | None = Field(None, description="early_riser, night_owl or flexible")
    day_support_travel_minutes: int | None = None
    profile: str | None = Field(None, description="About us, in our own words")


class HouseholdProfileOut(Schema):
    household_members: str
    pets: str
    smokes: bool
    children_at_home: bool
    step_free: bool
    ground_floor_bedroom: bool
    own_bathroom: bool
    carer_genders: list[str]
    confident_with: list[str]
    skills: list[str]
    min_age: int
    max_age: int
    interests: list[str]
    languages: list[str]
    faith: str
    diets: list[str]
    atmosphere: str
    daily_rhythm: str
    day_support_travel_minutes: int
    profile: str
    waiting_for_the_scheme: dict = Field(
        ..., description="Changes the carer asked for that the scheme has not checked yet"
    )


def _profile_out(carer) -> dict:
    waiting = carers_selectors.pending_change(carer=carer)
    return {
        **{name: getattr(carer, name) for name in policy.HOUSEHOLD_PROFILE},
        "waiting_for_the_scheme": waiting.changes if waiting else {},
    }


@router.get(
    "/carers/{carer_id}/profile",
    response=HouseholdProfileOut,
    summary="A household's profile as matching uses it, and what waits for the scheme",
)
def carer_profile(request, carer_id: int):
    return _profile_out(carers_selectors.carer_get(actor=request.auth, carer_id=carer_id))


@router.patch(
    "/carers/{carer_id}/profile",
    response=HouseholdProfileOut,
    summary="The carer changes their own household's profile (same rules as the page)",
)
def carer_profile_change(request, carer_id: int, payload: HouseholdProfileIn):
    carer = carers_selectors.carer_get(actor=request.auth, carer_id=carer_id)
    wanted = {name: getattr(carer, name) for name in policy.HOUSEHOLD_PROFILE}
    wanted |= {k: v for k, v in payload.dict().items() if v is not None}
    carer_services.household_profile_save(actor=request.auth, carer=carer, wanted=wanted)
    carer.refresh_from_db()
    return _profile_out(carer)


@router.get(
    "/introductions/{introduction_id}", response=IntroductionOut, summary="One introduction"
)
def introduction(request, introduction_id: int):
    return introductions.introduction_get(actor=request.auth, introduction_id=introduction_id)


@router.get(
    "/introductions/{introduction_id}/meetings",
    response=list[MeetingOut],
    summary="An introduction's meetings (read only)",
    description="Every time and place suggested for the introduction's meetings, earliest "
    "first, moved and cancelled ones too. For either side and the person's scheme worker.",
)
def introduction_meetings(request, introduction_id: int):
    return diary.meetings_of_introduction(actor=request.auth, introduction_id=introduction_id)


@router.post(
    "/introductions/{introduction_id}/views",
    response=IntroductionOut,
    summary="A side's view after a meeting; both wanting to carry on opens the next stage",
)
def stage_view(request, introduction_id: int, payload: StageViewIn):
    i = introductions.introduction_get(actor=request.auth, introduction_id=introduction_id)
    return introduction_services.stage_view_record(
        actor=request.auth,
        introduction=i,
        side=payload.side,
        carry_on=payload.carry_on,
        view=payload.view,
        happened_on=payload.happened_on,
        shown_how=payload.shown_how,
        note=payload.note,
    )


@router.post(
    "/introductions/{introduction_id}/decline",
    response=IntroductionOut,
    summary="Say no, at any stage, with or without a reason",
)
def decline(request, introduction_id: int, payload: DeclineIn):
    i = introductions.introduction_get(actor=request.auth, introduction_id=introduction_id)
    return introduction_services.introduction_decline(
        actor=request.auth,
        introduction=i,
        reason=payload.reason,
        side=payload.side,
        shown_how=payload.shown_how,
        note=payload.note,
    )


@router.post(
    "/introductions/{introduction_id}/agree",
    response=IntroductionOut,
    summary="Agree to the arrangement (each side for themselves)",
)
def agree(request, introduction_id: int):
    i = introductions.introduction_get(actor=request.auth, introduction_id=introduction_id)
    return introduction_services.arrangement_agree(actor=request.auth, introduction=i)


@router.post(
    "/introductions/{introduction_id}/arrangement",
    response={201: ArrangementOut},
    summary="Start the arrangement both agreed and signed",
)
def start_arrangement(request, introduction_id: int, payload: ArrangementIn):
    i = introductions.introduction_get(actor=request.auth, introduction_id=introduction_id)
    return Status(
        201,
        arrangement_services.arrangement_start(
            actor=request.auth, introduction=i, **payload.dict()
        ),
    )


@router.get("/arrangements/{arrangement_id}", response=ArrangementOut, summary="One arrangement")
def arrangement(request, arrangement_id: int):
    return arrangements.arrangement_get(actor=request.auth, arrangement_id=arrangement_id)


@router.get(
    "/report",
    response=list[ReportLineOut],
    summary="The scheme's figures: aggregates under the disclosure rule",
)
def scheme_report(request, period: str | None = None):
    """`period` is a financial year offered, like 2025-26 (the current one if left out)."""
    require(
        request.auth,
        "sharedlives.see_scheme_reports",
        message="Only scheme workers and commissioners see the scheme's figures.",
    )
    area = request.auth.area
    year = periods.chosen(
        period, since=overview.first_arrangement_on(area=area), today=timezone.localdate()
    )
    return disclosure.api_rows(overview.scheme_report(area=area, year=year))

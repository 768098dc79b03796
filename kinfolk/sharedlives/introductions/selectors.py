"""Reads about introductions: one introduction, a referral's or a household's, and who a side
is saying yes about."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from kinfolk.core.audit import audit_list_view
from kinfolk.core.lookups import int_or_404
from kinfolk.core.permissions import can
from kinfolk.core.records import record_for

from .. import policy
from ..arrangements.selectors import arrangements_for_carer, arrangements_for_person
from ..carers.selectors import carer_flags, carer_for_actor, introductions_in_progress
from ..models import (
    LIVE_MEETING,
    Carer,
    CarerStatus,
    Introduction,
    Meeting,
    NotForMe,
    Referral,
    SaidFor,
    Side,
    StageView,
)
from ..referrals.selectors import (
    open_referral_for_person,
    referrals_open_to_carers,
    standing_not_for_me,
    suggestions,
)


def introduction_get(*, actor, introduction_id) -> Introduction:
    """An introduction, for its person (or their chosen people), its carer, or their worker."""
    return record_for(
        actor,
        Introduction.objects.select_related("person", "person__area", "carer", "referral"),
        introduction_id,
        permission="sharedlives.view_introduction",
        refusal="This introduction is between other people.",
    )


def not_for_me_get(*, actor, not_for_me_id) -> NotForMe:
    """A "not for me", for either side of it (only the side that said it may undo it)."""
    return record_for(
        actor,
        NotForMe.objects.select_related("person", "person__area", "carer"),
        not_for_me_id,
        permission="sharedlives.view_introduction",
        audit=False,
        refusal="This is between other people.",
    )


def introductions_for_referral(*, referral: Referral) -> QuerySet[Introduction]:
    """The introductions made for a referral, with their households and views."""
    return (
        Introduction.objects.in_area(referral.area)
        .filter(referral=referral)
        .select_related("carer")
        .prefetch_related("views")
    )


def introductions_for_carer(*, carer: Carer) -> QuerySet[Introduction]:
    """A household's introductions, with the people and their referrals."""
    return (
        Introduction.objects.in_area(carer.area)
        .filter(carer=carer)
        .select_related("person", "referral")
        .prefetch_related("views")
    )


def referral_for_interest(*, actor, referral_id) -> Referral:
    """The referral a side is saying yes about: the person's own (or who acts for them), or,
    for a carer, one whose person chose to be seen by suitable carers."""
    return record_for(
        actor,
        Referral.objects.select_related("person", "person__area"),
        referral_id,
        permission="sharedlives.say_yes_about",
        audit=False,
        refusal="Only the person, someone acting for them, or a suitable carer.",
    )


def carer_for_interest(*, actor, carer_id) -> Carer:
    """For a carer, their own household; for a person, an approved household in their area."""
    if can(actor, "sharedlives.answer_introduction_requests"):
        carer = carer_for_actor(actor=actor)
        if carer is None:
            raise PermissionDenied("Your household is not set up yet.")
        return carer
    carer = (
        Carer.objects.in_area(actor.area)
        .filter(pk=int_or_404(carer_id), status=CarerStatus.APPROVED)
        .first()
        if actor.area
        else None
    )
    if carer is None:
        raise Http404("No such household")
    return carer


@dataclass(frozen=True)
class CarerRequests:
    """What a carer household's introduction requests page is made of."""

    carer: Carer
    introductions: list
    flags: list
    might_like: list  # (referral, suggestion) for people who chose to be seen
    arrangements: list
    not_for_us: list = ()  # the household's standing "not for me"s about people


def carer_requests(*, actor, carer: Carer) -> CarerRequests:
    """A household's introductions, what holds it back, and the people it might suit; read as
    one list view in the audit log."""
    introductions = list(introductions_for_carer(carer=carer))
    not_for_us = standing_not_for_me(area=carer.area, side=Side.CARER, carer=carer)
    not_for_us_people = {said.person_id for said in not_for_us}
    # People who said no to this household are not offered to it until it may ask again.
    today = timezone.localdate()
    not_for_us_people |= {
        said.person_id
        for said in standing_not_for_me(area=carer.area, side=Side.PERSON, carer=carer)
        if today < policy.may_ask_again_on(said.said_at.date())
    }
    flags = carer_flags(carer=carer)
    might_like = []
    if not flags and carer.status == CarerStatus.APPROVED:
        busy = {i.referral_id for i in introductions if i.is_open}
        open_to_us = [
            r
            for r in referrals_open_to_carers(area=carer.area)
            if r.pk not in busy
            and r.person_id not in not_for_us_people
            and not policy.home_first_question(r)
        ]
        in_progress = introductions_in_progress(area=carer.area).get(carer.pk, 0)
        might_like = policy.people_for(carer, open_to_us, in_progress)
    audit_list_view(
        actor=actor,
        target_type="introduction_requests",
        count=len([i for i in introductions if i.is_open]) + len(might_like),
    )
    return CarerRequests(
        carer=carer,
        introductions=introductions,
        flags=flags,
        might_like=might_like,
        arrangements=list(arrangements_for_carer(carer=carer)),
        not_for_us=not_for_us,
    )


@dataclass(frozen=True)
class StoppingLeaves:
    """What stopping an introduction changes, for the page that asks first."""

    the_others: str  # who is told: the household's name, or the person's name
    meetings_cancelled: int  # planned meetings that will be called off
    held_back_months: int | None  # the person said no: the household cannot ask again for this


def what_stopping_leaves(introduction: Introduction, *, side: str | None) -> StoppingLeaves:
    """Who is told, which planned meetings are called off, and whether the household is held
    back from asking the person again, if `side` stops the introduction now."""
    planned = Meeting.objects.in_area(introduction.area).filter(
        introduction=introduction, status__in=LIVE_MEETING
    )
    person_says_no = side == Side.PERSON
    return StoppingLeaves(
        the_others=introduction.carer.name if side != Side.CARER else introduction.person.called,
        meetings_cancelled=planned.count(),
        held_back_months=policy.ASK_AGAIN_AFTER_MONTHS if person_says_no else None,
    )


def stage_views(*, introduction: Introduction) -> list[StageView]:
    """What each side said after each meeting of this introduction."""
    return list(StageView.objects.in_area(introduction.area).filter(introduction=introduction))


def said_for(*, introduction: Introduction) -> list[SaidFor]:
    """Every yes or no someone recorded for a side of this introduction, with who and how."""
    return list(
        SaidFor.objects.in_area(introduction.area)
        .filter(introduction=introduction)
        .select_related("recorded_by")
    )


@dataclass(frozen=True)
class Matches:
    """What a person's "My matches" page is made of."""

    person: object
    referral: Referral | None
    arrangements: list
    introductions: list
    suggestions: list | None  # None: not ready to suggest yet (home first, the assessment)
    not_for_me: list = ()  # the person's standing "not for me"s about households


def matches_for(*, actor, person) -> Matches:
    """The person's open referral, its introductions and suggestions, and their arrangements."""
    referral = open_referral_for_person(person=person)
    arrangements = list(arrangements_for_person(person=person))
    if referral is None:
        return Matches(person, None, arrangements, [], None)
    introductions = list(introductions_for_referral(referral=referral))
    try:
        found = suggestions(actor=actor, referral=referral)
    except ValidationError:
        found = None
    not_for_me = standing_not_for_me(area=person.area, side=Side.PERSON, person=person)
    return Matches(person, referral, arrangements, introductions, found, not_for_me)

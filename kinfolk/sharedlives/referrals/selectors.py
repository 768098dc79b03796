"""Reads about referrals to Shared Lives, always through the actor's area, checked and audited."""

from django.db.models import QuerySet

from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.records import record_for
from kinfolk.people.audit import audit_person
from kinfolk.people.selectors import people_for_actor

from .. import policy
from ..carers.selectors import approved_carers, held_back_carers, introductions_in_progress
from ..models import Carer, NotForMe, Referral, ReferralStatus, Side

ASKED = {
    "view": "sharedlives.view_referral",
    "manage": "sharedlives.manage_referral",
}


def referral_get(*, actor, referral_id, to: str = "view", audit: bool = True) -> Referral:
    """A referral, if the actor may `view` it (or `manage` it); a refusal is audited, and another
    area's referral answers as if it did not exist."""
    return record_for(
        actor,
        Referral.objects.select_related("person", "person__area", "area"),
        referral_id,
        permission=ASKED[to],
        checked_on=lambda referral: referral.person,
        audit=audit,
        refusal="You do not have a reason to see this referral.",
    )


def open_referral_for_person(*, person) -> Referral | None:
    """The person's open Shared Lives referral, if they have one."""
    return (
        Referral.objects.in_area(person.area)
        .filter(person=person)
        .exclude(status=ReferralStatus.CLOSED)
        .order_by("-received_on")
        .first()
    )


def my_referrals(*, actor) -> QuerySet[Referral]:
    """Open referrals of the people this actor has a standing reason to see."""
    return (
        Referral.objects.in_area(actor.area)
        .filter(person__in=people_for_actor(actor=actor))
        .exclude(status=ReferralStatus.CLOSED)
        .select_related("person")
    )


def referrals_open_to_carers(*, area) -> list[Referral]:
    """Referrals whose person chose to be seen by suitable approved carers."""
    return list(
        Referral.objects.in_area(area)
        .filter(
            share_with_suitable_carers=True,
            status__in=[ReferralStatus.NEW, ReferralStatus.LOOKING],
            latitude__isnull=False,
        )
        .select_related("person")
    )


def standing_not_for_me(*, area, side: str, person=None, carer=None) -> list[NotForMe]:
    """The "not for me"s one side said and has not undone: a person's about households, or a
    household's about people."""
    found = NotForMe.objects.in_area(area).filter(side=side, undone_at__isnull=True)
    if person is not None:
        found = found.filter(person=person)
    if carer is not None:
        found = found.filter(carer=carer)
    return list(found.select_related("carer", "person"))


def _held_back_for(referral: Referral, carers) -> dict:
    """Households held back for the scheme, and those this person said are not for them."""
    held = dict(held_back_carers(area=referral.area, carers=carers))
    for said in standing_not_for_me(area=referral.area, side=Side.PERSON, person=referral.person):
        held[said.carer_id] = (
            *held.get(said.carer_id, ()),
            f"{referral.person.called} said this household is not for them",
        )
    return held


def suggestions(*, actor, referral: Referral, k: int = 50) -> list[policy.CarerSuggestion]:
    """Every suitable household for the person, best first, with reasons and cautions; the
    person, someone acting for them or their worker sees them, once home first is settled."""
    person = referral.person
    require(
        actor,
        "sharedlives.see_suggestions",
        person,
        about=referral,
        message="Only the person, someone acting for them, or their worker.",
    )
    policy.ready_to_match(referral)
    carers = approved_carers(area=referral.area)
    held = _held_back_for(referral, carers)
    in_progress = introductions_in_progress(area=referral.area)
    found = policy.suggestions_for(referral, carers, held, in_progress, k=k)
    audit_person(
        actor=actor,
        action=AuditAction.VIEW,
        person=person,
        about=referral,
        detail={"suggestions": len(found)},
    )
    return found


def why_not_suggested(*, actor, referral: Referral, carer: Carer) -> tuple[str, ...]:
    """The worker asks: why is this household not suggested?"""
    require(
        actor,
        "sharedlives.manage_referral",
        referral.person,
        message="Only the allocated scheme worker can ask.",
    )
    held = _held_back_for(referral, [carer])
    in_progress = introductions_in_progress(area=referral.area).get(carer.pk, 0)
    return policy.why_not(referral, carer, held, in_progress)

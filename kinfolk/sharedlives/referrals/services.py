"""Writes about referrals: recording a referral, home first, the person's choice, the assessment.

Home first (ADR 0011): suggestions wait for the person's own choice, in their words, when they
have a home and family to support them there, and always after a hospital discharge referral.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.geography import UnknownPostcode, locate, normalise_postcode
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import clean_name
from kinfolk.people.audit import audit_person
from kinfolk.people.services import person_lock

from ..models import Referral, ReferralSource, ReferralStatus
from ..policy import ARRANGEMENT_TYPES, ASSESSMENT_FIELDS, CHOICE_MIN_LENGTH, NEEDS
from .selectors import open_referral_for_person

MANAGE = "sharedlives.manage_referral"
ONLY_THE_WORKER = "Only the allocated scheme worker can."


@transaction.atomic
def referral_create(
    *,
    actor,
    person,
    source: str,
    received_on: date,
    has_own_home: bool | None,
    family_able_to_support: bool | None,
    referrer_name: str = "",
) -> Referral:
    """A referral to Shared Lives, recorded by the person's allocated scheme worker."""
    require(actor, MANAGE, person, message="Only the person's allocated scheme worker can refer.")
    if source not in ReferralSource.values:
        raise ValidationError("Choose who made the referral.", code="source")
    if source == ReferralSource.HOSPITAL_DISCHARGE and (
        has_own_home is None or family_able_to_support is None
    ):
        raise ValidationError(
            "A hospital discharge referral must say whether the person has their own home and "
            "family able and willing to support them there.",
            code="home_first",
        )
    if received_on > date.today():
        raise ValidationError("The referral date cannot be in the future.", code="received_on")
    person_lock(person)
    if open_referral_for_person(person=person):
        raise ValidationError(
            f"{person.called} already has an open Shared Lives referral.", code="duplicate"
        )
    referral = Referral.objects.create(
        area=person.area,
        person=person,
        source=source,
        referrer_name=clean_name(referrer_name),
        received_on=received_on,
        has_own_home=has_own_home,
        family_able_to_support=family_able_to_support,
        created_by=actor.user,
    )
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=referral)
    return referral


@transaction.atomic
def home_first_answer(
    *, actor, referral: Referral, has_own_home: bool, family_able_to_support: bool
) -> Referral:
    """Whether the person has their own home, and family able and willing to support them there."""
    require(actor, MANAGE, referral.person, message=ONLY_THE_WORKER)
    referral.has_own_home = has_own_home
    referral.family_able_to_support = family_able_to_support
    referral.save(update_fields=["has_own_home", "family_able_to_support"])
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=referral.person,
        about=referral,
        detail={"fields": ["has_own_home", "family_able_to_support"]},
    )
    return referral


@transaction.atomic
def persons_choice_record(*, actor, referral: Referral, words: str) -> Referral:
    """The person's own choice to look at Shared Lives, written down in their words."""
    require(actor, MANAGE, referral.person, message=ONLY_THE_WORKER)
    words = (words or "").strip()
    if len(words) < CHOICE_MIN_LENGTH:
        raise ValidationError(
            f"Write what {referral.person.called} said, in their words "
            f"(at least {CHOICE_MIN_LENGTH} characters).",
            code="persons_choice",
        )
    referral.persons_choice = words
    referral.choice_recorded_at = timezone.now()
    referral.choice_recorded_by = actor.user
    referral.save(update_fields=["persons_choice", "choice_recorded_at", "choice_recorded_by"])
    audit_person(
        actor=actor,
        action=AuditAction.UPDATE,
        person=referral.person,
        about=referral,
        detail={"fields": ["persons_choice"]},
    )
    return referral


def _located_places(places: list[dict]) -> list[dict]:
    located = []
    for place in places or []:
        name = (place.get("name") or "").strip()
        if not name:
            continue
        try:
            minutes = int(place.get("max_minutes") or 30)
            latitude, longitude = locate(place.get("postcode", ""))
        except (TypeError, ValueError) as error:
            raise ValidationError(f"{name}: {error}", code="places_that_matter") from error
        located.append(
            {
                "name": name,
                "kind": place.get("kind") or "family",
                "postcode": normalise_postcode(place.get("postcode", "")),
                "latitude": latitude,
                "longitude": longitude,
                "max_minutes": max(5, min(minutes, 180)),
            }
        )
    return located


@transaction.atomic
def assessment_record(*, actor, referral: Referral, changes: dict) -> list[str]:
    """The assessment visit: needs, wishes, hobbies, risks, and what a household must offer."""
    require(actor, MANAGE, referral.person, message=ONLY_THE_WORKER)
    unknown = set(changes) - set(ASSESSMENT_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown fields: {', '.join(sorted(unknown))}")
    if "arrangement_types" in changes:
        if (
            not changes["arrangement_types"]
            or set(changes["arrangement_types"]) - ARRANGEMENT_TYPES
        ):
            raise ValidationError("Choose at least one kind of Shared Lives.", code="types")
    if set(changes.get("support_needs", [])) - NEEDS:
        raise ValidationError("Choose support needs from the list.", code="support_needs")
    if "postcode" in changes:
        try:
            referral.latitude, referral.longitude = locate(changes["postcode"])
        except UnknownPostcode as error:
            raise ValidationError(str(error), code="postcode") from error
        changes["postcode"] = normalise_postcode(changes["postcode"])
    if "places_that_matter" in changes:
        changes["places_that_matter"] = _located_places(changes["places_that_matter"])
    for name in ("interests", "languages"):
        if name in changes:
            changes[name] = sorted({w.strip() for w in changes[name] if w and w.strip()})
    changed = [name for name, value in changes.items() if getattr(referral, name) != value]
    for name in changed:
        setattr(referral, name, changes[name])
    if referral.status == ReferralStatus.NEW and referral.assessed_on:
        referral.status = ReferralStatus.LOOKING
        changed.append("status")
    if changed:
        referral.save()
        audit_person(
            actor=actor,
            action=AuditAction.UPDATE,
            person=referral.person,
            about=referral,
            detail={"fields": sorted(set(changed))},
        )
    return changed

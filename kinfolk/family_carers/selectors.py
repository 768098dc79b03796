"""Reads for family carers: always in the actor's area, one record through `record_for`."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from kinfolk.core.audit import audit_list_view
from kinfolk.core.lookups import uuid_or_404
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import can, require
from kinfolk.core.records import audit_read, record_for
from kinfolk.people.audit import audit_person
from kinfolk.people.models import GrantScope, Person

from .models import (
    AssessmentRequest,
    BackupContact,
    CardOpening,
    CaredFor,
    EmergencyCard,
    EmergencySettings,
)

NOT_YOURS = "Only the family carer who wrote this plan can change it."


class OpeningEnded(PermissionDenied):
    """The time someone had with a plan opened by its card has run out."""

    def __init__(self, opening: CardOpening):
        super().__init__("Your time with this plan has ended.")
        self.opening = opening


def _cared_for(actor):
    return CaredFor.objects.in_area(actor.area).select_related("plan", "person", "carer")


def my_cared_for(*, actor) -> list[CaredFor]:
    """The people this family carer cares for, oldest first."""
    found = list(_cared_for(actor).filter(carer=actor.user))
    audit_list_view(actor=actor, target_type="caredfor", count=len(found))
    return found


def cared_for_get(*, actor, cared_for_id, permission: str = "family_carers.see_plan") -> CaredFor:
    """One cared-for person and their plan, if the actor may (404 in another area)."""
    return record_for(
        actor,
        _cared_for(actor),
        cared_for_id,
        permission=permission,
        refusal=NOT_YOURS if permission == "family_carers.manage_cared_for" else "",
    )


def contact_get(*, actor, contact_id) -> BackupContact:
    """A back-up contact, for the carer who named them."""
    return record_for(
        actor,
        BackupContact.objects.in_area(actor.area).select_related("plan__cared_for"),
        contact_id,
        permission="family_carers.manage_cared_for",
        refusal=NOT_YOURS,
    )


def contacts_after_removing(contact: BackupContact) -> list[BackupContact]:
    """Who would be left to call, in order, once `contact` is taken off the plan."""
    return [c for c in contacts_for(plan=contact.plan) if c.pk != contact.pk]


def contacts_for(*, plan) -> list[BackupContact]:
    """The plan's back-up contacts, in the order they are called."""
    return list(plan.contacts.order_by("rank"))


def live_card(*, plan) -> EmergencyCard | None:
    """The card in use for this plan, if one was issued and not cancelled."""
    return plan.cards.filter(cancelled_at__isnull=True).first()


def openings_for(*, plan) -> list[CardOpening]:
    """Every time the card was used, newest first, with the calls made."""
    return list(
        CardOpening.objects.in_area(plan.area)
        .filter(card__plan=plan)
        .select_related("user")
        .prefetch_related("calls__contact")
    )


def waiting_for_my_answer(*, actor) -> list[CaredFor]:
    """Carers asking to link a plan to a record the actor answers for (their own, or one they
    act for)."""
    people = Person.objects.in_area(actor.area).filter(
        Q(user=actor.user)
        | Q(
            grants__grantee=actor.user,
            grants__scope=GrantScope.ACT_FOR,
            grants__revoked_at__isnull=True,
        )
    )
    asking = _cared_for(actor).filter(
        person__in=people, agreed_at__isnull=True, declined_at__isnull=True
    )
    return [row for row in asking if can(actor, "family_carers.answer_carer", row)]


def plans_about_me(*, actor) -> list[CaredFor]:
    """Linked plans the actor may see as the cared-for person or someone they chose."""
    people = Person.objects.in_area(actor.area).filter(
        Q(user=actor.user) | Q(grants__grantee=actor.user, grants__revoked_at__isnull=True)
    )
    linked = _cared_for(actor).filter(person__in=people, agreed_at__isnull=False).distinct()
    return [row for row in linked if can(actor, "family_carers.see_plan", row)]


def answer_get(*, actor, cared_for_id) -> CaredFor:
    """A carer's request to link, for the person (or whoever acts for them) to answer."""
    return record_for(
        actor, _cared_for(actor), cared_for_id, permission="family_carers.answer_carer"
    )


def opening_get(*, actor, opening_id) -> CardOpening:
    """A plan opened with its card, for the one who opened it, while their time lasts."""
    opening = record_for(
        actor,
        CardOpening.objects.in_area(actor.area).select_related(
            "card__plan__cared_for__carer", "card__plan__cared_for__person"
        ),
        opening_id,
        permission="family_carers.see_opening",
        audit=False,
    )
    if opening.ends_at <= timezone.now():
        raise OpeningEnded(opening)
    audit_read(actor, opening.card.plan.cared_for)
    return opening


def my_openings(*, actor) -> list[CardOpening]:
    """Plans this actor opened with a card whose time has not ended."""
    found = list(
        CardOpening.objects.in_area(actor.area)
        .filter(user=actor.user, ends_at__gt=timezone.now())
        .select_related("card__plan__cared_for")
    )
    audit_list_view(actor=actor, target_type="cardopening", count=len(found))
    return found


def emergency_settings(*, area) -> EmergencySettings | None:
    """The area's emergency team and its 24-hour number, if the area admin has set them."""
    return EmergencySettings.objects.in_area(area).first()


def my_assessment_requests(*, actor) -> list[AssessmentRequest]:
    """This carer's requests for a carer's assessment."""
    return list(AssessmentRequest.objects.in_area(actor.area).filter(carer=actor.user))


def assessment_requests(*, actor) -> list[AssessmentRequest]:
    """Every carer's assessment request in the area, newest first, for the area's workers."""
    found = list(AssessmentRequest.objects.in_area(actor.area).select_related("carer"))
    audit_list_view(actor=actor, target_type="assessmentrequest", count=len(found))
    return found


def assessment_request_get(*, actor, request_id) -> AssessmentRequest:
    """One carer's assessment request, for the area's workers."""
    return record_for(
        actor,
        AssessmentRequest.objects.in_area(actor.area),
        request_id,
        permission="family_carers.see_assessment_requests",
    )


def own_person_record(*, actor) -> Person | None:
    """The carer's own record as someone in Kinfolk, if they have one (for their check-in)."""
    return Person.objects.in_area(actor.area).filter(user=actor.user).first()


def is_a_backup_contact(*, actor) -> bool:
    """Whether the actor is a confirmed back-up contact in any plan in their area."""
    return (
        BackupContact.objects.in_area(actor.area)
        .filter(user=actor.user, confirmed_at__isnull=False)
        .exists()
    )


def person_close_to(*, actor, person_id, permission: str, page: str):
    """A person in the actor's area (404 otherwise) whom the actor may do `permission` about;
    the read audited as `page`."""
    person = Person.objects.in_area(actor.area).filter(pk=uuid_or_404(person_id)).first()
    if person is None:
        raise Http404
    require(actor, permission, person, about=person)
    audit_person(actor=actor, action=AuditAction.VIEW, person=person, detail={"page": page})
    return person

"""Who may do what with a family carer's plan and card. Asked through kinfolk.core.permissions.

- `family_carers.keep_a_plan`: a family carer (their own list of people they care for, and
  starting a plan). The area is the one they act in.
- `family_carers.manage_cared_for`: the carer who wrote it, on someone they care for, the plan,
  its back-up contacts and cards (the object is any of them).
- `family_carers.see_plan`: the carer; and, once they agreed to be linked, the cared-for person
  and whoever they chose to see their record. Nobody else sees a plan except through the card.
- `family_carers.answer_carer`: the cared-for person, or whoever acts for them, says yes or no
  to a carer linking them.
- `family_carers.try_a_card`: anyone signed in to an area may type a card number; whether it
  opens anything is `family_carers.open_with_card`.
- `family_carers.open_with_card`: on a card, the area's emergency responders and the plan's
  confirmed back-up contacts (each with their own sign-in).
- `family_carers.see_opening`: the one who opened the plan with the card (the time limit is
  checked by the selector, which says when it ended).
- `family_carers.see_assessment_requests`: the area's scheme and link workers and area admin.
- `family_carers.set_emergency_number`: the area admin.

Roles are compared here and in models only (ADR 0022).
"""

import rules

from kinfolk.accounts.models import Role
from kinfolk.accounts.rules import is_area_admin, is_care_worker
from kinfolk.people.rules import granted_act_for, granted_view, is_the_person

from .models import BackupContact, CardOpening, CaredFor, EmergencyCard, EmergencyPlan


def _cared_for(obj) -> CaredFor | None:
    if isinstance(obj, CaredFor):
        return obj
    if isinstance(obj, EmergencyPlan):
        return obj.cared_for
    if isinstance(obj, BackupContact | EmergencyCard):
        return obj.plan.cared_for
    return None


def _in_area(actor, obj) -> bool:
    return actor.area is not None and obj is not None and obj.area_id == actor.area.pk


@rules.predicate
def is_family_carer(actor, obj=None) -> bool:
    return actor.acts_as(Role.FAMILY_CARER)


@rules.predicate
def is_their_carer(actor, obj) -> bool:
    """The family carer who wrote this (acting as a family carer, in its area)."""
    cared_for = _cared_for(obj)
    return (
        actor.acts_as(Role.FAMILY_CARER)
        and _in_area(actor, cared_for)
        and cared_for.carer_id == actor.user.pk
    )


@rules.predicate
def is_the_linked_person_or_theirs(actor, obj) -> bool:
    """The cared-for person, or someone they chose to see their record, once they agreed."""
    cared_for = _cared_for(obj)
    if not _in_area(actor, cared_for) or not cared_for.linked:
        return False
    return bool(is_the_person(actor, cared_for.person) or granted_view(actor, cared_for.person))


@rules.predicate
def answers_for_the_person(actor, cared_for) -> bool:
    """The person a carer asked to link, or whoever acts for them, while it waits."""
    if not isinstance(cared_for, CaredFor) or cared_for.person is None or not cared_for.waiting:
        return False
    if not _in_area(actor, cared_for):
        return False
    person = cared_for.person
    return bool(is_the_person(actor, person) or granted_act_for(actor, person))


@rules.predicate
def is_in_an_area(actor, obj=None) -> bool:
    return actor.membership is not None


@rules.predicate
def is_responder(actor, obj=None) -> bool:
    return actor.acts_as(Role.EMERGENCY_RESPONDER)


@rules.predicate
def is_a_confirmed_contact(actor, card) -> bool:
    """A back-up contact in this card's plan who confirmed with their own sign-in."""
    return (
        isinstance(card, EmergencyCard)
        and _in_area(actor, card)
        and card.plan.contacts.filter(user=actor.user, confirmed_at__isnull=False).exists()
    )


@rules.predicate
def is_responder_here(actor, card) -> bool:
    return isinstance(card, EmergencyCard) and _in_area(actor, card) and is_responder(actor)


@rules.predicate
def opened_it(actor, opening) -> bool:
    return (
        isinstance(opening, CardOpening)
        and _in_area(actor, opening)
        and opening.user_id == actor.user.pk
    )


def opened_as(actor, card) -> str | None:
    """How the actor opens this card: as a responder, a back-up contact, or not at all."""
    if is_responder_here(actor, card):
        return CardOpening.As.RESPONDER
    if is_a_confirmed_contact(actor, card):
        return CardOpening.As.BACKUP_CONTACT
    return None


rules.add_perm("family_carers.keep_a_plan", is_family_carer)
rules.add_perm("family_carers.manage_cared_for", is_their_carer)
rules.add_perm("family_carers.see_plan", is_their_carer | is_the_linked_person_or_theirs)
rules.add_perm("family_carers.answer_carer", answers_for_the_person)
rules.add_perm("family_carers.try_a_card", is_in_an_area)
rules.add_perm("family_carers.open_with_card", is_responder_here | is_a_confirmed_contact)
rules.add_perm("family_carers.see_opening", opened_it)
rules.add_perm("family_carers.see_assessment_requests", is_care_worker | is_area_admin)
rules.add_perm("family_carers.set_emergency_number", is_area_admin)
rules.add_perm("family_carers.respond_to_emergencies", is_responder)


# What the home page looks for (kinfolk/family_carers/links.py), so that it asks the database
# only for those who could have something waiting.
@rules.predicate
def answers_for_people(actor, obj=None) -> bool:
    """Someone who uses support, or a representative: a carer may ask them to link a plan."""
    return actor.acts_as(Role.PERSON, Role.REPRESENTATIVE)


@rules.predicate
def could_be_a_backup_contact(actor, obj=None) -> bool:
    """Anyone in an area but its staff (a back-up contact is family, a friend, a neighbour)."""
    return actor.membership is not None and not actor.membership.is_staff_role


rules.add_perm("family_carers.may_be_asked_to_link", answers_for_people)
rules.add_perm("family_carers.may_be_a_backup_contact", could_be_a_backup_contact)


# --- concerns (Martha's Rule, ADR 0044) -------------------------------------------------------
# - `family_carers.raise_concern` (a person): the person; someone they chose to see their
#   record; a family carer the person agreed to be linked to.
# - `family_carers.answer_concern` (a concern): a worker allocated to the person, or the area
#   admin as the lead.
# - `family_carers.see_concern` (a concern): whoever raised it, and whoever answers it.
# - `family_carers.see_concern_figures` (area): commissioners and the area admin.


@rules.predicate
def is_their_linked_carer(actor, person) -> bool:
    return (
        actor.acts_as(Role.FAMILY_CARER)
        and _in_area(actor, person)
        and CaredFor.objects.filter(
            person=person, carer=actor.user, agreed_at__isnull=False, declined_at__isnull=True
        ).exists()
    )


@rules.predicate
def close_to_the_person(actor, person) -> bool:
    return _in_area(actor, person) and bool(
        is_the_person(actor, person) or granted_view(actor, person)
    )


@rules.predicate
def answers_for_the_service(actor, concern) -> bool:
    from kinfolk.people.rules import is_allocated

    return _in_area(actor, concern) and bool(
        is_allocated(actor, concern.person) or actor.acts_as(Role.AREA_ADMIN)
    )


@rules.predicate
def raised_it(actor, concern) -> bool:
    return _in_area(actor, concern) and concern.raised_by_id == actor.user.pk


@rules.predicate
def oversees_the_area(actor, obj=None) -> bool:
    return actor.acts_as(Role.COMMISSIONER) or actor.acts_as(Role.AREA_ADMIN)


rules.add_perm("family_carers.raise_concern", close_to_the_person | is_their_linked_carer)
rules.add_perm("family_carers.answer_concern", answers_for_the_service)
rules.add_perm("family_carers.see_concern", raised_it | answers_for_the_service)
rules.add_perm("family_carers.see_concern_figures", oversees_the_area)


# --- equipment across agencies (ADR 0045) -----------------------------------------------------
# - `family_carers.request_equipment` (a person): as for raising a concern, and the person's
#   allocated worker.
# - `family_carers.see_equipment` (a request): those, and the area admin.
# - `family_carers.update_equipment` (a request): the allocated worker or the area admin, who
#   record what each agency says.


@rules.predicate
def allocated_to_them(actor, person) -> bool:
    from kinfolk.people.rules import is_allocated

    return _in_area(actor, person) and bool(is_allocated(actor, person))


@rules.predicate
def coordinates_it(actor, request) -> bool:
    return _in_area(actor, request) and bool(
        allocated_to_them(actor, request.person) or actor.acts_as(Role.AREA_ADMIN)
    )


@rules.predicate
def close_to_whom_it_is_for(actor, request) -> bool:
    return _in_area(actor, request) and bool(
        close_to_the_person(actor, request.person) or is_their_linked_carer(actor, request.person)
    )


rules.add_perm(
    "family_carers.request_equipment",
    close_to_the_person | is_their_linked_carer | allocated_to_them,
)
rules.add_perm("family_carers.see_equipment", close_to_whom_it_is_for | coordinates_it)
rules.add_perm("family_carers.update_equipment", coordinates_it)
rules.add_perm("family_carers.answer_concerns", is_care_worker | is_area_admin)

"""What family carers, the people they care for, back-up contacts and responders do: each a
function, in one transaction, audited."""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.accounts.models import Membership, Role, User
from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import forget, require
from kinfolk.core.tenancy import within_area
from kinfolk.people.models import Person

from . import notices
from .models import (
    OPENING_HOURS,
    AssessmentRequest,
    BackupContact,
    CallMade,
    CardOpening,
    CardTry,
    CaredFor,
    EmergencyCard,
    EmergencyPlan,
    EmergencySettings,
)
from .rules import opened_as

CARD_DIGITS = 16
WRONG_TRIES_ALLOWED = 5
LOCK_MINUTES = 15
WRONG_NUMBER = (
    "That card number did not open a plan you can see. Check the number on the card and try again."
)
LOCKED = (
    "You have typed a wrong card number {tries} times, so card numbers are locked for you for "
    "{minutes} minutes. If someone needs help now, call the carers emergency team."
)
NOT_YOUR_LINK = (
    "This link was sent to a different email address. Sign in with the account for the address "
    "the carer gave, or ask the carer to send it to the address you use."
)
LINK_USED = (
    "This link has already been used or is no longer valid. Ask the carer to send a new one."
)

PLAN_FIELDS = [
    "can_be_left",
    "needs",
    "medicines",
    "medicines_kept",
    "allergies",
    "gp",
    "pharmacy",
    "services",
    "mobility",
    "communication",
    "routines",
    "behaviour",
    "pets",
    "keys_where",
    "keys_held_by",
]


def _audit(actor, action, row, **detail) -> None:
    cared_for = _cared_for_of(row)
    audit_record(
        actor=actor,
        action=action,
        target_type=row._meta.model_name,
        target_id=row.pk,
        person_id=cared_for.person_id if cared_for and cared_for.linked else None,
        area=row.area,
        detail=detail or None,
    )


def _cared_for_of(row) -> CaredFor | None:
    for path in (
        "",
        "cared_for",
        "plan.cared_for",
        "card.plan.cared_for",
        "opening.card.plan.cared_for",
    ):
        found = row
        for step in filter(None, path.split(".")):
            found = getattr(found, step, None)
        if isinstance(found, CaredFor):
            return found
    return None


# --- who the carer cares for ----------------------------------------------------------------


@transaction.atomic
def cared_for_add(
    *, actor, name: str, about: str = "", what_i_do: str = "", what_would_help: str = ""
) -> CaredFor:
    """A carer records someone they care for, known only in their own plan."""
    require(actor, "family_carers.keep_a_plan", message="Only a family carer can keep a plan.")
    cared_for = CaredFor.objects.create(
        area=actor.area,
        carer=actor.user,
        name=name.strip(),
        about=about,
        what_i_do=what_i_do,
        what_would_help=what_would_help,
    )
    EmergencyPlan.objects.create(area=actor.area, cared_for=cared_for)
    _audit(actor, AuditAction.CREATE, cared_for)
    return cared_for


@transaction.atomic
def cared_for_ask_to_link(
    *, actor, name: str, email: str, what_i_do: str = "", what_would_help: str = ""
) -> CaredFor:
    """A carer asks to link a person who has a Kinfolk record. Until the person (or whoever acts
    for them) says yes, the carer sees nothing of that record; the carer is not told whether
    the address belongs to anyone, so asking cannot be used to find people out."""
    require(actor, "family_carers.keep_a_plan", message="Only a family carer can keep a plan.")
    email = (email or "").strip().lower()
    person = (
        Person.objects.in_area(actor.area)
        .filter(user__email__iexact=email, erased_at__isnull=True)
        .first()
    )
    cared_for = CaredFor.objects.create(
        area=actor.area,
        carer=actor.user,
        person=person,
        name=name.strip(),
        asked_email=email,
        what_i_do=what_i_do,
        what_would_help=what_would_help,
    )
    EmergencyPlan.objects.create(area=actor.area, cared_for=cared_for)
    _audit(actor, AuditAction.CREATE, cared_for, asked="link")
    if person is not None:
        notices.asked_to_link(cared_for)
    return cared_for


@transaction.atomic
def carer_answer(*, actor, cared_for: CaredFor, agree: bool) -> CaredFor:
    """The cared-for person, or whoever acts for them, says yes or no to the carer."""
    require(actor, "family_carers.answer_carer", cared_for)
    if not cared_for.waiting:
        raise ValidationError("This has already been answered.")
    now = timezone.now()
    if agree:
        cared_for.agreed_at, cared_for.agreed_by = now, actor.user
    else:
        cared_for.declined_at = now
    cared_for.save(update_fields=["agreed_at", "agreed_by", "declined_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target_type="caredfor",
        target_id=cared_for.pk,
        person_id=cared_for.person_id,
        area=cared_for.area,
        detail={"answer": "yes" if agree else "no"},
    )
    forget(actor)
    notices.link_answered(cared_for)
    return cared_for


@transaction.atomic
def plan_save(*, actor, cared_for: CaredFor, **fields) -> EmergencyPlan:
    """The carer writes or changes the emergency plan (and what they do, what would help)."""
    require(actor, "family_carers.manage_cared_for", cared_for)
    plan = cared_for.plan
    for name in PLAN_FIELDS:
        if name in fields:
            setattr(plan, name, (fields[name] or "").strip())
    plan.save()
    for name in ("what_i_do", "what_would_help"):
        if name in fields:
            setattr(cared_for, name, (fields[name] or "").strip())
    cared_for.save(update_fields=["what_i_do", "what_would_help"])
    _audit(actor, AuditAction.UPDATE, plan)
    return plan


# --- back-up contacts -----------------------------------------------------------------------


def link_hash_of(token: str) -> str:
    """What is kept of a one-time link's token: its hash."""
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def contact_add(
    *, actor, cared_for: CaredFor, name: str, phone: str, email: str, relationship: str = ""
) -> tuple[BackupContact, str]:
    """The carer names a back-up contact, called after those already named. They are asked by a
    one-time link, and are "not confirmed yet" until they sign in and say yes."""
    require(actor, "family_carers.manage_cared_for", cared_for)
    plan = cared_for.plan
    email = (email or "").strip().lower()
    if plan.contacts.filter(email=email, declined_at__isnull=True).exists():
        raise ValidationError({"email": "You have already named someone with this email address."})
    token = secrets.token_urlsafe(32)
    contact = BackupContact.objects.create(
        area=plan.area,
        plan=plan,
        rank=plan.contacts.count() + 1,
        name=name.strip(),
        phone=phone.strip(),
        email=email,
        relationship=relationship.strip(),
        link_hash=link_hash_of(token),
        invited_at=timezone.now(),
    )
    _audit(actor, AuditAction.CREATE, contact)
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    notices.asked_to_be_contact(contact, token, user)
    return contact, token


def contact_by_link(token: str) -> BackupContact | None:
    """The back-up contact a one-time link was sent to, if the link is still good. The link is
    opened before the contact works in any area, so this is a deliberate look across areas for
    one row found by the hash of a 256-bit secret."""
    from kinfolk.core.tenancy import seen_across_areas

    if not token:
        return None
    wanted = BackupContact.objects.filter(link_hash=link_hash_of(token)).select_related(
        "plan__cared_for__carer"
    )
    return wanted.first() or seen_across_areas(wanted)


@transaction.atomic
def contact_answer(*, user, token: str, agree: bool) -> BackupContact:
    """The back-up contact, signed in as the address the carer gave, says yes or no. Saying yes
    gives them a place in the area (as a back-up contact) if they had none, so they can open
    the plan with the card and their own sign-in."""
    contact = contact_by_link(token)
    if contact is None:
        raise ValidationError(LINK_USED)
    if user.email.lower() != contact.email.lower():
        raise ValidationError(NOT_YOUR_LINK)
    with within_area(contact.area):
        now = timezone.now()
        contact.link_hash = ""
        if agree:
            contact.user, contact.confirmed_at = user, now
            if not Membership.objects.filter(user=user, area=contact.area).exists():
                Membership.objects.create(user=user, area=contact.area, role=Role.BACKUP_CONTACT)
        else:
            contact.declined_at = now
        contact.save(update_fields=["link_hash", "user", "confirmed_at", "declined_at"])
        audit_record(
            actor=_UserActor(user),
            action=AuditAction.UPDATE,
            target_type="backupcontact",
            target_id=contact.pk,
            area=contact.area,
            detail={"answer": "yes" if agree else "no"},
        )
        notices.contact_answered(contact)
    return contact


class _UserActor:
    """A signed-in user before they act in any area (answering a back-up contact link)."""

    def __init__(self, user):
        self.user, self.role, self.area = user, "", None


@transaction.atomic
def account_for_contact(*, token: str, display_name: str, password: str) -> User:
    """Someone asked to be a back-up contact who has no account makes one, for the address the
    carer gave (the link proves they can read that address's email)."""
    from django.contrib.auth.password_validation import validate_password

    contact = contact_by_link(token)
    if contact is None:
        raise ValidationError(LINK_USED)
    if User.objects.filter(email__iexact=contact.email).exists():
        raise ValidationError("There is already an account for this address: sign in instead.")
    user = User(email=contact.email, display_name=display_name.strip())
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def contact_remove(*, actor, contact: BackupContact) -> None:
    """The carer takes someone off their list of back-up contacts; the others move up."""
    require(actor, "family_carers.manage_cared_for", contact)
    plan = contact.plan
    _audit(actor, AuditAction.DELETE, contact)
    contact.delete()
    for rank, rest in enumerate(plan.contacts.order_by("rank"), start=1):
        if rest.rank != rank:
            rest.rank = rank
            rest.save(update_fields=["rank"])


@transaction.atomic
def contact_move_up(*, actor, contact: BackupContact) -> None:
    """The carer asks for this back-up contact to be called one place earlier."""
    require(actor, "family_carers.manage_cared_for", contact)
    above = contact.plan.contacts.filter(rank=contact.rank - 1).first()
    if above is None:
        return
    above.rank, contact.rank = contact.rank, above.rank
    BackupContact.objects.bulk_update([above, contact], ["rank"])
    _audit(actor, AuditAction.UPDATE, contact, moved="up")


# --- the card -------------------------------------------------------------------------------


def new_card_number() -> str:
    """A card number: 16 random digits from the operating system's secure source."""
    return "".join(secrets.choice("0123456789") for _ in range(CARD_DIGITS))


def card_digits(typed: str) -> str:
    """What was typed, as digits only (spaces and dashes as printed are fine)."""
    return "".join(ch for ch in (typed or "") if ch.isdigit())


@transaction.atomic
def card_issue(*, actor, cared_for: CaredFor) -> EmergencyCard:
    """The carer gets a card (a new one cancels the one before: a lost card opens nothing)."""
    require(actor, "family_carers.manage_cared_for", cared_for)
    plan = cared_for.plan
    for old in plan.cards.filter(cancelled_at__isnull=True):
        _cancel(actor, old)
    card = EmergencyCard.objects.create(area=plan.area, plan=plan, number=new_card_number())
    _audit(actor, AuditAction.CREATE, card)
    return card


@transaction.atomic
def card_cancel(*, actor, card: EmergencyCard) -> None:
    """The carer cancels their card: its number opens nothing from now on."""
    require(actor, "family_carers.manage_cared_for", card)
    if card.cancelled_at is None:
        _cancel(actor, card)


def _cancel(actor, card: EmergencyCard) -> None:
    card.cancelled_at = timezone.now()
    card.save(update_fields=["cancelled_at"])
    _audit(actor, AuditAction.UPDATE, card, cancelled=True)


class CardRefused(ValidationError):
    """A card number that opened nothing, or a user locked out for now."""


def wrong_tries(user, now=None) -> int:
    """Wrong card numbers this user typed in the last LOCK_MINUTES minutes."""
    since = (now or timezone.now()) - timedelta(minutes=LOCK_MINUTES)
    return CardTry.objects.filter(user=user, right=False, at__gte=since).count()


def card_try(*, actor, number: str) -> CardOpening:
    """Someone signed in types a card number. It opens the plan for OPENING_HOURS only for one
    of the area's emergency responders or a confirmed back-up contact of that plan; anything
    else is a wrong number. Every try is audited; a few wrong ones lock this user out for a
    while; everyone the plan is about is told each time it opens."""
    require(actor, "family_carers.try_a_card")
    now = timezone.now()
    # One transaction with the user's row locked: parallel tries are counted one after another,
    # and the try is kept (and audited) even when it is refused, because the refusal is raised
    # only after the transaction has been committed.
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=actor.user.pk).first()
        opening, refusal = _card_tried(actor, number, now)
    if refusal:
        raise CardRefused(refusal)
    return opening


def _card_tried(actor, number: str, now) -> tuple[CardOpening | None, str]:
    if wrong_tries(actor.user, now) >= WRONG_TRIES_ALLOWED:
        _tried(actor, None, "locked", right=None, now=now)
        return None, LOCKED.format(tries=WRONG_TRIES_ALLOWED, minutes=LOCK_MINUTES)
    digits = card_digits(number)
    card = None
    if len(digits) == CARD_DIGITS:
        card = (
            EmergencyCard.objects.in_area(actor.area)
            .filter(number=digits, cancelled_at__isnull=True)
            .select_related("plan__cared_for__carer", "plan__cared_for__person")
            .first()
        )
    how = opened_as(actor, card) if card is not None else None
    if how is None:
        _tried(actor, card, "wrong_number", right=False, now=now)
        return None, WRONG_NUMBER
    _tried(actor, card, "opened", right=True, now=now)
    opening = CardOpening.objects.create(
        area=card.area,
        card=card,
        user=actor.user,
        opened_as=how,
        opened_at=now,
        ends_at=now + timedelta(hours=OPENING_HOURS),
    )
    notices.card_used(opening)
    return opening, ""


def _tried(actor, card, outcome: str, *, right: bool | None, now) -> None:
    """The try is kept for the lock and written to the audit log (never the number typed)."""
    if right is not None:
        CardTry.objects.create(user=actor.user, at=now, right=right)
    cared_for = card.plan.cared_for if card is not None and right else None
    audit_record(
        actor=actor,
        action=AuditAction.BREAK_GLASS if right else AuditAction.DENIED,
        target_type="emergencycard",
        target_id=card.pk if card is not None and right else "",
        person_id=cared_for.person_id if cared_for and cared_for.linked else None,
        detail={"outcome": outcome},
    )


@transaction.atomic
def call_record(*, actor, opening: CardOpening, contact: BackupContact, answer: str) -> CallMade:
    """Whoever opened the plan records a call to a back-up contact and what they said."""
    require(actor, "family_carers.see_opening", opening)
    if contact.plan_id != opening.card.plan_id:
        raise ValidationError("That person is not a back-up contact in this plan.")
    if opening.ends_at <= timezone.now():
        raise ValidationError("Your time with this plan has ended.")
    call = CallMade.objects.create(
        area=opening.area,
        opening=opening,
        contact=contact,
        answer=CallMade.Answer(answer),
        called_at=timezone.now(),
        called_by=actor.user,
    )
    _audit(actor, AuditAction.CREATE, call, answer=answer)
    return call


# --- carer's assessment, and the area's number ------------------------------------------------


@transaction.atomic
def assessment_request(
    *, actor, what_to_talk_about: str = "", best_way_to_contact: str = ""
) -> AssessmentRequest:
    """A family carer asks the council for a carer's assessment."""
    require(actor, "family_carers.keep_a_plan", message="Only a family carer can ask for this.")
    request = AssessmentRequest.objects.create(
        area=actor.area,
        carer=actor.user,
        what_to_talk_about=what_to_talk_about.strip(),
        best_way_to_contact=best_way_to_contact.strip(),
    )
    _audit(actor, AuditAction.CREATE, request)
    return request


@transaction.atomic
def assessment_status_set(*, actor, request: AssessmentRequest, status: str) -> AssessmentRequest:
    """A worker moves a carer's assessment request on; the carer is told."""
    require(actor, "family_carers.see_assessment_requests", request)
    request.status = AssessmentRequest.Status(status)
    request.save(update_fields=["status", "updated_at"])
    _audit(actor, AuditAction.UPDATE, request, status=status)
    notices.assessment_news(request)
    return request


@transaction.atomic
def emergency_settings_save(
    *, actor, twenty_four_hour_number: str, team_name: str
) -> EmergencySettings:
    """The area admin sets the 24-hour number printed on every card in the area."""
    require(actor, "family_carers.set_emergency_number")
    found, _ = EmergencySettings.objects.update_or_create(
        area=actor.area,
        defaults={
            "twenty_four_hour_number": twenty_four_hour_number.strip(),
            "team_name": team_name.strip() or "Carers emergency response team",
        },
    )
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target_type="emergencysettings", target_id=found.pk
    )
    return found

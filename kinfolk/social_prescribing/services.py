"""Social prescribing, one action at a time: each checked, audited, and the loop closed by
messages back to the referrer."""

import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kinfolk.core.models import Area, AuditAction
from kinfolk.core.permissions import forget, require
from kinfolk.core.text import visible_text
from kinfolk.people.audit import audit_person
from kinfolk.people.models import Assignment, Person
from kinfolk.people.rules import can
from kinfolk.people.services import _clean_profile, allocations_end_for_referral, person_lock

from . import notices, rules, selectors  # noqa: F401  (rules names the permissions asked here)
from .models import (
    DECLINED_CODE,
    CommunityReferral,
    CommunityStatus,
    Conversation,
    Goal,
    Message,
    Practice,
    Reason,
    Referral,
    Status,
)

PRACTICE_MAX = Referral._meta.get_field("practice").max_length
PERSON_FIELDS = ("given_name", "family_name", "date_of_birth", "nhs_number", "phone", "postcode")


def _locked(referral: Referral) -> Referral:
    """The referral re-read under lock: the person's row first, then the referral's, always in
    this order, so that status checks and the access they end are decided one writer at a time."""
    person_lock(referral.person)
    return (
        Referral.objects.select_for_update()
        .select_related("person", "person__area")
        .get(pk=referral.pk)
    )


def _must_be_link_worker(actor, permission: str, referral: Referral) -> None:
    """Only the person's link worker does this; anyone else's attempt is audited."""
    require(
        actor,
        f"social_prescribing.{permission}",
        referral,
        message="Only the person's link worker can do this.",
    )


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _person_referred(*, actor, details: dict) -> Person:
    """The person a referral is for: the one in the area with this NHS number, or someone new."""
    fields = {k: v for k, v in details.items() if k in PERSON_FIELDS and v}
    if not fields.get("given_name") or not fields.get("family_name"):
        raise ValidationError("Enter the person's first and last name.", code="name")
    person = Person(area=actor.area, **fields)
    _clean_profile(person)
    if person.nhs_number:
        # One person per NHS number in an area: the area row lock makes two referrals for the
        # same new person, arriving at once, find each other rather than create two records.
        Area.objects.select_for_update().filter(pk=actor.area.pk).first()
        known = (
            Person.objects.filter(area=actor.area, nhs_number=person.nhs_number, erased_at=None)
            .order_by("created_at")
            .first()
        )
        if known is not None:
            _must_be_the_same_person(known, person)
            audit_person(actor=actor, action=AuditAction.VIEW, person=known,
                         detail={"found_by": "nhs_number"})  # fmt: skip
            return known
    person.save(force_insert=True)
    audit_person(actor=actor, action=AuditAction.CREATE, person=person)
    return person


def _must_be_the_same_person(known: Person, referred: Person) -> None:
    """An NHS number finds a record only when the surname (and date of birth, if both have
    one) agree, so a mistyped number never joins a referral to someone else's record."""
    dates = (known.date_of_birth, referred.date_of_birth)
    if not _same_name(known.family_name, referred.family_name) or (
        all(dates) and dates[0] != dates[1]
    ):
        raise ValidationError(
            "This NHS number is already recorded in this area for someone with a different "
            "surname or date of birth. Check the NHS number, surname and date of birth; if the "
            "person's details have changed, ask their link worker to update their record first.",
            code="nhs_number_mismatch",
        )


@transaction.atomic
def referral_create(
    *,
    actor,
    practice: str,
    reasons: list[str],
    consent_recorded: bool,
    consent_given_by: str,
    what_matters: str = "",
    person: Person | None = None,
    new_person: dict | None = None,
) -> Referral:
    """A GP, nurse or other professional refers someone who has agreed to it, from a practice
    or team on the area's list (`practice`: its ODS code, or its name as on the list)."""
    require(
        actor,
        "social_prescribing.refer",
        message="Only referrers (GPs, nurses, other professionals) can refer.",
    )
    if not consent_recorded:
        raise ValidationError(
            "Record that the person (or someone who can decide for them) agreed to the referral.",
            code="consent",
        )
    if consent_given_by not in ("person", "representative"):
        raise ValidationError("Say who agreed to the referral.", code="consent_given_by")
    if not reasons or set(reasons) - set(Reason.values):
        raise ValidationError("Choose at least one reason for the referral.", code="reasons")
    practice = _practice_on_the_list(actor.area, practice)
    if person is None:
        person = _person_referred(actor=actor, details=new_person or {})
    elif not can(actor, "view_person", person):
        raise PermissionDenied("You can refer only people you are working with.")
    else:
        person_lock(person)
    already = _open_referral(person)
    if already is not None:
        raise AlreadyReferred(already)
    Assignment.objects.get_or_create(
        area=person.area, person=person, worker=actor.user, kind=Assignment.Kind.REFERRER,
        ended_at=None,
    )  # fmt: skip
    referral = Referral.objects.create(
        area=person.area, person=person, referrer=actor.user, practice=practice.name,
        practice_code=practice.ods_code,
        consent_recorded=True, consent_given_by=consent_given_by, reasons=sorted(set(reasons)),
        what_matters=(what_matters or "").strip(), received_at=timezone.now(),
    )  # fmt: skip
    audit_person(actor=actor, action=AuditAction.CREATE, person=person, about=referral)
    notices.new_referral(referral)
    return referral


def _practice_on_the_list(area, practice: str) -> Practice:
    """The practice a referral comes from: on the area's list, by ODS code or by its name."""
    given = " ".join((practice or "").split())
    if not given:
        raise ValidationError(
            "Say which practice or team is referring: choose it from the list (in a FHIR "
            "bundle, give the requester's organisation with its ODS code).",
            code="practice",
        )
    if len(given) > PRACTICE_MAX:
        raise ValidationError(
            f"The practice or team name must be {PRACTICE_MAX} characters or fewer. "
            "Shorten it and send the referral again.",
            code="practice",
        )
    found = (
        Practice.objects.in_area(area)
        .filter(Q(ods_code__iexact=given) | Q(name__iexact=given), offered=True)
        .order_by("ods_code")
        .first()
    )
    if found is None:
        raise ValidationError(
            f"“{given}” is not on {area.name}'s list of practices and teams. Choose yours from "
            "the list; if it is missing, ask your area admin to add it with its ODS code.",
            code="practice",
        )
    return found


ODS_CODE = re.compile(r"^[A-Z0-9]{3,10}$")


def practice_record(
    *, area, ods_code: str, name: str, postcode: str = "", offered: bool = True
) -> Practice:
    """One practice on an area's list, added or brought up to date (for the `practice_add` and
    `practices_load` commands and the demo)."""
    code = (ods_code or "").strip().upper()
    name = " ".join((name or "").split())
    if not ODS_CODE.match(code):
        raise ValidationError(
            "Enter the ODS code: 3 to 10 letters and numbers, like B82005.", code="ods_code"
        )
    if not name or len(name) > PRACTICE_MAX:
        raise ValidationError(
            f"Enter the practice's name, {PRACTICE_MAX} characters or fewer.", code="name"
        )
    practice, _ = Practice.objects.update_or_create(
        area=area, ods_code=code,
        defaults={"name": name, "postcode": (postcode or "").strip().upper()[:10],
                  "offered": offered},
    )  # fmt: skip
    return practice


class AlreadyReferred(ValidationError):
    """The person already has an open referral: it is shown, and no second one is made."""

    def __init__(self, referral: Referral):
        when = timezone.localtime(referral.received_at)
        super().__init__(
            f"{referral.person.full_name} already has an open social prescribing referral, "
            f"received on {when.day} {when:%B %Y}, so nothing new was sent. A link worker "
            "will be in touch with them.",
            code="already_referred",
        )
        self.referral = referral


def _open_referral(person: Person) -> Referral | None:
    return (
        Referral.objects.filter(person=person)
        .exclude(status__in=[Status.CLOSED, Status.DECLINED])
        .order_by("received_at")
        .first()
    )


@transaction.atomic
def referral_take(*, actor, referral: Referral) -> Referral:
    """A link worker takes a new referral from the inbox: they now support the person."""
    require(
        actor,
        "social_prescribing.take_referral",
        referral,
        message="Only a link worker in this area can take a referral.",
    )
    referral = _locked(referral)
    if referral.link_worker_id:
        raise ValidationError("Another link worker has already taken this referral.", code="taken")
    referral.link_worker = actor.user
    referral.save(update_fields=["link_worker"])
    Assignment.objects.get_or_create(
        area=referral.area, person=referral.person, worker=actor.user,
        kind=Assignment.Kind.LINK_WORKER, ended_at=None,
    )  # fmt: skip
    audit_person(actor=actor, action=AuditAction.UPDATE, person=referral.person, about=referral,
                 detail={"taken_by": actor.user.pk})  # fmt: skip
    forget(actor)  # they now support the person: what they may do has changed
    return referral


@transaction.atomic
def conversation_record(*, actor, referral: Referral, held_on: date, notes: str) -> Conversation:
    """The link worker records a "what matters to me" conversation; the first one is the first
    contact."""
    _must_be_link_worker(actor, "record_conversation", referral)
    if not (notes or "").strip():
        raise ValidationError("Write what you talked about.", code="notes")
    if held_on > date.today():
        raise ValidationError("A conversation cannot be in the future.", code="held_on")
    conversation = Conversation.objects.create(
        area=referral.area, referral=referral, held_on=held_on, notes=notes.strip(), by=actor.user
    )
    if referral.first_contact_at is None:
        referral.first_contact_at = timezone.now()
        if referral.status == Status.NEW:
            referral.status = Status.CONTACTED
        referral.save(update_fields=["first_contact_at", "status"])
    audit_person(actor=actor, action=AuditAction.CREATE, person=referral.person, about=conversation)
    return conversation


@transaction.atomic
def goal_add(*, actor, referral: Referral, in_their_words: str) -> Goal:
    """The link worker writes down a goal in the person's own words."""
    _must_be_link_worker(actor, "add_goal", referral)
    if not (in_their_words or "").strip():
        raise ValidationError("Write the goal in the person's words.", code="goal")
    goal = Goal.objects.create(
        area=referral.area, referral=referral, in_their_words=in_their_words.strip()[:300]
    )
    audit_person(actor=actor, action=AuditAction.CREATE, person=referral.person, about=goal)
    return goal


@transaction.atomic
def community_refer(
    *, actor, referral: Referral, service, note: str = "", contact_shared: bool = False
) -> CommunityReferral:
    """A service the person chose to try goes to the organisation that runs it; with
    `contact_shared` the person agreed that the organisation may phone or email them."""
    _must_be_link_worker(actor, "refer_to_community_group", referral)
    if referral.status in (Status.CLOSED, Status.DECLINED):
        raise ValidationError("This referral is closed.", code="closed")
    sent = CommunityReferral.objects.create(
        area=referral.area, referral=referral, service=service,
        organization_id=service.organization_id, note_for_organisation=(note or "").strip(),
        contact_shared=bool(contact_shared),
    )  # fmt: skip
    audit_person(actor=actor, action=AuditAction.CREATE, person=referral.person, about=sent)
    notices.new_request(sent)
    return sent


@transaction.atomic
def community_decide(*, actor, sent: CommunityReferral, accept: bool, reason: str = ""):
    """The organisation accepts, or declines with a reason."""
    require(
        actor,
        "social_prescribing.decide_as_community_organisation",
        sent,
        message="Only the organisation it was sent to can answer.",
    )
    sent = _locked_sent(sent)
    if sent.status != CommunityStatus.SENT:
        raise ValidationError("This has already been answered.", code="answered")
    if not accept and not visible_text(reason):
        raise ValidationError("Say why you cannot take the person on.", code="reason")
    sent.status = CommunityStatus.ACCEPTED if accept else CommunityStatus.DECLINED
    sent.decided_at, sent.decided_by = timezone.now(), actor.user
    sent.declined_reason = "" if accept else visible_text(reason)
    sent.save()
    audit_person(actor=actor, action=AuditAction.UPDATE, person=sent.referral.person, about=sent,
                 detail={"accepted": accept})  # fmt: skip
    return sent


def _locked_sent(sent: CommunityReferral) -> CommunityReferral:
    """What was sent to an organisation, re-read under lock (after its referral, if both)."""
    return (
        CommunityReferral.objects.select_for_update()
        .select_related("referral__person__area", "service", "organization")
        .get(pk=sent.pk)
    )


def _message(referral: Referral, text: str) -> Message:
    message = Message.objects.create(
        area=referral.area, referral=referral, to=referral.referrer, text=text
    )
    notices.news_for_referrer(message)
    return message


@transaction.atomic
def community_started(*, actor, sent: CommunityReferral) -> CommunityReferral:
    """The person has started going: they are connected, and the referrer is told."""
    require(
        actor,
        "social_prescribing.record_started",
        sent,
        message="Only the organisation or the link worker can record this.",
    )
    referral = _locked(sent.referral)
    sent = _locked_sent(sent)
    if sent.status != CommunityStatus.ACCEPTED:
        raise ValidationError("The organisation has to accept first.", code="not_accepted")
    sent.status, sent.started_at = CommunityStatus.STARTED, timezone.now()
    sent.save(update_fields=["status", "started_at"])
    if referral.connected_at is None:
        referral.connected_at = timezone.now()
        referral.status = Status.CONNECTED
        referral.save(update_fields=["connected_at", "status"])
        _message(
            referral,
            f"{referral.person.called} is now connected: they have started going to "
            f"{sent.service.name} ({sent.organization.name}).",
        )
        from kinfolk.wellbeing.models import Episode

        Episode.objects.create(
            area=referral.area, person=referral.person, kind=Episode.Kind.SOCIAL_PRESCRIBING,
            service=sent.service.name, started_on=date.today(),
        )  # fmt: skip
    audit_person(actor=actor, action=AuditAction.UPDATE, person=referral.person, about=sent)
    return sent


@transaction.atomic
def outcome_link(*, actor, referral: Referral, response, stage: str) -> Referral:
    """Attach an ONS4 answered with the person, at the start or at follow-up."""
    _must_be_link_worker(actor, "link_outcome", referral)
    if response.measure != "ons4" or response.person_id != referral.person_id:
        raise ValidationError("Use the person's own ONS4 answers.", code="measure")
    if stage not in ("baseline", "follow_up"):
        raise ValidationError("Say whether this is the start or the follow-up.", code="stage")
    setattr(referral, stage, response)
    referral.save(update_fields=[stage])
    return referral


def _end_access_from(actor, referral: Referral) -> None:
    """The referral has ended: the link worker's and referrer's access to the whole record ends
    with it, unless another open referral still gives them a reason. The referrer keeps their
    referral and its outcome (see selectors.referral_get)."""
    still_open = (
        Referral.objects.in_area(referral.area)
        .filter(person=referral.person)
        .exclude(status__in=[Status.CLOSED, Status.DECLINED])
    )
    for worker_id, kind, field in (
        (referral.link_worker_id, Assignment.Kind.LINK_WORKER, "link_worker_id"),
        (referral.referrer_id, Assignment.Kind.REFERRER, "referrer_id"),
    ):
        if worker_id is None or still_open.filter(**{field: worker_id}).exists():
            continue
        allocations_end_for_referral(
            actor=actor, person=referral.person, worker_id=worker_id, kind=kind
        )
    forget(actor)


@transaction.atomic
def referral_close(*, actor, referral: Referral, summary: str) -> Referral:
    """The link worker closes the referral with a summary; the referrer is told the outcome."""
    _must_be_link_worker(actor, "close_referral", referral)
    referral = _locked(referral)
    if referral.status in (Status.CLOSED, Status.DECLINED):
        raise ValidationError("This referral is already closed.", code="closed")
    if not (summary or "").strip():
        raise ValidationError("Write a short summary for the referrer.", code="summary")
    referral.status, referral.closed_at = Status.CLOSED, timezone.now()
    referral.closing_summary = summary.strip()
    referral.save(update_fields=["status", "closed_at", "closing_summary"])
    change = selectors.wellbeing_change(referral)
    change_text = (
        " Wellbeing (ONS4) change: "
        + ", ".join(f"{k.replace('_', ' ')} {v:+d}" for k, v in change.items())
        + "."
        if change
        else ""
    )
    _message(referral, f"Closed: {referral.closing_summary}{change_text}")
    _end_access_from(actor, referral)
    audit_person(actor=actor, action=AuditAction.UPDATE, person=referral.person, about=referral,
                 detail={"status": "closed"})  # fmt: skip
    return referral


@transaction.atomic
def referral_decline(*, actor, referral: Referral, reason: str = "") -> Referral:
    """The person does not want social prescribing (coded 871711000000103)."""
    _must_be_link_worker(actor, "decline_referral", referral)
    referral = _locked(referral)
    if referral.status in (Status.CLOSED, Status.DECLINED):
        raise ValidationError("This referral is already closed.", code="closed")
    referral.status, referral.code = Status.DECLINED, DECLINED_CODE
    referral.closed_at, referral.declined_reason = timezone.now(), visible_text(reason)
    referral.save(update_fields=["status", "code", "closed_at", "declined_reason"])
    _message(referral, f"{referral.person.called} decided not to take up social prescribing.")
    _end_access_from(actor, referral)
    audit_person(actor=actor, action=AuditAction.UPDATE, person=referral.person, about=referral,
                 detail={"status": "declined"})  # fmt: skip
    return referral

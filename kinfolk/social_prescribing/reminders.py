"""Social prescribing nudges, run once a day, so nobody waits unseen:

- first contact: on the day the contact target (7 days by default) passes with nobody having
  contacted the person, their link worker is told (every link worker in the area, if nobody has
  taken the referral yet); a week later, the area admin (as the lead) is told;
- a community organisation that has not answered a request is nudged after 7 days; after 14,
  the link worker is told, so they can offer the person something else.

Each nudge is told once (its key), however often the job runs.
"""

from datetime import date, datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone

from kinfolk.accounts.models import Membership, Role
from kinfolk.notifications.events import Event, register
from kinfolk.notifications.schedules import DAILY, Job, register_job
from kinfolk.notifications.services import Notice, tell_many

from .models import CommunityReferral, CommunityStatus, OrganizationMember, Referral, Status
from .selectors import contact_target_days

NOT_CONTACTED = "social_prescribing.first_contact_late"
NOT_CONTACTED_LEAD = "social_prescribing.first_contact_late_lead"
ORGANISATION_NUDGE = "social_prescribing.organisation_not_answered"
BACK_TO_LINK_WORKER = "social_prescribing.organisation_still_not_answered"
NUDGE_DAYS, RETURN_DAYS = 7, 14


def _received_on(day: date, days_before: int) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day - timedelta(days=days_before), time.min))
    return start, start + timedelta(days=1)


def _members(area_id: int, role: str):
    return [
        m.user for m in Membership.objects.filter(area_id=area_id, role=role).select_related("user")
    ]


def _first_contact(day: date) -> list[Notice]:
    notices = []
    target = contact_target_days()
    for days, lead in ((target, False), (target + 7, True)):
        waiting = Referral.objects.filter(
            received_at__range=_received_on(day, days),
            first_contact_at__isnull=True,
            status=Status.NEW,
        ).select_related("person", "area", "link_worker")
        for referral in waiting:
            if lead:
                recipients = _members(referral.area_id, Role.AREA_ADMIN)
            elif referral.link_worker_id:
                recipients = [referral.link_worker]
            else:
                recipients = _members(referral.area_id, Role.LINK_WORKER)
            text = (
                f"Nobody has contacted {referral.person.called} yet: their "
                f"referral arrived {days} days ago."
            )
            link = (
                reverse("social_prescribing:inbox")
                if lead
                else reverse("social_prescribing:referral", args=[referral.pk])
            )
            event = NOT_CONTACTED_LEAD if lead else NOT_CONTACTED
            key = f"sp-contact-{referral.pk}-{days}"
            notices += [
                Notice(recipient, referral.area, event, text, key, link, referral.person)
                for recipient in recipients
            ]
    return notices


def _organisations(day: date) -> list[Notice]:
    notices = []
    for days in (NUDGE_DAYS, RETURN_DAYS):
        waiting = CommunityReferral.objects.filter(
            sent_at__range=_received_on(day, days), status=CommunityStatus.SENT
        ).select_related("referral__person", "referral__link_worker", "area", "service")
        for sent in waiting:
            person = sent.referral.person
            if days == NUDGE_DAYS:
                members = OrganizationMember.objects.filter(organization_id=sent.organization_id)
                recipients = [m.user for m in members.select_related("user")]
                event, link = ORGANISATION_NUDGE, reverse("social_prescribing:community")
                text = f"A request for {sent.service.name} has waited {days} days for an answer."
            else:
                recipients = [sent.referral.link_worker] if sent.referral.link_worker_id else []
                event = BACK_TO_LINK_WORKER
                link = reverse("social_prescribing:referral", args=[sent.referral_id])
                text = (
                    f"{sent.service.name} has not answered about {person.called} in {days} "
                    "days: you could offer something else."
                )
            key = f"sp-community-{sent.pk}-{days}"
            notices += [
                Notice(recipient, sent.area, event, text, key, link, person)
                for recipient in recipients
            ]
    return notices


def remind(day: date) -> str:
    """Nudge about people waiting for first contact and requests waiting for an answer."""
    return f"told:{tell_many(_first_contact(day) + _organisations(day))}"


def register_reminders() -> None:
    """Social prescribing's events and its daily nudges (from AppConfig.ready())."""
    for code, message, easy in (
        (NOT_CONTACTED, "Someone referred for social prescribing is waiting for first contact.",
         "Someone is waiting for you to contact them."),
        (NOT_CONTACTED_LEAD, "A social prescribing referral has waited two weeks for contact.",
         "Someone has waited two weeks to be contacted."),
        (ORGANISATION_NUDGE, "A request to your organisation is waiting for an answer.",
         "A request is waiting for your answer."),
        (BACK_TO_LINK_WORKER, "A community organisation has not answered a request.",
         "A group has not answered. You could offer something else."),
    ):  # fmt: skip
        register(Event(code, f"{message} Sign in to see it.", f"{easy} Sign in to see it."))
    register_job(Job("social_prescribing.nudges", "Nudge about people who are waiting",
                     DAILY, remind, reminds=True))  # fmt: skip

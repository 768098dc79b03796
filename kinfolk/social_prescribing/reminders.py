"""Social prescribing nudges, run once a day, so nobody waits unseen:

- first contact: on the day the contact target (7 days by default) passes with nobody having
  contacted the person, their link worker is told (every link worker in the area, if nobody has
  taken the referral yet); a week later, the area admin (as the lead) is told;
- a community organisation that has not answered a request is nudged after 7 days; after 14
  the request goes back to the link worker (the organisation can no longer answer it) and the
  link worker is told, so they can offer the person something else.

Each nudge is told once (its key), however often the job runs.
"""

from datetime import date, timedelta

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.accounts.selectors import users_acting_as
from kinfolk.notifications.events import Event, register
from kinfolk.notifications.schedules import DAILY, Job, day_bounds, register_job
from kinfolk.notifications.services import Notice, tell_many

from .models import CommunityReferral, CommunityStatus, OrganizationMember, Referral, Status
from .selectors import contact_target_days

NOT_CONTACTED = "social_prescribing.first_contact_late"
NOT_CONTACTED_LEAD = "social_prescribing.first_contact_late_lead"
ORGANISATION_NUDGE = "social_prescribing.organisation_not_answered"
BACK_TO_LINK_WORKER = "social_prescribing.organisation_still_not_answered"
NUDGE_DAYS, RETURN_DAYS = 7, 14


def _first_contact(day: date) -> list[Notice]:
    notices = []
    target = contact_target_days()
    for days, lead in ((target, False), (target + 7, True)):
        waiting = Referral.objects.filter(
            received_at__range=day_bounds(day - timedelta(days=days)),
            first_contact_at__isnull=True,
            status=Status.NEW,
        ).select_related("person", "area", "link_worker")
        for referral in waiting:
            if lead:
                recipients = users_acting_as(area_id=referral.area_id, role=Role.AREA_ADMIN)
            elif referral.link_worker_id:
                recipients = [referral.link_worker]
            else:
                recipients = users_acting_as(area_id=referral.area_id, role=Role.LINK_WORKER)
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


def _waiting(**when):
    return CommunityReferral.objects.filter(status=CommunityStatus.SENT, **when).select_related(
        "referral__person", "referral__link_worker", "area", "service"
    )


def _nudge_organisations(day: date) -> list[Notice]:
    notices = []
    for sent in _waiting(sent_at__range=day_bounds(day - timedelta(days=NUDGE_DAYS))):
        members = OrganizationMember.objects.filter(organization_id=sent.organization_id)
        text = f"A request for {sent.service.name} has waited {NUDGE_DAYS} days for an answer."
        notices += [
            Notice(member.user, sent.area, ORGANISATION_NUDGE, text,
                   f"sp-community-{sent.pk}-{NUDGE_DAYS}",
                   reverse("social_prescribing:community"), sent.referral.person)
            for member in members.select_related("user")
        ]  # fmt: skip
    return notices


def _return_unanswered(day: date) -> list[Notice]:
    """Requests an organisation has not answered in 14 days go back to the link worker: the
    organisation can no longer answer them, so the person is not left waiting on silence. Any
    request sent on or before that day goes back, so a day the job missed is caught up."""
    _, end = day_bounds(day - timedelta(days=RETURN_DAYS))
    unanswered = list(_waiting(sent_at__lt=end))
    CommunityReferral.objects.filter(pk__in=[sent.pk for sent in unanswered]).update(
        status=CommunityStatus.RETURNED
    )
    notices = []
    for sent in unanswered:
        if not sent.referral.link_worker_id:
            continue
        person = sent.referral.person
        text = (
            f"{sent.service.name} has not answered about {person.called} in {RETURN_DAYS} "
            "days, so the request has come back to you: you could offer something else."
        )
        notices.append(
            Notice(sent.referral.link_worker, sent.area, BACK_TO_LINK_WORKER, text,
                   f"sp-community-{sent.pk}-{RETURN_DAYS}",
                   reverse("social_prescribing:referral", args=[sent.referral_id]), person)
        )  # fmt: skip
    return notices


def remind(day: date) -> str:
    """Nudge about people waiting for first contact and requests waiting for an answer, and
    hand back to the link worker what has waited 14 days."""
    notices = _first_contact(day) + _nudge_organisations(day) + _return_unanswered(day)
    return f"told:{tell_many(notices)}"


def register_reminders() -> None:
    """Social prescribing's events and its daily nudges (from AppConfig.ready())."""
    for code, message, easy in (
        (NOT_CONTACTED, "Someone referred for social prescribing is waiting for first contact.",
         "Someone is waiting for you to contact them."),
        (NOT_CONTACTED_LEAD, "A social prescribing referral has waited two weeks for contact.",
         "Someone has waited two weeks to be contacted."),
        (ORGANISATION_NUDGE, "A request to your organisation is waiting for an answer.",
         "A request is waiting for your answer."),
        (BACK_TO_LINK_WORKER, "A request a community organisation did not answer is back with you.",
         "A group did not answer. You could offer something else."),
    ):  # fmt: skip
        register(Event(code, f"{message} Sign in to see it.", f"{easy} Sign in to see it."))
    register_job(Job("social_prescribing.nudges", "Nudge about people who are waiting",
                     DAILY, remind, reminds=True))  # fmt: skip

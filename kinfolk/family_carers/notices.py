"""Who family carers' work tells, and in which fixed words. Emails and texts say only that there
is something to see (the notifications app's rule); the notification centre's text names no
health detail either: a plan's contents are never in a message."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from kinfolk.accounts.services.notices import email_send
from kinfolk.notifications.events import Event, register
from kinfolk.notifications.services import tell
from kinfolk.people.models import AccessGrant, GrantScope

ASKED_TO_LINK = "family_carers.asked_to_link"
LINK_ANSWERED = "family_carers.link_answered"
ASKED_TO_BE_CONTACT = "family_carers.asked_to_be_backup_contact"
CONTACT_ANSWERED = "family_carers.backup_contact_answered"
CARD_USED = "family_carers.card_used"
ASSESSMENT_NEWS = "family_carers.assessment_news"

CONTACT_EMAIL = (
    "A family carer has named you as a back-up contact in their emergency plan: someone who "
    "will be called if they are taken ill. Open this link to say whether you agree. You will "
    "be asked to sign in to Kinfolk, or to make an account, first.\n\n{link}\n\n"
    "If you do not know why you were sent this, you can ignore it.\n\n"
    "This message was sent by Kinfolk. Do not reply to it."
)


def register_events() -> None:
    """Family carers' events (from AppConfig.ready())."""
    for code, message, easy in (
        (
            ASKED_TO_LINK,
            "A family carer has asked to link their emergency plan to your record.",
            "A carer asked to link their plan to you.",
        ),
        (
            LINK_ANSWERED,
            "There is an answer to your request to link an emergency plan.",
            "There is an answer about your plan.",
        ),
        (
            ASKED_TO_BE_CONTACT,
            "A family carer has asked you to be a back-up contact.",
            "A carer asked you to be a back-up contact.",
        ),
        (
            CONTACT_ANSWERED,
            "A back-up contact has answered about your emergency plan.",
            "A back-up contact answered.",
        ),
        (
            CARD_USED,
            "An emergency card was used to open an emergency plan.",
            "An emergency card was used.",
        ),
        (
            ASSESSMENT_NEWS,
            "There is news of your request for a carer's assessment.",
            "There is news of your carer's assessment.",
        ),
    ):
        register(Event(code, f"{message} Sign in to see more.", f"{easy} Sign in to see more."))


def _acting_for(person) -> list:
    """Whoever the person chose to act for them (told alongside them)."""
    grants = AccessGrant.objects.filter(
        person=person, scope=GrantScope.ACT_FOR, revoked_at__isnull=True
    ).select_related("grantee")
    return [grant.grantee for grant in grants]


def _person_and_theirs(person) -> list:
    users = [person.user] if person.user_id else []
    return users + _acting_for(person)


def asked_to_link(cared_for) -> None:
    """The person (and whoever acts for them) is asked whether the carer may link them."""
    for user in _person_and_theirs(cared_for.person):
        tell(
            recipient=user,
            area=cared_for.area,
            event=ASKED_TO_LINK,
            text=f"{cared_for.carer.display_name} has asked to link their emergency plan to "
            "your record.",
            key=f"fc-link-{cared_for.pk}",
            link=reverse("family_carers:answer", args=[cared_for.pk]),
            about=cared_for.person,
        )


def link_answered(cared_for) -> None:
    """The carer hears whether they were let in."""
    said = "said yes" if cared_for.agreed_at else "said no"
    tell(
        recipient=cared_for.carer,
        area=cared_for.area,
        event=LINK_ANSWERED,
        text=f"{cared_for.name} {said} to linking your emergency plan.",
        key=f"fc-linked-{cared_for.pk}",
        link=reverse("family_carers:mine"),
    )


def asked_to_be_contact(contact, token: str, user) -> None:
    """The back-up contact is asked, by their notifications if they have an account here, or by
    one email with the link if they have none yet."""
    link = reverse("family_carers:contact_answer", args=[token])
    if user is not None:
        tell(
            recipient=user,
            area=contact.area,
            event=ASKED_TO_BE_CONTACT,
            text=f"{contact.plan.cared_for.carer.display_name} has asked you to be a back-up "
            "contact in their emergency plan.",
            key=f"fc-contact-{contact.pk}-{contact.invited_at.timestamp():.0f}",
            link=link,
        )
        return
    email_send(
        to=contact.email,
        subject="Kinfolk: will you be a back-up contact?",
        body=CONTACT_EMAIL.format(link=settings.KINFOLK_SITE_URL.rstrip("/") + link),
    )


def contact_answered(contact) -> None:
    """The carer hears whether their back-up contact agreed."""
    said = "agreed to be" if contact.confirmed else "said they cannot be"
    cared_for = contact.plan.cared_for
    tell(
        recipient=cared_for.carer,
        area=contact.area,
        event=CONTACT_ANSWERED,
        text=f"{contact.name} {said} a back-up contact.",
        key=f"fc-contact-answer-{contact.pk}-{timezone.now().timestamp():.0f}",
        link=reverse("family_carers:plan", args=[cared_for.pk]),
    )


def card_used(opening) -> list:
    """Everyone the plan is about is told, every time: the carer, and the cared-for person and
    whoever acts for them if they are linked. Fixed words: who opened it and when, nothing more."""
    cared_for = opening.card.plan.cared_for
    told = [cared_for.carer]
    if cared_for.linked:
        told += _person_and_theirs(cared_for.person)
    at = timezone.localtime(opening.opened_at)
    who = f"{opening.user.display_name} ({opening.get_opened_as_display().lower()})"
    for user in told:
        tell(
            recipient=user,
            area=opening.area,
            event=CARD_USED,
            text=f"The emergency card was used: {who} opened the plan at {at:%H:%M on %d %B}.",
            key=f"fc-card-used-{opening.pk}",
            link=reverse("family_carers:plan", args=[cared_for.pk]),
            about=cared_for.person if cared_for.linked else None,
        )
    return told


def assessment_news(request) -> None:
    """The carer hears that their assessment request moved on."""
    tell(
        recipient=request.carer,
        area=request.area,
        event=ASSESSMENT_NEWS,
        text=f"Your carer's assessment request: {request.get_status_display().lower()}.",
        key=f"fc-assessment-{request.pk}-{request.status}",
        link=reverse("family_carers:assessment"),
    )

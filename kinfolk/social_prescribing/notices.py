"""Who social prescribing tells: link workers about a new referral, an organisation about a new
request, and the referrer whenever there is news of their referral (connected, closed)."""

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.accounts.selectors import users_acting_as
from kinfolk.notifications.events import Event, register
from kinfolk.notifications.services import tell

from .models import CommunityReferral, Message, OrganizationMember, Referral

NEW_REFERRAL = "social_prescribing.new_referral"
NEW_REQUEST = "social_prescribing.new_community_request"
NEWS_FOR_REFERRER = "social_prescribing.news_for_referrer"


def new_referral(referral: Referral) -> None:
    """A new referral is in the inbox: every link worker in the area is told."""
    for link_worker in users_acting_as(area_id=referral.area_id, role=Role.LINK_WORKER):
        tell(recipient=link_worker, area=referral.area, event=NEW_REFERRAL,
             text=f"A new referral for {referral.person.called} is in the inbox.",
             key=f"sp-referral-{referral.pk}", link=reverse("social_prescribing:inbox"),
             about=referral.person)  # fmt: skip


def new_request(sent: CommunityReferral) -> None:
    """A link worker asked an organisation to welcome someone: its members are told."""
    members = OrganizationMember.objects.filter(organization_id=sent.organization_id)
    for member in members.select_related("user"):
        tell(recipient=member.user, area=sent.area, event=NEW_REQUEST,
             text=f"Someone would like to join {sent.service.name}.",
             key=f"sp-request-{sent.pk}", link=reverse("social_prescribing:community"),
             about=sent.referral.person)  # fmt: skip


def news_for_referrer(message: Message) -> None:
    """The referrer is told there is news (connected, closed) of a referral they made."""
    referral = message.referral
    tell(recipient=message.to, area=message.area, event=NEWS_FOR_REFERRER,
         text=f"News of your referral for {referral.person.called}.",
         key=f"sp-message-{message.pk}", link=reverse("social_prescribing:my_referrals"),
         about=referral.person)  # fmt: skip


def register_events() -> None:
    """Social prescribing's events (from AppConfig.ready())."""
    for code, message, easy in (
        (NEW_REFERRAL, "A new social prescribing referral is waiting.",
         "A new referral is waiting."),
        (NEW_REQUEST, "Someone would like to join an activity you run.",
         "Someone would like to join your group."),
        (NEWS_FOR_REFERRER, "There is news of a referral you made.",
         "There is news of a referral."),
    ):  # fmt: skip
        register(Event(code, f"{message} Sign in to see it.", f"{easy} Sign in to see it."))

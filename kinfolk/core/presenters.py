"""What the home page shows for each role."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape

from kinfolk.accounts.models import CARE_ROLES, Role


@dataclass
class HomeLink:
    text: str
    href: str
    description: str = ""


TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev", "sir", "dame"}


def first_name(display_name: str) -> str:
    """The name to greet someone by: their first name, never a title ("Dr Damian Riley")."""
    words = (display_name or "").split()
    named = [w for w in words if w.lower().rstrip(".") not in TITLES]
    return (named or words or ["there"])[0]


@dataclass
class HomePresenter:
    """A role-aware home page: what this person came to do, first."""

    actor: object
    people: list = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"Hello, {first_name(self.actor.user.display_name)}"

    @property
    def role_summary(self) -> str:
        return (
            f"You are using Kinfolk as a {self.actor.role_label.lower()} in {self.actor.area.name}."
        )

    @property
    def shows_caseload(self) -> bool:
        return self.actor.role in CARE_ROLES

    @property
    def shows_own_record(self) -> bool:
        return self.actor.acts_as(Role.PERSON)

    @property
    def shows_shared_with_me(self) -> bool:
        return self.actor.acts_as(Role.REPRESENTATIVE)

    @property
    def caseload_rows(self) -> list[list[dict]]:
        return [
            [
                {
                    "html": f'<a class="nhsuk-link" href="{reverse("people:detail", args=[p.pk])}">'
                    f"{escape(p.full_name)}</a>"
                },
                {"text": p.date_of_birth.strftime("%-d %B %Y") if p.date_of_birth else "Not known"},
                {"text": p.postcode or "Not known"},
            ]
            for p in self.people
        ]

    @property
    def links(self) -> list[HomeLink]:
        """The things this role can do now."""
        links: list[HomeLink] = []
        if self.actor.acts_as(Role.PERSON) and self.people:
            me = self.people[0]
            links += [
                HomeLink(
                    "My profile",
                    reverse("people:detail", args=[me.pk]),
                    "What matters to me, what I can do, and how to contact me.",
                ),
                HomeLink(
                    "Who can see my record",
                    reverse("people:sharing", args=[me.pk]),
                    "Choose family, friends or an advocate who can see it, and take access away.",
                ),
            ]
        links += self._shared_lives_links()
        links += self._wellbeing_links()
        links += self._community_links()
        if self.actor.acts_as(Role.SCHEME_WORKER, Role.LINK_WORKER):
            links.append(
                HomeLink(
                    "Add a person",
                    reverse("people:create"),
                    "Start a record for someone you are supporting.",
                )
            )
        if self.actor.acts_as(Role.AREA_ADMIN):
            links += [
                HomeLink(
                    "Memberships",
                    reverse("accounts:memberships"),
                    "Who holds which role in this area.",
                ),
                HomeLink(
                    "Allocate a worker",
                    reverse("people:allocate"),
                    "Give a worker a legitimate relationship with a person.",
                ),
                HomeLink(
                    "Emergency access report",
                    reverse("people:break_glass_report"),
                    "Every time someone used emergency access, and why.",
                ),
            ]
        links.append(
            HomeLink(
                "Sign-in and security",
                reverse("accounts:security"),
                "Your password and two-step verification"
                + (", and API tokens for other systems." if self.actor.is_staff_role else "."),
            )
        )
        return links

    def _shared_lives_links(self) -> list[HomeLink]:
        if self.actor.acts_as(Role.PERSON) and self.people:
            return [
                HomeLink(
                    "My matches",
                    reverse("sharedlives:my_matches", args=[self.people[0].pk]),
                    "Shared Lives households who might suit you. You choose who to meet.",
                )
            ]
        if self.actor.acts_as(Role.REPRESENTATIVE):
            return [
                HomeLink(
                    f"{p.called}'s matches",
                    reverse("sharedlives:my_matches", args=[p.pk]),
                    f"Shared Lives households who might suit {p.called}.",
                )
                for p in self.people
                if p.grants.filter(grantee=self.actor.user, scope="act_for", revoked_at=None)
            ]
        if self.actor.acts_as(Role.SHARED_LIVES_CARER):
            return [
                HomeLink(
                    "Introduction requests",
                    reverse("sharedlives:carer_requests"),
                    "People who would like to meet you, and your arrangements.",
                )
            ]
        if self.actor.acts_as(Role.SCHEME_WORKER):
            return [
                HomeLink(
                    "Shared Lives scheme",
                    reverse("sharedlives:dashboard"),
                    "People waiting, introductions, reviews, training and free places.",
                )
            ]
        if self.actor.acts_as(Role.COMMISSIONER, Role.EXPERT_BY_EXPERIENCE):
            return [
                HomeLink(
                    "Shared Lives report",
                    reverse("sharedlives:reports"),
                    "Carers, people supported and how arrangements are made.",
                )
            ]
        return []

    def _wellbeing_links(self) -> list[HomeLink]:
        if self.actor.acts_as(Role.PERSON) and self.people:
            return [
                HomeLink(
                    "How I'm doing",
                    reverse("wellbeing:how", args=[self.people[0].pk]),
                    "How you feel about life, your circle of people, your check-ins.",
                )
            ]
        if self.actor.acts_as(
            Role.COMMISSIONER, Role.SCHEME_WORKER, Role.LINK_WORKER, Role.EXPERT_BY_EXPERIENCE
        ):
            return [
                HomeLink(
                    "The connection test",
                    reverse("wellbeing:connection_test"),
                    "Do services connect people to family, friends and community? Figures only.",
                )
            ]
        return []

    def _community_links(self) -> list[HomeLink]:
        links = [
            HomeLink(
                "Find local support and activities",
                reverse("directory:search"),
                "Groups, clubs, peer support, community enterprises, council and NHS services.",
            )
        ]
        if self.actor.acts_as(Role.REFERRER):
            links += [
                HomeLink(
                    "Refer to social prescribing",
                    reverse("social_prescribing:refer"),
                    "A link worker helps them find what matters to them locally.",
                ),
                HomeLink(
                    "My social prescribing referrals",
                    reverse("social_prescribing:my_referrals"),
                    "What became of the people you referred.",
                ),
            ]
        if self.actor.acts_as(Role.LINK_WORKER):
            links.append(
                HomeLink(
                    "Social prescribing",
                    reverse("social_prescribing:inbox"),
                    "New referrals and your caseload.",
                )
            )
        if self.actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER):
            links += [
                HomeLink(
                    "Requests from link workers",
                    reverse("social_prescribing:community"),
                    "People who chose to try what you offer.",
                ),
                HomeLink(
                    "List your community enterprise",
                    reverse("directory:listing_new"),
                    "For micro-enterprises of up to 8 workers.",
                ),
            ]
        if self.actor.acts_as(Role.COMMISSIONER, Role.EXPERT_BY_EXPERIENCE):
            links.append(
                HomeLink(
                    "Social prescribing report",
                    reverse("social_prescribing:reports"),
                    "Referrals, time to first contact, connections, wellbeing.",
                )
            )
        if self.actor.acts_as(Role.AREA_ADMIN):
            links.append(
                HomeLink(
                    "Directory listings",
                    reverse("directory:listings"),
                    "Approve new listings; chase stale ones.",
                )
            )
        if self.actor.acts_as(Role.PERSON) and self.people:
            links.append(
                HomeLink(
                    "Things to try",
                    reverse("directory:shortlists", args=[self.people[0].pk]),
                    "Services your worker picked out for you.",
                )
            )
        return links

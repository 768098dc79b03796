"""What the person pages show."""

from dataclasses import dataclass

from django.urls import reverse

from .models import AccessGrant, GrantScope, Person
from .rules import can


def _or_not_recorded(value) -> str:
    return str(value) if value else "Not recorded"


@dataclass
class PersonPresenter:
    """A person's record as their profile page shows it."""

    person: Person
    actor: object

    @property
    def heading(self) -> str:
        if self.person.erased_at:
            return "Erased record"
        if self.actor.acts_as("person"):
            return "My profile"
        return self.person.full_name

    @property
    def is_own_record(self) -> bool:
        return self.actor.acts_as("person") and self.person.user_id == self.actor.user.pk

    @property
    def can_edit(self) -> bool:
        return can(self.actor, "edit_person", self.person)

    @property
    def can_manage_sharing(self) -> bool:
        return can(self.actor, "manage_sharing", self.person)

    @property
    def wellbeing_link(self) -> tuple[str, str] | None:
        """'How I'm doing', for whoever the person chose to let see it."""
        from kinfolk.wellbeing.rules import can_wellbeing

        if self.person.erased_at or not can_wellbeing(self.actor, "view_wellbeing", self.person):
            return None
        text = "How I'm doing" if self.is_own_record else f"How {self.person.called} is doing"
        return text, reverse("wellbeing:how", args=[self.person.pk])

    @property
    def shared_lives_link(self) -> tuple[str, str] | None:
        """For the person's scheme worker: their Shared Lives referral, or a way to refer."""
        from kinfolk.core import permissions
        from kinfolk.sharedlives.referrals.selectors import open_referral_for_person

        if self.person.erased_at or not permissions.can(
            self.actor, "sharedlives.manage_referral", self.person
        ):
            return None
        referral = open_referral_for_person(person=self.person)
        if referral:
            return "Shared Lives referral", reverse("sharedlives:referral", args=[referral.pk])
        return "Refer to Shared Lives", reverse(
            "sharedlives:referral_create", args=[self.person.pk]
        )

    def _row(self, key: str, value, field: str | None = None) -> dict:
        row = {"key": {"text": key}, "value": {"text": _or_not_recorded(value)}}
        if field and self.can_edit and not self.person.erased_at:
            row["actions"] = {
                "items": [
                    {
                        "href": reverse("people:edit", args=[self.person.pk]) + f"#id_{field}",
                        "text": "Change",
                        "visuallyHiddenText": key.lower(),
                    }
                ]
            }
        return row

    @property
    def about_rows(self) -> list[dict]:
        p = self.person
        dob = p.date_of_birth.strftime("%-d %B %Y") if p.date_of_birth else None
        nhs = f"{p.nhs_number[:3]} {p.nhs_number[3:6]} {p.nhs_number[6:]}" if p.nhs_number else None
        return [
            self._row("Name", p.full_name, "given_name"),
            self._row("Likes to be called", p.called, "preferred_name"),
            self._row("Date of birth", dob, "date_of_birth"),
            self._row("NHS number", nhs, "nhs_number"),
            self._row("Communication needs", p.communication_needs, "communication_needs"),
        ]

    @property
    def contact_rows(self) -> list[dict]:
        p = self.person
        return [
            self._row("Phone", p.phone, "phone"),
            self._row("Email", p.email, "email"),
            self._row(
                "Address",
                ", ".join(filter(None, [p.address.replace("\n", ", "), p.postcode])),
                "address",
            ),
        ]

    @property
    def assets(self) -> list[tuple[str, str]]:
        p = self.person
        return [
            ("What I can do", _or_not_recorded(p.can_do)),
            ("What I could do with support", _or_not_recorded(p.could_do_with_support)),
            ("What I rely on services for", _or_not_recorded(p.rely_on_services_for)),
        ]


@dataclass
class GrantPresenter:
    """One line on the 'who can see my record' page."""

    grant: AccessGrant

    @property
    def who(self) -> str:
        return f"{self.grant.grantee.display_name} ({self.grant.get_relationship_display()})"

    @property
    def what(self) -> str:
        return GrantScope(self.grant.scope).label

    @property
    def since(self) -> str:
        return self.grant.granted_at.strftime("%-d %B %Y")

    @property
    def ended(self) -> str:
        return self.grant.revoked_at.strftime("%-d %B %Y") if self.grant.revoked_at else ""


ACTIVITY_WORDS = {
    "view": "looked at the record",
    "create": "added something",
    "update": "changed the record",
    "export": "exported the record",
    "delete": "took something away",
    "denied": "tried to look but was refused",
    "break_glass": "used emergency access",
}
TARGET_WORDS = {"accessgrant": "sharing", "assignment": "an allocation", "person": "the record"}


@dataclass
class ActivityPresenter:
    """One line of 'who has seen my record', in plain words."""

    entry: object
    reason: str = ""  # for emergency access: the reason kept on the access itself

    @property
    def when(self) -> str:
        return self.entry.at.astimezone().strftime("%-d %B %Y, %H:%M")

    @property
    def who(self) -> str:
        actor = self.entry.actor
        if actor is None:
            return "Kinfolk (an administrator's command)"
        role = self.entry.role.replace("_", " ")
        return f"{actor.display_name} ({role})" if role else actor.display_name

    @property
    def what(self) -> str:
        action = ACTIVITY_WORDS.get(self.entry.action, self.entry.action)
        if self.entry.action in ("create", "delete") and self.entry.target_type != "person":
            action += f" ({TARGET_WORDS.get(self.entry.target_type, self.entry.target_type)})"
        return action

    @property
    def why(self) -> str:
        return self.reason

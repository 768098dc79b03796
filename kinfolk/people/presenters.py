"""What the person pages show. Presenters only present: the view asks the gate and the
selectors, and passes the answers in. (The links to other apps' pages, `wellbeing_link` and
`shared_lives_link`, still ask for themselves until they move to the per-app link registry.)"""

from dataclasses import dataclass

from django.urls import reverse

from kinfolk.core.registries import record_links

from .models import AccessGrant, GrantScope, Person


def _or_not_recorded(value) -> str:
    return str(value) if value else "Not recorded"


@dataclass
class PersonPresenter:
    """A person's record as their profile page shows it. `own`: the person is looking at their
    own record; `can_edit` and `can_manage_sharing`: what the gate answered for this actor."""

    person: Person
    actor: object
    own: bool = False
    can_edit: bool = False
    can_manage_sharing: bool = False

    @property
    def heading(self) -> str:
        if self.person.erased_at:
            return "Erased record"
        if self.own:
            return "My profile"
        return self.person.full_name

    @property
    def is_own_record(self) -> bool:
        return self.own

    @property
    def ways_on(self) -> list:
        """Where other parts of Kinfolk lead from this record ('How I'm doing', a Shared Lives
        referral): each app registers its own links (kinfolk.core.registries)."""
        if self.person.erased_at:
            return []
        return record_links(self.actor, self.person)

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
        # Built into summary-list rows here, so the `day` filter cannot reach it.
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
        if self.is_own_record:
            can, could, rely = (
                "What I can do",
                "What I could do with support",
                ("What I rely on services for"),
            )
        else:
            can, could, rely = (
                f"What {p.called} can do",
                f"What {p.called} could do with support",
                (f"What {p.called} relies on services for"),
            )
        return [
            (can, _or_not_recorded(p.can_do)),
            (could, _or_not_recorded(p.could_do_with_support)),
            (rely, _or_not_recorded(p.rely_on_services_for)),
        ]


EASY_SCOPE = {
    GrantScope.VIEW: "They can see my record.",
    GrantScope.EDIT: "They can see my record. They can help keep it up to date.",
    GrantScope.ACT_FOR: "They can act for me. They can choose who else sees my record.",
}


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
    def easy_what(self) -> str:
        """What they can do, in easy read, said by the person."""
        return EASY_SCOPE[self.grant.scope]

    @property
    def since(self):
        return self.grant.granted_at

    @property
    def ended(self):
        return self.grant.revoked_at


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
    def when(self):
        return self.entry.at

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

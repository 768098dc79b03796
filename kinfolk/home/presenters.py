"""What the home page shows: a greeting, the records it is about, and each app's cards."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape

from kinfolk.core.registries import HomeCard

TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev", "sir", "dame"}


def first_name(display_name: str) -> str:
    """The name to greet someone by: their first name, never a title ("Dr Damian Riley")."""
    words = (display_name or "").split()
    named = [w for w in words if w.lower().rstrip(".") not in TITLES]
    return (named or words or ["there"])[0]


@dataclass
class HomePresenter:
    """A role-aware home page: what this person came to do, first. The view asks the
    permission gate what to show; this only presents it."""

    actor: object
    people: list = field(default_factory=list)
    cards: list[HomeCard] = field(default_factory=list)
    shows_caseload: bool = False
    shows_own_record: bool = False
    shows_shared_with_me: bool = False

    @property
    def heading(self) -> str:
        return f"Hello, {first_name(self.actor.user.display_name)}"

    @property
    def role_summary(self) -> str:
        return (
            f"You are using Kinfolk as a {self.actor.role_label.lower()} in {self.actor.area.name}."
        )

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

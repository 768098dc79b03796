"""The actor: who is doing something, in which area, acting as which role."""

from dataclasses import dataclass, field

from .models import STAFF_ROLES, Membership, Role


@dataclass(frozen=True)
class Actor:
    """A signed-in user acting through one membership (or nobody, when signed out)."""

    user: object | None
    membership: Membership | None
    # What the permission gate has already answered in this request (kinfolk.core.permissions).
    facts: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def area(self):
        return self.membership.area if self.membership else None

    @property
    def role(self) -> str | None:
        return self.membership.role if self.membership else None

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""

    @property
    def is_signed_in(self) -> bool:
        return self.user is not None and self.user.is_authenticated

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    def acts_as(self, *roles: str) -> bool:
        """Whether the actor is acting in one of these roles."""
        return self.role in roles


NOBODY = Actor(user=None, membership=None)

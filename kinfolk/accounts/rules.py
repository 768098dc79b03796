"""Who may run the area's accounts. Asked through kinfolk.core.permissions, never directly:

- `accounts.manage_memberships`: give and take away roles in the area (the object, if any, is
  an area, or a membership in it).
- `accounts.reset_two_step`: turn off someone's second step after they lost their app and
  codes (the object, if any, is their membership).

Roles are compared here, in `models.py` and in `actor.py`; nowhere else (ADR 0005).
"""

import rules

from kinfolk.core.models import Area

from .models import Role


def _area_id(obj) -> int:
    return obj.pk if isinstance(obj, Area) else obj.area_id


@rules.predicate
def is_area_admin(actor, obj=None) -> bool:
    """The area admin, for their own area (or for something that belongs to it)."""
    return actor.acts_as(Role.AREA_ADMIN) and (obj is None or _area_id(obj) == actor.area.pk)


@rules.predicate
def is_care_worker(actor, obj=None) -> bool:
    """Someone who starts and keeps records for the people they support."""
    return actor.acts_as(Role.SCHEME_WORKER, Role.LINK_WORKER)


@rules.predicate
def is_staff(actor, obj=None) -> bool:
    """A role that sees other people's information at work."""
    return actor.membership is not None and actor.membership.is_staff_role


rules.add_perm("accounts.manage_memberships", is_area_admin)
rules.add_perm("accounts.reset_two_step", is_area_admin)


def may_issue_api_token(actor, second_step_done: bool) -> bool:
    """Anyone may make a token for their own role; staff only after a second step this session."""
    if actor.membership is None:
        return False
    if is_staff(actor):
        return actor.user.mfa_enabled and second_step_done
    return True


# The home page's cards (kinfolk/accounts/links.py), asked through kinfolk.core.permissions.can.
@rules.predicate
def works_with_peoples_information(actor, obj=None) -> bool:
    """Staff: they see other people's information at work and may connect other systems."""
    return actor.membership is not None and actor.membership.is_staff_role


rules.add_perm("accounts.see_memberships", is_area_admin)
rules.add_perm("accounts.connect_other_systems", works_with_peoples_information)

"""Who may do what in the directory: every permission the app uses, named once.

Looking things up needs no permission: the directory is public. Everything else asks through
`kinfolk.core.permissions.can` / `require`, e.g. `require(actor, "directory.decide_listing", org)`.
"""

import rules

from kinfolk.accounts.models import CARE_ROLES, Role
from kinfolk.people.rules import can as can_for_person


@rules.predicate
def is_community_organisation_member(actor, obj=None) -> bool:
    return actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER)


@rules.predicate
def is_area_admin(actor, obj=None) -> bool:
    return actor.acts_as(Role.AREA_ADMIN)


@rules.predicate
def is_in_actors_area(actor, org) -> bool:
    return org is not None and actor.area is not None and org.area_id == actor.area.pk


@rules.predicate
def submitted_it(actor, org) -> bool:
    """The community organisation member who listed this enterprise."""
    return (
        org is not None
        and actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER)
        and org.submitted_by_id == actor.user.pk
    )


@rules.predicate
def works_with_people(actor, obj=None) -> bool:
    """Scheme workers, link workers and referrers: the people who support someone."""
    return actor.role in CARE_ROLES


@rules.predicate
def supports_the_person(actor, person) -> bool:
    """A worker whose work with the person lets them see the person's record."""
    return person is not None and can_for_person(actor, "view_person", person)


@rules.predicate
def is_the_person(actor, person) -> bool:
    """The person themselves, signed in as themselves."""
    return (
        person is not None
        and actor.acts_as(Role.PERSON)
        and person.user_id is not None
        and person.user_id == actor.user.pk
    )


# A community micro-enterprise lists itself; the area admin approves it before it shows.
rules.add_perm("directory.list_enterprise", is_community_organisation_member)
rules.add_perm("directory.see_listings", is_area_admin)
rules.add_perm("directory.decide_listing", is_area_admin & is_in_actors_area)
rules.add_perm("directory.confirm_listing", submitted_it | (is_area_admin & is_in_actors_area))
# A worker sends a person a shortlist of services to look at; the person decides.
rules.add_perm("directory.keep_shortlists", works_with_people)
rules.add_perm("directory.send_shortlist", works_with_people & supports_the_person)
# The person reads the shortlists sent to them as their own (others see whose they are).
rules.add_perm("directory.read_own_shortlists", is_the_person)
# The home page's card for a person (kinfolk/directory/links.py).
rules.add_perm("directory.see_things_to_try", is_the_person)

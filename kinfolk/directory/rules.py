"""Who may do what in the community directory. Searching it is open to everyone."""

import rules

from kinfolk.accounts.models import Role
from kinfolk.accounts.rules import is_area_admin
from kinfolk.people.rules import is_in_actors_area, is_the_person


# The home page's cards (kinfolk/directory/links.py), asked through kinfolk.core.permissions.can.
@rules.predicate
def acts_for_a_community_organisation(actor, obj=None) -> bool:
    return actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER)


rules.add_perm("directory.list_a_community_enterprise", acts_for_a_community_organisation)
rules.add_perm("directory.review_listings", is_area_admin)
rules.add_perm("directory.see_things_to_try", is_in_actors_area & is_the_person)

"""Who may do what with commitments. Reading published commitments needs no permission: they
are public. Writing them is for the area's commissioners."""

import rules

from kinfolk.accounts.models import Role


@rules.predicate
def is_commissioner(actor, obj=None) -> bool:
    return actor.acts_as(Role.COMMISSIONER)


@rules.predicate
def is_in_actors_area(actor, commitment) -> bool:
    return commitment is not None and actor.area is not None and commitment.area_id == actor.area.pk


rules.add_perm("accountability.manage_commitments", is_commissioner)
rules.add_perm("accountability.change_commitment", is_commissioner & is_in_actors_area)

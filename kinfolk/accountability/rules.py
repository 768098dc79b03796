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


# --- outcome payments (ADR 0043) --------------------------------------------------------------
# - `accountability.manage_outcome_contracts` (area): a commissioner sets contracts up.
# - `accountability.see_outcome_contract` (a contract): the area's commissioners, and the
#   members of the provider organisation it pays (figures only, never who).
# - `accountability.answer_outcome` (a claim): the person, or someone they chose to act for them.


@rules.predicate
def provides_it(actor, contract) -> bool:
    from kinfolk.social_prescribing.models import OrganizationMember

    return (
        contract is not None
        and actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER)
        and OrganizationMember.objects.filter(
            organization_id=contract.organization_id, user=actor.user
        ).exists()
    )


@rules.predicate
def is_theirs_to_answer(actor, claim) -> bool:
    from kinfolk.people.rules import granted_act_for, is_the_person

    return claim is not None and (
        is_the_person(actor, claim.person) or granted_act_for(actor, claim.person)
    )


rules.add_perm("accountability.manage_outcome_contracts", is_commissioner)
rules.add_perm(
    "accountability.see_outcome_contract",
    is_in_actors_area & (is_commissioner | provides_it),
)
rules.add_perm("accountability.answer_outcome", is_in_actors_area & is_theirs_to_answer)


# --- people score services (ADR 0046) ---------------------------------------------------------
# - `accountability.score_a_service` (a person): the person themselves.
# - `accountability.read_score_words` (area): commissioners (words without names).


@rules.predicate
def is_them(actor, person) -> bool:
    from kinfolk.people.rules import is_the_person

    return person is not None and bool(is_the_person(actor, person))


rules.add_perm("accountability.score_a_service", is_them)
rules.add_perm("accountability.read_score_words", is_commissioner)

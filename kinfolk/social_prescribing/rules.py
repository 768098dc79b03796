"""Who may do what in social prescribing: every permission the app uses, named once.

Everything else asks through `kinfolk.core.permissions.can` / `require`, e.g.
`require(actor, "social_prescribing.record_conversation", referral)`. Each predicate takes the
actor and the record the question is about (a referral, something sent to a community
organisation, or nothing for a page that lists the actor's own work).
"""

import rules

from kinfolk.accounts.models import Role

from .models import OrganizationMember


@rules.predicate
def is_referrer(actor, obj=None) -> bool:
    """A GP, nurse or other professional who refers people."""
    return actor.acts_as(Role.REFERRER)


@rules.predicate
def is_link_worker(actor, obj=None) -> bool:
    return actor.acts_as(Role.LINK_WORKER)


@rules.predicate
def is_community_organisation_member(actor, obj=None) -> bool:
    return actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER)


@rules.predicate
def is_in_actors_area(actor, record) -> bool:
    return record is not None and actor.area is not None and record.area_id == actor.area.pk


@rules.predicate
def is_its_link_worker(actor, referral) -> bool:
    """The link worker who took this referral (and so supports the person)."""
    return (
        referral is not None
        and actor.acts_as(Role.LINK_WORKER)
        and referral.link_worker_id == actor.user.pk
    )


@rules.predicate
def is_its_referrer(actor, referral) -> bool:
    return (
        referral is not None
        and actor.acts_as(Role.REFERRER)
        and referral.referrer_id == actor.user.pk
    )


@rules.predicate
def is_the_person_referred(actor, referral) -> bool:
    return (
        referral is not None
        and actor.acts_as(Role.PERSON)
        and referral.person.user_id == actor.user.pk
    )


@rules.predicate
def is_of_the_organisation(actor, sent) -> bool:
    """A member of the community organisation a request was sent to."""
    return (
        sent is not None
        and actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER)
        and OrganizationMember.objects.filter(
            organization_id=sent.organization_id, user=actor.user
        ).exists()
    )


# The referral's own link worker, in the referral's area: everything done with the person.
supports_the_person = is_in_actors_area & is_its_link_worker


@rules.predicate
def supports_the_person_sent(actor, sent) -> bool:
    """The link worker of the referral a community request came from."""
    return sent is not None and supports_the_person.test(actor, sent.referral)


@rules.predicate
def holds_services_to_account(actor, obj=None) -> bool:
    """Commissioners, link workers and experts by experience read the area's figures."""
    return actor.acts_as(Role.COMMISSIONER, Role.LINK_WORKER, Role.EXPERT_BY_EXPERIENCE)


# Referrers: make a referral, and see what became of their own.
rules.add_perm("social_prescribing.refer", is_referrer)
rules.add_perm("social_prescribing.see_referrals_sent", is_referrer)
# Link workers: the inbox and caseload, taking a new referral in their area.
rules.add_perm("social_prescribing.work_caseload", is_link_worker)
rules.add_perm("social_prescribing.take_referral", is_link_worker & is_in_actors_area)
# A referral is seen by its link worker, the referrer who sent it, and the person themselves.
rules.add_perm(
    "social_prescribing.see_referral",
    is_its_link_worker | is_its_referrer | is_the_person_referred,
)
# What only the person's link worker does.
for verb_noun in (
    "record_conversation",
    "add_goal",
    "refer_to_community_group",
    "link_outcome",
    "close_referral",
    "decline_referral",
):
    rules.add_perm(f"social_prescribing.{verb_noun}", supports_the_person)
# Community organisations: the requests sent to them, and their answer.
rules.add_perm("social_prescribing.see_community_requests", is_community_organisation_member)
rules.add_perm("social_prescribing.decide_as_community_organisation", is_of_the_organisation)
rules.add_perm(
    "social_prescribing.record_started", is_of_the_organisation | supports_the_person_sent
)
# Aggregates under the disclosure rule: commissioners, link workers, experts by experience.
rules.add_perm("social_prescribing.see_reports", holds_services_to_account)

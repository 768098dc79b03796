"""Who may see social prescribing's published figures."""

import rules

from kinfolk.accounts.models import Role


def sees_prescribing_reports(actor) -> bool:
    """Aggregates under the disclosure rule: commissioners, link workers, experts by experience."""
    return actor.is_signed_in and actor.acts_as(
        Role.COMMISSIONER, Role.LINK_WORKER, Role.EXPERT_BY_EXPERIENCE
    )


# The home page's cards (kinfolk/social_prescribing/links.py), asked through
# kinfolk.core.permissions.can.
@rules.predicate
def acts_as_referrer(actor, obj=None) -> bool:
    return actor.acts_as(Role.REFERRER)


@rules.predicate
def acts_as_link_worker(actor, obj=None) -> bool:
    return actor.acts_as(Role.LINK_WORKER)


@rules.predicate
def acts_for_a_community_organisation(actor, obj=None) -> bool:
    return actor.acts_as(Role.COMMUNITY_ORGANISATION_MEMBER)


@rules.predicate
def reads_prescribing_reports(actor, obj=None) -> bool:
    return sees_prescribing_reports(actor)


rules.add_perm("social_prescribing.refer_someone", acts_as_referrer)
rules.add_perm("social_prescribing.work_the_inbox", acts_as_link_worker)
rules.add_perm("social_prescribing.answer_community_requests", acts_for_a_community_organisation)
rules.add_perm("social_prescribing.see_report", reads_prescribing_reports)

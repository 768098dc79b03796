"""Who may see social prescribing's published figures."""

from kinfolk.accounts.models import Role


def sees_prescribing_reports(actor) -> bool:
    """Aggregates under the disclosure rule: commissioners, link workers, experts by experience."""
    return actor.is_signed_in and actor.acts_as(
        Role.COMMISSIONER, Role.LINK_WORKER, Role.EXPERT_BY_EXPERIENCE
    )

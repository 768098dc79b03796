"""Who may see what in notifications: everyone their own; the area admin the outbox and the
scheduled jobs of their area."""

import rules

from kinfolk.accounts.models import Role


@rules.predicate
def runs_the_area(actor, area=None) -> bool:
    return actor.acts_as(Role.AREA_ADMIN) and (area is None or area.pk == actor.area.pk)


@rules.predicate
def is_the_recipient(actor, notification) -> bool:
    return notification is not None and notification.recipient_id == actor.user.pk


rules.add_perm("notifications.see_own", rules.always_allow)
rules.add_perm("notifications.read_notification", is_the_recipient)
rules.add_perm("notifications.read_outbox", runs_the_area)
rules.add_perm("notifications.see_scheduled_jobs", runs_the_area)
